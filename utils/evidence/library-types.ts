/**
 * The contracts between the evidence library's storage queries and its views: what a query asks,
 * what a row holds, what the integrity check and the storage health report. Types only.
 */
import type { EvidenceRecord, EvidenceStatus } from './types';

export const LIBRARY_SORTS = [
  'captured-desc',
  'captured-asc',
  'effective-desc',
  'effective-asc',
  'site-asc',
  'capturer-asc',
] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** Statuses shown unless the user asks for others: tombstones only on request. */
export const DEFAULT_LIBRARY_STATUSES: readonly EvidenceStatus[] = ['needs-review', 'ready', 'superseded'];

export interface LibraryQuery {
  /** Words of title, URL, notes and captured text (each matches by prefix), or an evidence id. */
  text?: string;
  /** Evidence tagged with any of these controls. */
  controls?: readonly string[];
  /** A theme id of the catalogue: evidence tagged with any control of that theme. */
  theme?: string;
  /** Inclusive, YYYY-MM-DD, on the effective date (or the capture day). */
  from?: string;
  to?: string;
  dateField?: 'effectiveDate' | 'capturedAt';
  statuses?: readonly EvidenceStatus[];
  capturer?: string;
  site?: string;
  sort?: LibrarySort;
}

/** What a view shows of a record: everything but its search words. */
export type LibraryRow = Omit<EvidenceRecord, 'words'>;

export interface LibraryResult {
  ids: string[];
  /** Records in the database, whatever the filter. */
  totalStored: number;
  /** False for a quick first page: more matches follow from the full query. */
  complete: boolean;
}

export interface LibraryFacets {
  capturers: string[];
  sites: string[];
  controls: string[];
}

export const INTEGRITY_PROBLEM_KINDS = [
  'corrupt',
  'missing',
  'unreadable',
  'chain',
  'record-changed',
  'unlogged',
  'removed',
  'leftover-bytes',
] as const;
export type IntegrityProblemKind = (typeof INTEGRITY_PROBLEM_KINDS)[number];

export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  evidenceId: string | null;
  /** What is affected, by name: `EV-…/original.png`, `custody entry 12`, `EV-…`. */
  item: string;
  /** The evidence title, shown beside the item; empty when it has none or the item is not evidence. */
  title?: string;
  /** What is wrong with the item; it does not repeat the item's name, which the line shows once. */
  message: string;
}

export interface IntegrityProgress {
  phase: 'chain' | 'records' | 'artifacts';
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  current: string;
}

export interface IntegrityReport {
  evidenceChecked: number;
  artifactsChecked: number;
  bytesChecked: number;
  custodyEntriesChecked: number;
  problems: IntegrityProblem[];
  /** The user stopped the check: what was checked is reported, the rest was not. */
  cancelled: boolean;
}

export interface UnexportedCaptures {
  count: number;
  /** When the oldest of them was stored; null when there are none. */
  oldestAt: string | null;
  lastExportAt: string | null;
}

export interface StorageHealth extends UnexportedCaptures {
  usageBytes: number | null;
  quotaBytes: number | null;
  /** Null when the browser does not say (or has no StorageManager). */
  persisted: boolean | null;
  backupDue: boolean;
  backupReason: string | null;
}
