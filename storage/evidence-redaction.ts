import type { EvidenceRecord } from '@/utils/evidence/types';
import { appendCustody } from './custody-log';
import type { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';

/** New bytes for one artifact, hashed before the transaction opens. */
export interface ArtifactReplacement {
  name: string;
  data: Blob;
  sha256: string;
  /** The hash the artifact had when its replacement was rendered: a guard against a concurrent change. */
  previousSha256: string;
}

/**
 * Replaces the images (and metadata) of evidence with blacked-out versions in one transaction: the
 * bytes are overwritten in place, so the unmasked pixels are gone as after a delete, and a chained
 * `redact` custody entry records what was covered and each artifact's old and new SHA-256.
 */
export async function replaceRedactedArtifacts(
  db: EvidenceDatabase,
  evidenceId: string,
  replacements: readonly ArtifactReplacement[],
  details: Record<string, unknown>,
  actor: string,
  at: string,
): Promise<EvidenceRecord> {
  if (replacements.length === 0) throw new ValidationError(['Nothing to black out.']);
  return db.transaction('rw', [db.evidence, db.blobs, db.custody], async () => {
    const before = await db.evidence.get(evidenceId);
    if (!before)
      throw new ValidationError([`Evidence ${evidenceId} does not exist (it may have been deleted).`]);
    if (before.status === 'deleted')
      throw new ValidationError([`Evidence ${evidenceId} was deleted and cannot be changed.`]);
    const artifacts = before.artifacts.map((artifact) => ({ ...artifact }));
    const changes: Record<string, unknown>[] = [];
    for (const replacement of replacements) {
      const artifact = artifacts.find((candidate) => candidate.name === replacement.name);
      if (!artifact) throw new ValidationError([`Evidence ${evidenceId} has no ${replacement.name}.`]);
      if (artifact.sha256 !== replacement.previousSha256) {
        throw new ValidationError([
          `${replacement.name} of ${evidenceId} changed while the black-out was prepared: nothing was changed, try again.`,
        ]);
      }
      changes.push({
        name: artifact.name,
        sha256From: artifact.sha256,
        sha256To: replacement.sha256,
        sizeFrom: artifact.size,
        sizeTo: replacement.data.size,
      });
      await db.blobs.put({ key: artifact.blobKey, evidenceId, data: replacement.data });
      artifact.sha256 = replacement.sha256;
      artifact.size = replacement.data.size;
      artifact.mimeType = replacement.data.type || artifact.mimeType;
    }
    const after: EvidenceRecord = { ...before, artifacts };
    await db.evidence.put(after);
    await appendCustody(db, {
      at,
      event: 'redact',
      evidenceId,
      actor,
      details: { ...details, artifacts: changes },
    });
    return after;
  });
}
