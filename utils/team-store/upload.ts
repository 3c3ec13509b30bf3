import type { CustodyEntry } from '../evidence/types';
import { canonicalJson } from '../integrity/custody';
import { blobKey, custodyKey, recordKey } from './keys';
import type { Limit } from './limit';
import type { S3Store } from './s3-client';

/**
 * An artifact to upload: its bytes, or a reader that fetches them only when their turn comes (a Blob from
 * IndexedDB, sent as it is). `sha256` is its key and the payload hash the engine checks the bytes against.
 */
export interface UploadBlob {
  sha256: string;
  /** For progress: counted as done when the blob is already in the store. */
  size?: number;
  bytes?: Uint8Array | Blob;
  /** Resolves undefined when the bytes are gone here (a tombstone's): the blob is skipped. */
  read?: () => Promise<Uint8Array | Blob | undefined>;
}

/** One revision of one evidence record (or, with no record, custody entries alone). */
export interface EvidenceUpload {
  installationId: string;
  evidenceId: string;
  revision: number;
  /** The record object; undefined for a job of custody entries that name no evidence. */
  record: unknown;
  blobs: UploadBlob[];
  custody: CustodyEntry[];
}

export interface UploadOptions {
  /** Keys already written by an earlier attempt, with their version IDs: skipped. */
  written?: Readonly<Record<string, string>>;
  /**
   * Look each key up before writing it. Set on a retry: an earlier attempt may have written an object whose
   * answer was lost, and an engine that ignores If-None-Match would otherwise keep a second (identical) version.
   */
  headFirst?: boolean;
  /** How many blobs travel at once (records and custody entries follow, one at a time). */
  concurrency?: number;
  /** Each blob's look-up and upload runs through it: a limit shared with other uploads running at once. */
  transfer?: Limit;
  /** Called after each object is written, so progress and version IDs survive a stop. */
  onWritten?: (key: string, versionId: string, bytes: number) => Promise<void> | void;
}

/**
 * Uploads blobs first, then custody entries, then the record, so a reader never finds a record whose bytes
 * are missing. Safe to repeat after a lost answer: blobs are looked up first, and the same bytes under an
 * immutable key are a harmless second version, never a conflicting one. Returns each key's version ID.
 */
export async function uploadEvidence(
  store: S3Store,
  upload: EvidenceUpload,
  options: UploadOptions = {},
): Promise<Record<string, string>> {
  const { prefix } = store.config;
  const versionIds: Record<string, string> = { ...options.written };
  const wrote = async (key: string, versionId: string, bytes: number) => {
    versionIds[key] = versionId;
    await options.onWritten?.(key, versionId, bytes);
  };
  const putOnce = async (key: string, body: Uint8Array, contentType: string) => {
    const found = options.headFirst ? await store.headObject(key) : undefined;
    return found ?? (await store.putObject(key, body, contentType));
  };

  const transfer: Limit = options.transfer ?? ((work) => work());
  const blobs = upload.blobs.filter((blob) => !(blobKey(prefix, blob.sha256) in versionIds));
  let next = 0;
  const worker = async () => {
    while (next < blobs.length) {
      const blob = blobs[next++]!;
      const key = blobKey(prefix, blob.sha256);
      const result = await transfer(async () => {
        const existing = await store.headObject(key);
        if (existing) return { versionId: existing.versionId, bytes: blob.size ?? 0 };
        const bytes = blob.bytes ?? (await blob.read?.());
        if (!bytes) return undefined;
        const written = await store.putObject(key, bytes, undefined, blob.sha256);
        return { versionId: written.versionId, bytes: bytes instanceof Blob ? bytes.size : bytes.byteLength };
      });
      if (result) await wrote(key, result.versionId, result.bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));

  const json = (value: unknown) => new TextEncoder().encode(canonicalJson(value));
  for (const entry of upload.custody) {
    const key = custodyKey(prefix, upload.installationId, entry.sequence, entry.hash);
    if (key in versionIds) continue;
    await wrote(key, (await putOnce(key, json(entry), 'application/json')).versionId, 0);
  }
  if (upload.record !== undefined) {
    const key = recordKey(prefix, upload.installationId, upload.evidenceId, upload.revision);
    if (!(key in versionIds))
      await wrote(key, (await putOnce(key, json(upload.record), 'application/json')).versionId, 0);
  }
  return versionIds;
}
