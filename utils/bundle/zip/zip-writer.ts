/**
 * A streaming zip writer for unencrypted entries. Each entry's bytes go to the output as they come; what stays
 * in memory per entry is its packed central-directory header (central-directory.ts), so memory does not grow
 * with the entry's size and barely with the number of entries. Entries held whole are written with their CRC
 * and sizes in the local header; streamed entries get a data descriptor. ZIP64 records are written where a
 * count, size or offset needs them (over 65,535 entries, 4 GiB), or for every entry when asked.
 */
import { CentralDirectory } from './central-directory';
import { crc32 } from './crc32';
import { deflateBytes, deflateStream } from './deflate';
import {
  centralHeader,
  dataDescriptor,
  directoryEnd,
  localHeader,
  METHOD_DEFLATED,
  METHOD_STORED,
  type EntryHeader,
} from './records';

/** Streamed entries this large may pass 4 GiB once deflated (deflate can add a little), so they are ZIP64. */
const ZIP64_ENTRY_BYTES = 0xffffffff - 64 * 1024 * 1024;

/** Where an entry's bytes come from: whole bytes, or a stream of known size. */
export type ZipSource = { bytes: Uint8Array } | { readable: ReadableStream<Uint8Array>; size: number };

export interface ZipEntryOptions {
  /** Deflate the entry (text); stored otherwise (PNG and other compressed formats). */
  compress: boolean;
  modified: Date;
  /** Uncompressed bytes of this entry consumed so far. */
  onProgress?: ((bytes: number) => void) | undefined;
}

export interface ZipWriterOptions {
  /** ZIP64 fields on every entry and the ZIP64 end records, whatever the sizes. */
  zip64?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

export class StreamingZipWriter {
  private readonly directory = new CentralDirectory();
  private readonly encoder = new TextEncoder();
  private offset = 0;

  constructor(
    private readonly sink: WritableStreamDefaultWriter<Uint8Array>,
    private readonly options: ZipWriterOptions = {},
  ) {}

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  async add(path: string, source: ZipSource, entry: ZipEntryOptions): Promise<void> {
    this.options.signal?.throwIfAborted();
    const name = this.encoder.encode(path);
    const offset = this.offset;
    const header =
      'bytes' in source
        ? await this.addWhole(name, source.bytes, entry)
        : await this.addStreamed(name, source, entry);
    this.directory.add(centralHeader({ ...header, offset, forceZip64: Boolean(this.options.zip64) }));
  }

  /** The central directory and the end records; closes the output. */
  async close(): Promise<void> {
    this.options.signal?.throwIfAborted();
    const directoryOffset = this.offset;
    for (const block of this.directory.blocks()) await this.write(block);
    await this.write(
      directoryEnd({
        entries: this.directory.entries,
        directoryOffset,
        directorySize: this.directory.size,
        forceZip64: Boolean(this.options.zip64),
      }),
    );
    await this.sink.close();
  }

  private async write(bytes: Uint8Array): Promise<void> {
    await this.sink.write(bytes);
    this.offset += bytes.length;
  }

  private async addWhole(name: Uint8Array, bytes: Uint8Array, entry: ZipEntryOptions): Promise<EntryHeader> {
    const crc = crc32(bytes);
    const method = entry.compress ? METHOD_DEFLATED : METHOD_STORED;
    const data = entry.compress ? await deflateBytes(bytes) : bytes;
    const header: EntryHeader = {
      name,
      method,
      modified: entry.modified,
      descriptor: false,
      zip64: Boolean(this.options.zip64),
      crc,
      compressedSize: data.length,
      size: bytes.length,
    };
    await this.write(localHeader(header));
    await this.write(data);
    entry.onProgress?.(bytes.length);
    return header;
  }

  private async addStreamed(
    name: Uint8Array,
    source: { readable: ReadableStream<Uint8Array>; size: number },
    entry: ZipEntryOptions,
  ): Promise<EntryHeader> {
    const header: EntryHeader = {
      name,
      method: entry.compress ? METHOD_DEFLATED : METHOD_STORED,
      modified: entry.modified,
      descriptor: true,
      zip64: Boolean(this.options.zip64) || source.size >= ZIP64_ENTRY_BYTES,
      crc: 0,
      compressedSize: 0,
      size: 0,
    };
    await this.write(localHeader(header));
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        header.crc = crc32(chunk, header.crc);
        header.size += chunk.length;
        entry.onProgress?.(header.size);
        controller.enqueue(chunk);
      },
    });
    let data = source.readable.pipeThrough(counted);
    if (entry.compress) data = data.pipeThrough(deflateStream());
    const reader = data.getReader();
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        this.options.signal?.throwIfAborted();
        await this.write(read.value);
        header.compressedSize += read.value.length;
      }
    } catch (error) {
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    if (header.size !== source.size)
      throw new Error(
        `${new TextDecoder().decode(name)}: ${header.size} bytes read, ${source.size} announced.`,
      );
    await this.write(dataDescriptor(header));
    return header;
  }
}
