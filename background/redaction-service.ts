import type { EvidenceRecord } from '@/utils/evidence/types';
import { sha256Hex } from '@/utils/integrity/sha256';
import { MANUAL_REDACTION_SCOPE, withManualRedaction } from '@/utils/redaction/metadata';
import { rectanglesProblem, type FractionRect } from '@/utils/redaction/rectangles';
import { blackoutProblemText } from '@/utils/text';
import type { EvidenceDatabase } from '@/storage/db';
import { replaceRedactedArtifacts, type ArtifactReplacement } from '@/storage/evidence-redaction';
import { readArtifact, readEvidenceRecord } from '@/storage/evidence-repository';
import { ValidationError } from '@/storage/isms-repository';
import { blackOutImages } from './images/blackout-images';
import { toDataUrl } from './images/data-url';

export interface RedactionOutcome {
  evidence: EvidenceRecord;
  thumbnailDataUrl: string;
}

/**
 * Blacks out rectangles in a capture's first image: renders and hashes the new bytes first, then
 * replaces them with a `redact` custody entry in one transaction (storage/evidence-redaction.ts).
 */
export async function redactEvidence(
  db: EvidenceDatabase,
  evidenceId: string,
  rectangles: FractionRect[],
  actor: string,
  at: string,
): Promise<RedactionOutcome> {
  const problem = rectanglesProblem(rectangles);
  if (problem) throw new ValidationError([problem]);
  const record = await readEvidenceRecord(db, evidenceId);
  if (!record || record.status === 'deleted')
    throw new ValidationError([blackoutProblemText.noEvidence(evidenceId)]);
  const original = record.artifacts.find((artifact) => artifact.role === 'original');
  if (!original) throw new ValidationError([blackoutProblemText.noScreenshot(evidenceId)]);
  const stamped = record.artifacts.find((a) => a.name === original.name.replace(/^original/, 'stamped'));
  const thumbnail = record.artifacts.find((a) => a.role === 'thumbnail');
  const metadata = record.artifacts.find((a) => a.role === 'metadata');
  const read = async (blobKey: string) => {
    const bytes = await readArtifact(db, blobKey);
    if (!bytes) throw new ValidationError([blackoutProblemText.bytesMissing(evidenceId)]);
    return bytes;
  };

  const images = await blackOutImages(
    await read(original.blobKey),
    stamped ? await read(stamped.blobKey) : null,
    rectangles,
  );
  const pending: { name: string; data: Blob; previousSha256: string }[] = [
    { name: original.name, data: images.original, previousSha256: original.sha256 },
  ];
  if (stamped && images.stamped)
    pending.push({ name: stamped.name, data: images.stamped, previousSha256: stamped.sha256 });
  if (thumbnail)
    pending.push({ name: thumbnail.name, data: images.thumbnail, previousSha256: thumbnail.sha256 });
  const redaction = {
    at,
    actor,
    image: original.name,
    rectangles: images.pixelRects,
    fractions: rectangles,
    scope: MANUAL_REDACTION_SCOPE,
  };
  if (metadata) {
    const text = withManualRedaction(await (await read(metadata.blobKey)).text(), redaction);
    pending.push({
      name: metadata.name,
      data: new Blob([text], { type: 'application/json' }),
      previousSha256: metadata.sha256,
    });
  }
  const replacements: ArtifactReplacement[] = await Promise.all(
    pending.map(async (part) => ({ ...part, sha256: await sha256Hex(part.data) })),
  );
  const evidence = await replaceRedactedArtifacts(
    db,
    evidenceId,
    replacements,
    { image: original.name, rectangles: images.pixelRects, scope: MANUAL_REDACTION_SCOPE },
    actor,
    at,
  );
  return { evidence, thumbnailDataUrl: await toDataUrl(images.thumbnail) };
}
