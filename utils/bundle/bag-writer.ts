/**
 * One BagIt bag being written into a zip: every file added is hashed and counted, payload files are listed
 * for the payload manifest and tag files for the tag manifest. The bundle writer decides what goes in.
 */
import { sha256Hex } from '../integrity/sha256';
import { manifestText, type ManifestEntry } from './bagit';
import { coalesceWrites } from './coalesce';
import type { BundleProgress, WrittenFile } from './types';
import { EncryptedZipWriter } from './zip/encrypted-zip';
import { StreamingZipWriter, type ZipEntryOptions, type ZipSource } from './zip/zip-writer';

/** Writes reach the output in blocks of this size (see coalesceWrites). */
const WRITE_BLOCK_BYTES = 4 * 1024 * 1024;

export interface BagWriterOptions {
  /** The bag's folder in the zip. */
  name: string;
  /** The modification date of files that have none of their own. */
  generatedAt: Date;
  password?: string | undefined;
  zip64?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BundleProgress) => void) | undefined;
}

/** Where an entry's bytes come from: whole bytes, or a stream of known size. */
export type EntrySource = ZipSource;

export class BagWriter {
  readonly name: string;
  private readonly generatedAt: Date;
  private readonly sink: WritableStreamDefaultWriter<Uint8Array>;
  /** Unencrypted bundles stream through our own writer; AES-encrypted ones go through zip.js. */
  private readonly zip: StreamingZipWriter | EncryptedZipWriter;
  private readonly onProgress: BagWriterOptions['onProgress'];
  private readonly progress: BundleProgress = { files: 0, bytes: 0 };
  private readonly payload: ManifestEntry[] = [];
  private readonly tags: ManifestEntry[] = [];
  private payloadBytesWritten = 0;
  private zipBytesWritten = 0;
  private tagManifest: Uint8Array | null = null;

  constructor(output: WritableStream<Uint8Array>, options: BagWriterOptions) {
    this.name = options.name;
    this.generatedAt = options.generatedAt;
    this.onProgress = options.onProgress;
    this.sink = output.getWriter();
    const relay = coalesceWrites(this.sink, WRITE_BLOCK_BYTES, (count) => (this.zipBytesWritten += count));
    const { password, zip64, signal } = options;
    this.zip = password
      ? new EncryptedZipWriter(relay, { password, zip64, signal })
      : new StreamingZipWriter(relay.getWriter(), { zip64, signal });
  }

  get payloadFiles(): number {
    return this.payload.length;
  }

  get payloadBytes(): number {
    return this.payloadBytesWritten;
  }

  get zipBytes(): number {
    return this.zipBytesWritten;
  }

  /** Adds a tag file (beside data/), listed in the tag manifest; resolves with its SHA-256. */
  async addTagText(path: string, text: string): Promise<string> {
    return this.addTagBytes(path, new TextEncoder().encode(text));
  }

  /** Adds a tag file of any bytes, listed in the tag manifest; resolves with its SHA-256. */
  async addTagBytes(path: string, bytes: Uint8Array): Promise<string> {
    if (this.tagManifest) throw new Error(`${path}: the tag manifest is already written.`);
    const sha256 = await this.addHashed(path, bytes);
    this.tags.push({ path, sha256 });
    return sha256;
  }

  /** Adds a text file under data/, listed in the payload manifest. */
  async addPayloadText(path: string, text: string, lastModDate = this.generatedAt): Promise<WrittenFile> {
    const bytes = new TextEncoder().encode(text);
    const sha256 = await this.addHashed(`data/${path}`, bytes, lastModDate);
    this.listPayload(`data/${path}`, sha256, bytes.length);
    return { role: 'record', name: path.split('/').pop() ?? path, path, size: bytes.length, sha256 };
  }

  /** Adds small bytes under data/ (a time-stamp token), hashed here and listed in the payload manifest. */
  async addPayloadBytes(path: string, bytes: Uint8Array, lastModDate = this.generatedAt): Promise<string> {
    const sha256 = await this.addHashed(`data/${path}`, bytes, lastModDate);
    this.listPayload(`data/${path}`, sha256, bytes.length);
    return sha256;
  }

  /** Adds a payload file whose SHA-256 the caller has checked (or checks as the stream passes). */
  async addPayloadFile(
    path: string,
    source: EntrySource,
    file: { sha256: string; size: number; compress: boolean; lastModDate: Date },
  ): Promise<void> {
    await this.zip.add(this.entryName(path), source, this.entryOptions(file.compress, file.lastModDate));
    this.listPayload(path, file.sha256, file.size);
    this.count(file.size);
  }

  /** The payload manifest, written once every payload file is in; resolves with its SHA-256. */
  async addPayloadManifest(): Promise<string> {
    return this.addTagText('manifest-sha256.txt', manifestText(this.payload));
  }

  /**
   * The tag manifest, once every listed tag file is in (it leaves itself out, as BagIt says); resolves with its
   * bytes, which the seals (the signature, a time-stamp token) are made over.
   */
  async addTagManifest(): Promise<Uint8Array> {
    if (this.tagManifest) return this.tagManifest;
    const bytes = new TextEncoder().encode(manifestText(this.tags));
    this.tagManifest = bytes;
    await this.addHashed('tagmanifest-sha256.txt', bytes);
    return bytes;
  }

  /**
   * A tag file made over the finished tag manifest, so the tag manifest cannot list it (its hash would change
   * what it seals). The signature and the time-stamp token over the tag manifest are such files.
   */
  async addSealFile(path: string, bytes: Uint8Array): Promise<void> {
    if (!this.tagManifest) throw new Error(`${path}: a seal is made over the tag manifest, written first.`);
    await this.addHashed(path, bytes);
  }

  /** The tag manifest if not written yet, then the zip's central directory. */
  async close(): Promise<void> {
    await this.addTagManifest();
    await this.zip.close();
  }

  async abort(reason: unknown): Promise<void> {
    await this.sink.abort(reason).catch(() => undefined);
  }

  private entryName(path: string): string {
    return `${this.name}/${path}`;
  }

  private entryOptions(compress: boolean, modified: Date): ZipEntryOptions {
    return { compress, modified, onProgress: (done) => this.report(done) };
  }

  private report(extraBytes = 0): void {
    this.onProgress?.({ files: this.progress.files, bytes: this.progress.bytes + extraBytes });
  }

  private async addHashed(path: string, bytes: Uint8Array, lastModDate = this.generatedAt): Promise<string> {
    const sha256 = await sha256Hex(bytes);
    await this.zip.add(this.entryName(path), { bytes }, this.entryOptions(true, lastModDate));
    this.count(bytes.length);
    return sha256;
  }

  private listPayload(path: string, sha256: string, size: number): void {
    this.payload.push({ path, sha256 });
    this.payloadBytesWritten += size;
  }

  private count(bytes: number): void {
    this.progress.files++;
    this.progress.bytes += bytes;
    this.report();
  }
}
