/** Checks on what a user types about evidence; each problem is a sentence the user can act on. */
import type { DocumentControl } from './types';
import { evidenceProblemText } from '../text';

/** The largest file accepted as evidence: hashing and storing it must not exhaust the browser's memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_NOTES_LENGTH = 10_000;
export const MIN_REASON_LENGTH = 3;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function effectiveDateProblem(value: string): string | null {
  return isIsoDate(value) ? null : evidenceProblemText.effectiveDate;
}

export function notesProblem(notes: string): string | null {
  return notes.length > MAX_NOTES_LENGTH
    ? evidenceProblemText.notesTooLong(MAX_NOTES_LENGTH.toLocaleString('en'))
    : null;
}

export function controlsProblems(controls: readonly string[], knownIds?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (new Set(controls).size !== controls.length) problems.push(evidenceProblemText.controlTwice);
  const unknown = knownIds ? controls.filter((id) => !knownIds.has(id)) : [];
  if (unknown.length > 0) problems.push(evidenceProblemText.unknownControls(unknown));
  return problems;
}

export function documentControlProblems(document: DocumentControl): string[] {
  const problems: string[] = [];
  if (!document.version.trim()) problems.push(evidenceProblemText.documentVersion);
  if (!document.approver.trim()) problems.push(evidenceProblemText.documentApprover);
  if (!isIsoDate(document.approvalDate)) problems.push(evidenceProblemText.documentApprovalDate);
  return problems;
}

export function deletionReasonProblem(reason: string): string | null {
  return reason.trim().length >= MIN_REASON_LENGTH ? null : evidenceProblemText.deletionReason;
}

export function fileSizeProblem(fileName: string, size: number, maxBytes = MAX_FILE_BYTES): string | null {
  if (size === 0) return evidenceProblemText.emptyFile(fileName);
  if (size > maxBytes) {
    return evidenceProblemText.fileTooLarge(fileName, formatBytes(size), formatBytes(maxBytes));
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

const RESERVED_NAMES = new Set([
  'metadata.json',
  'thumbnail.png',
  'original.png',
  'stamped.png',
  'text.txt',
  'dom.html',
]);

/**
 * A file name safe inside a bundle folder on every operating system: no path, no control or reserved
 * characters, no leading dots, at most 100 characters with the extension kept, never an artifact name
 * the bundle uses for something else.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  if (!cleaned) cleaned = 'file.bin';
  if (cleaned.length > 100) {
    const dot = cleaned.lastIndexOf('.');
    const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, 100 - extension.length) + extension;
  }
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned) || RESERVED_NAMES.has(cleaned.toLowerCase())) {
    cleaned = `file-${cleaned}`;
  }
  return cleaned;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  xml: 'application/xml',
  zip: 'application/zip',
};

/** The type the browser reported, or one guessed from the extension (drops often come without one). */
export function mimeTypeOf(fileName: string, reported: string): string {
  if (reported) return reported;
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Whether a file's text is worth indexing for search (plain text, CSV, JSON), given its type. */
export function isTextLike(mimeType: string): boolean {
  return /^text\//.test(mimeType) || /^application\/(json|xml|csv)/.test(mimeType);
}
