import { describe, expect, it } from 'vitest';
import { coalesceWrites } from './coalesce';

function recordingSink() {
  const writes: number[][] = [];
  let closed = false;
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      writes.push([...chunk]);
    },
    close() {
      closed = true;
    },
  });
  return { writer: stream.getWriter(), writes, isClosed: () => closed };
}

describe('coalesceWrites', () => {
  it('passes every byte on, in order, in blocks no larger than the capacity (except single large chunks)', async () => {
    const sink = recordingSink();
    let counted = 0;
    const writer = coalesceWrites(sink.writer, 8, (count) => (counted += count)).getWriter();
    const chunks = [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10], Array.from({ length: 20 }, (_, i) => 100 + i), [11]];
    for (const chunk of chunks) {
      const bytes = Uint8Array.from(chunk);
      await writer.write(bytes);
      bytes.fill(0); // the zip writer may reuse its buffers once a write resolves
    }
    await writer.close();
    expect(sink.writes.flat()).toEqual(chunks.flat());
    expect(sink.writes.map((write) => write.length)).toEqual([6, 4, 20, 1]);
    expect(counted).toBe(chunks.flat().length);
    expect(sink.isClosed()).toBe(true);
  });

  it('writes nothing extra for an empty stream and still closes the sink', async () => {
    const sink = recordingSink();
    await coalesceWrites(sink.writer, 8).getWriter().close();
    expect(sink.writes).toEqual([]);
    expect(sink.isClosed()).toBe(true);
  });
});
