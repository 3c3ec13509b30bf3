/** Words and formats shared by the evidence views. */
import type { LibrarySort } from '@/utils/evidence/library-types';
import type { CustodyEntry, EvidenceKind, EvidenceStatus } from '@/utils/evidence/types';
import { evidenceText, libraryText } from '@/utils/text';

export { formatBytes } from '@/utils/evidence/checks';

export const STATUS_LABELS: Record<EvidenceStatus, string> = evidenceText.statuses;
export const KIND_LABELS: Record<EvidenceKind, string> = evidenceText.kinds;
export const SORT_LABELS: Record<LibrarySort, string> = libraryText.sorts;
export const EVENT_LABELS: Record<CustodyEntry['event'], string> = evidenceText.events;

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
