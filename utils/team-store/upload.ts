import type { CustodyEntry } from '../evidence/types';
import { canonicalJson } from '../integrity/custody';
import { blobKey, custodyKey, recordKey } from './keys';
import type { S3Store } from './s3-client';

/** One revision of one evidence record, with its artifacts' bytes and the custody entries that go with it. */
export interface EvidenceUpload {
  installationId: string;
  evidenceId: string;
  revision: number;
  record: unknown;
  blobs: { sha256: string; bytes: Uint8Array }[];
  custody: CustodyEntry[];
}

/**
 * Uploads blobs first, then custody entries, then the record, so a reader never finds a record whose bytes
 * are missing. Safe to repeat after a lost answer: blobs are looked up first, and the same bytes under an
 * immutable key are a harmless second version, never a conflicting one. Returns each key's version ID.
 */
export async function uploadEvidence(
  store: S3Store,
  upload: EvidenceUpload,
): Promise<Record<string, string>> {
  const { prefix } = store.config;
  const versionIds: Record<string, string> = {};
  for (const blob of upload.blobs) {
    const key = blobKey(prefix, blob.sha256);
    versionIds[key] = (await store.putBlobOnce(key, blob.bytes)).versionId;
  }
  const json = (value: unknown) => new TextEncoder().encode(canonicalJson(value));
  for (const entry of upload.custody) {
    const key = custodyKey(prefix, upload.installationId, entry.sequence, entry.hash);
    versionIds[key] = (await store.putObject(key, json(entry), 'application/json')).versionId;
  }
  const key = recordKey(prefix, upload.installationId, upload.evidenceId, upload.revision);
  versionIds[key] = (await store.putObject(key, json(upload.record), 'application/json')).versionId;
  return versionIds;
}
