/**
 * Reads an artifact's bytes for the bundle and proves they are the bytes recorded: size first, then the
 * SHA-256, whole for small artifacts and as the stream passes for large ones. A mismatch is a BundleError.
 */
import type { Artifact } from '../evidence/types';
import { sha256Hex } from '../integrity/sha256';
import { Sha256 } from '../integrity/sha256-stream';
import { exportText } from '../text';
import type { EntrySource } from './bag-writer';
import { BundleError } from './bundle-error';

/** An artifact read (and, when small, hashed) ahead of its turn, so reading overlaps with zipping. */
export interface ReadyArtifact {
  artifact: Artifact;
  blob: Blob;
  /** The checked bytes of an artifact read whole; null for one streamed (and hashed) as it is written. */
  bytes: Uint8Array | null;
}

function damaged(id: string, artifact: Artifact, detail: string): BundleError {
  return new BundleError(exportText.damaged(id, artifact.name, detail));
}

/** Checks the size now; reads and hashes artifacts up to `wholeReadLimit` bytes, leaves larger ones to stream. */
export async function readArtifactAhead(
  id: string,
  artifact: Artifact,
  blob: Blob,
  wholeReadLimit: number,
): Promise<ReadyArtifact> {
  if (blob.size !== artifact.size)
    throw damaged(id, artifact, exportText.sizeDiffers(blob.size, artifact.size));
  if (blob.size > wholeReadLimit) return { artifact, blob, bytes: null };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if ((await sha256Hex(bytes)) !== artifact.sha256) throw damaged(id, artifact, exportText.hashDiffers);
  return { artifact, blob, bytes };
}

/**
 * The entry source of a ready artifact, and `mismatch()`: the hash error a streamed artifact raised, if any,
 * so the caller reports it rather than the zip library's own abort error.
 */
export function checkedSource(
  id: string,
  ready: ReadyArtifact,
): { source: EntrySource; mismatch: () => BundleError | null } {
  const { artifact, blob, bytes } = ready;
  if (bytes) return { source: { bytes }, mismatch: () => null };
  const hasher = new Sha256();
  let mismatch: BundleError | null = null;
  const readable = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hasher.update(chunk);
        controller.enqueue(chunk);
      },
      flush() {
        if (hasher.digestHex() !== artifact.sha256) {
          mismatch = damaged(id, artifact, exportText.hashDiffers);
          throw mismatch;
        }
      },
    }),
  );
  return { source: { readable, size: artifact.size }, mismatch: () => mismatch };
}
