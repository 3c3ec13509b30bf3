/** Raw deflate (method 8) through the platform's CompressionStream: native code, browsers and Node alike. */

export function deflateStream(): TransformStream<Uint8Array, Uint8Array> {
  return new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
}

/** Deflates bytes held whole (small files: text, records, reports). */
export async function deflateBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = deflateStream();
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    total += read.value.length;
  }
  await written;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
