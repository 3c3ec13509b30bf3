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
  | {
      where: 'uploading';
      status: 'waiting' | 'uploading' | 'blocked';
      lastError: string | null;
      /** Some of this record is in the store already: an earlier revision, or objects of this upload. */
      uploaded: boolean;
    }
  | { where: 'stored'; revision: number; versionIds: Record<string, string> };

/**
 * The popup's one line: undefined without a team store (the popup shows nothing), otherwise where the queue is,
 * with the newest failure in its own words.
 */
export function syncStatusLine(
  store: { complete: boolean; active: boolean },
  overview: SyncOverview,
  text: {
    allSynced: (count: number) => string;
    pending: (count: number) => string;
    uploading: (count: number) => string;
    stopped: (sentence: string) => string;
    off: string;
  },
): string | undefined {
  if (!store.complete) return undefined;
  if (!store.active) return text.off;
  const open = overview.waiting + overview.uploading + overview.blocked;
  if (overview.blocked > 0 || (open > 0 && overview.lastError)) return text.stopped(overview.lastError ?? '');
  if (overview.uploading > 0) return text.uploading(open);
  if (overview.waiting > 0) return text.pending(open);
  return text.allSynced(overview.done);
}
