import {
  prepareFileEvidence,
  type FileEvidenceContext,
  type FileEvidenceInput,
} from '@/utils/evidence/file-evidence';
import { saveCapture, type SavedCapture } from './evidence-repository';
import type { EvidenceDatabase } from './db';

/**
 * Adds a dropped or pasted file as evidence: checked and hashed before the write transaction opens,
 * then stored whole with a chained `capture` custody entry (method `upload`), like a page capture.
 */
export async function addFileEvidence(
  db: EvidenceDatabase,
  input: FileEvidenceInput,
  context: FileEvidenceContext,
): Promise<SavedCapture> {
  const prepared = await prepareFileEvidence(input, context);
  const file = prepared.record.artifacts.find((artifact) => artifact.role === 'file')!;
  return saveCapture(db, prepared, context.capturer, {
    trigger: 'dashboard',
    method: 'upload',
    fileName: input.fileName,
    mimeType: file.mimeType,
    ...(input.document ? { document: input.document } : {}),
  });
}
