/**
 * A writable that gathers small chunks into blocks of `capacity` bytes before passing them on: the zip
 * writer emits chunks of a few hundred kilobytes, and every write to a file picker's stream is a round
 * trip to the browser process. Memory stays bounded by one block.
 */
export function coalesceWrites(
  sink: WritableStreamDefaultWriter<Uint8Array>,
  capacity: number,
  onBytes: (count: number) => void = () => {},
): WritableStream<Uint8Array> {
  let block = new Uint8Array(capacity);
  let filled = 0;
  const flush = async () => {
    if (filled === 0) return;
    const full = block.subarray(0, filled);
    block = new Uint8Array(capacity);
    filled = 0;
    await sink.write(full);
  };
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      onBytes(chunk.length);
      if (filled + chunk.length > capacity) await flush();
      if (chunk.length >= capacity) {
        await sink.write(chunk.slice());
        return;
      }
      block.set(chunk, filled);
      filled += chunk.length;
    },
    async close() {
      await flush();
      await sink.close();
    },
    abort: (reason) => sink.abort(reason),
  });
}
