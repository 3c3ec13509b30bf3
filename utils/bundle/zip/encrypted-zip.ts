/**
 * Zips with AES-256 encryption through zip.js, for bundles with a passphrase: the same add/close shape as the
 * streaming writer. zip.js keeps an object per entry until it closes, so very large encrypted bundles cost more
 * memory than unencrypted ones.
 */
import { Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import type { ZipEntryOptions, ZipSource } from './zip-writer';

export class EncryptedZipWriter {
  private readonly zip: ZipWriter<unknown>;

  constructor(
    output: WritableStream<Uint8Array>,
    options: { password: string; zip64?: boolean | undefined; signal?: AbortSignal | undefined },
  ) {
    this.zip = new ZipWriter(output, {
      useWebWorkers: false,
      keepOrder: true,
      password: options.password,
      encryptionStrength: 3,
      ...(options.zip64 ? { zip64: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  async add(path: string, source: ZipSource, entry: ZipEntryOptions): Promise<void> {
    const options = {
      level: entry.compress ? 6 : 0,
      lastModDate: entry.modified,
      onprogress: async (done: number) => entry.onProgress?.(done),
    };
    if ('bytes' in source) await this.zip.add(path, new Uint8ArrayReader(source.bytes), options);
    else
      await this.zip.add(path, { readable: source.readable }, { ...options, uncompressedSize: source.size });
  }

  async close(): Promise<void> {
    await this.zip.close();
  }
}
