/** Words and formats shared by the evidence views. */
import type { LibrarySort } from '@/utils/evidence/library-types';
import type { CustodyEntry, EvidenceKind, EvidenceStatus } from '@/utils/evidence/types';

export { formatBytes } from '@/utils/evidence/checks';

export const STATUS_LABELS: Record<EvidenceStatus, string> = {
  'needs-review': 'Needs review',
  ready: 'Ready',
  superseded: 'Superseded',
  deleted: 'Deleted',
};

export const KIND_LABELS: Record<EvidenceKind, string> = {
  visible: 'Visible area',
  'full-page': 'Full page',
  element: 'Element',
  region: 'Region',
  file: 'File',
};

export const SORT_LABELS: Record<LibrarySort, string> = {
  'captured-desc': 'Newest capture first',
  'captured-asc': 'Oldest capture first',
  'effective-desc': 'Newest effective date first',
  'effective-asc': 'Oldest effective date first',
  'site-asc': 'Site A–Z',
  'capturer-asc': 'Capturer A–Z',
};

export const EVENT_LABELS: Record<CustodyEntry['event'], string> = {
  capture: 'Captured',
  retag: 'Controls or status changed',
  annotate: 'Notes, date or document control changed',
  supersede: 'Superseded',
  redact: 'Redacted',
  delete: 'Deleted',
  export: 'Exported',
  import: 'Imported',
  'clock-anomaly': 'Clock moved backwards',
};

/** Local date and time, e.g. "27 Nov 2026, 11:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An href for a page-derived URL: only http and https, anything else is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

export function groupDigits(value: number): string {
  return value.toLocaleString('en');
}
