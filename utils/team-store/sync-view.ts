import type { JobState } from './queue';

/** The queue at a glance: counts by state, bytes still to go, the newest sentence, and the open jobs. */
export interface SyncOverview {
  waiting: number;
  uploading: number;
  blocked: number;
  done: number;
  bytesTotal: number;
  bytesDone: number;
  lastError: string | null;
  /** Open jobs (not done), oldest first, at most `limit`. */
  open: SyncJobView[];
}

export interface SyncJobView {
  id: number;
  kind: 'evidence' | 'custody';
  evidenceId: string | null;
  title: string;
  revision: number | null;
  status: JobState['status'];
  attempts: number;
  bytesTotal: number;
  bytesDone: number;
  objectsDone: number;
  objectsTotal: number;
  lastError: string | null;
  notBefore: number | null;
}

/** Where one record is: only here, on its way, or in the team store with each object's version ID. */
export type EvidenceSyncState =
  | { where: 'local' }
  | { where: 'uploading'; status: 'waiting' | 'uploading' | 'blocked'; lastError: string | null }
  | { where: 'stored'; revision: number; versionIds: Record<string, string> };
