/** Evidence that is not a web page: a dropped or pasted file, hashed and described before it is stored. */
import type { PreparedBlob, PreparedCapture } from '../capture/assemble';
import { newEvidenceId } from '../capture/evidence-id';
import { sha256Hex } from '../integrity/sha256';
import { searchWords } from '../search/words';
import {
  controlsProblems,
  documentControlProblems,
  effectiveDateProblem,
  fileSizeProblem,
  isTextLike,
  mimeTypeOf,
  notesProblem,
  safeFileName,
} from './checks';
import type { Artifact, DocumentControl, EvidenceRecord } from './types';

/** Text files up to this size are read for the search index; larger ones are searchable by name. */
const MAX_INDEXED_TEXT_BYTES = 5 * 1024 * 1024;

export interface FileEvidenceInput {
  data: Blob;
  fileName: string;
  /** Milliseconds since the epoch, as the file system reported it (0 for a pasted image). */
  lastModified: number;
  controls: string[];
  notes: string;
  effectiveDate: string;
  document?: DocumentControl;
  /** A small PNG preview of an image file, when one could be drawn. */
  thumbnail?: Blob;
}

export interface FileEvidenceContext {
  addedAt: Date;
  randomBytes: Uint8Array;
  capturer: string;
  timeZone: string;
  extensionVersion: string;
  browser: { name: string; version: string };
  knownControlIds?: ReadonlySet<string>;
}

/** The problems that stop a file from being added, as sentences; empty when it can be added. */
export function fileEvidenceProblems(
  input: Omit<FileEvidenceInput, 'data' | 'lastModified'> & { size: number },
  knownControlIds?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const sizeProblem = fileSizeProblem(input.fileName, input.size);
  if (sizeProblem) problems.push(sizeProblem);
  const dateProblem = effectiveDateProblem(input.effectiveDate);
  if (dateProblem) problems.push(dateProblem);
  const notes = notesProblem(input.notes);
  if (notes) problems.push(notes);
  problems.push(...controlsProblems(input.controls, knownControlIds));
  if (input.document) problems.push(...documentControlProblems(input.document));
  return problems;
}

/**
 * Hashes the file (and its preview) and describes it as an evidence record of kind `file`, before any
 * write transaction opens. Throws an Error whose message lists what the user must fix.
 */
export async function prepareFileEvidence(
  input: FileEvidenceInput,
  context: FileEvidenceContext,
): Promise<PreparedCapture> {
  const problems = fileEvidenceProblems({ ...input, size: input.data.size }, context.knownControlIds);
  if (problems.length > 0) throw new Error(problems.join(' '));

  const evidenceId = newEvidenceId(context.addedAt, context.randomBytes);
  const addedAt = context.addedAt.toISOString();
  const name = safeFileName(input.fileName);
  const mimeType = mimeTypeOf(input.fileName, input.data.type);
  const fileSha256 = await sha256Hex(input.data);
  const metadata = {
    evidenceId,
    capturedAt: addedAt,
    timeZone: context.timeZone,
    capturer: context.capturer,
    method: 'upload',
    trigger: 'dashboard',
    browser: context.browser,
    extensionVersion: context.extensionVersion,
    file: {
      originalName: input.fileName,
      storedAs: name,
      mimeType,
      size: input.data.size,
      sha256: fileSha256,
      lastModified: input.lastModified > 0 ? new Date(input.lastModified).toISOString() : null,
    },
    ...(input.document ? { document: input.document } : {}),
  };

  const pending: { role: Artifact['role']; name: string; data: Blob; mimeType: string; sha256?: string }[] = [
    { role: 'file', name, data: input.data, mimeType, sha256: fileSha256 },
  ];
  if (input.thumbnail)
    pending.push({ role: 'thumbnail', name: 'thumbnail.png', data: input.thumbnail, mimeType: 'image/png' });
  const metadataBlob = new Blob([`${JSON.stringify(metadata, null, 2)}\n`], { type: 'application/json' });
  pending.push({ role: 'metadata', name: 'metadata.json', data: metadataBlob, mimeType: 'application/json' });

  const hashes = await Promise.all(pending.map((artifact) => artifact.sha256 ?? sha256Hex(artifact.data)));
  const artifacts: Artifact[] = pending.map((artifact, index) => ({
    role: artifact.role,
    name: artifact.name,
    mimeType: artifact.mimeType,
    size: artifact.data.size,
    sha256: hashes[index]!,
    blobKey: `${evidenceId}/${artifact.name}`,
  }));
  const blobs: PreparedBlob[] = pending.map((artifact, index) => ({
    key: artifacts[index]!.blobKey,
    evidenceId,
    data: artifact.data,
  }));

  const text =
    isTextLike(mimeType) && input.data.size <= MAX_INDEXED_TEXT_BYTES ? await input.data.text() : undefined;
  const title = input.fileName.trim() || name;
  const record: Omit<EvidenceRecord, 'sequence'> = {
    id: evidenceId,
    capturedAt: addedAt,
    effectiveDate: input.effectiveDate,
    url: '',
    title,
    site: '',
    capturer: context.capturer,
    kind: 'file',
    controls: [...input.controls],
    notes: input.notes.trim(),
    // Tagged by hand in the dashboard: ready, unless nothing says what it proves yet.
    status: input.controls.length > 0 ? 'ready' : 'needs-review',
    artifacts,
    words: searchWords({ title, url: '', notes: input.notes, ...(text === undefined ? {} : { text }) }),
    ...(input.document ? { document: { ...input.document } } : {}),
  };
  return { record, blobs };
}
