import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import type { SyncFailure } from '@/utils/team-store/errors';
import {
  claim,
  fail,
  isDue,
  leaseMs,
  newJob,
  succeed,
  unblock,
  type JobState,
} from '@/utils/team-store/queue';
import type { EvidenceDatabase } from './db';
import type { EvidenceSyncState, SyncJobView, SyncOverview } from '@/utils/team-store/sync-view';

export type { EvidenceSyncState, SyncJobView, SyncOverview };

/**
 * The team store's upload queue (schema version 7). The custody log is the change feed: every capture, edit,
 * retag, supersede, redaction, delete (tombstone) and import appends custody entries, and `queueChanges` turns
 * the entries after the last one queued into upload jobs, in the same transaction that moves the mark. So no
 * writer needs to remember the queue, and nothing written is ever missed or queued twice.
 */

/** One artifact a job uploads: its bytes are read from `blobs` when the job runs, never copied into the row. */
export interface SyncBlobRef {
  sha256: string;
  blobKey: string;
  size: number;
}

export interface SyncJobRow {
  id?: number;
  /** `evidence`: one revision of one record; `custody`: entries that name no evidence (risks, keys, exports). */
  kind: 'evidence' | 'custody';
  evidenceId: string | null;
  /** 1, 2, …: the record's revision in the bucket; null for a custody job. */
  revision: number | null;
  /** The record as it was when queued (a later change is a later revision). */
  record: EvidenceRecord | null;
  /** The custody entries (by sequence) this job uploads. */
  custody: number[];
  blobs: SyncBlobRef[];
  bytesTotal: number;
  bytesDone: number;
  /** Copied from `state.status` for the index. */
  status: JobState['status'];
  state: JobState;
  /** Object key → version ID of every object already written; a resumed job skips them. */
  versionIds: Record<string, string>;
  /** The last failure in words (also while waiting to retry); null when the last attempt went well. */
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface SyncStateRow {
  id: 'sync';
  /** This installation's folder in the bucket (`installations/<id>/`). */
  installationId: string;
  /** The custody sequence up to which every entry is in a job. */
  queuedThrough: number;
}

const STATE_ID = 'sync';

/** The installation's sync state, made on first use (a fresh installation id). */
export async function readSyncState(
  db: EvidenceDatabase,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SyncStateRow> {
  return db.transaction('rw', db.syncState, async () => {
    const found = await db.syncState.get(STATE_ID);
    if (found) return found;
    const made: SyncStateRow = { id: STATE_ID, installationId: newId(), queuedThrough: 0 };
    await db.syncState.add(made);
    return made;
  });
}

/** Turns every custody entry written since the last call into jobs; returns how many jobs were added. */
export async function queueChanges(db: EvidenceDatabase, at: string): Promise<number> {
  await readSyncState(db);
  return db.transaction('rw', [db.syncState, db.custody, db.evidence, db.syncJobs], async () => {
    const state = (await db.syncState.get(STATE_ID))!;
    const entries = await db.custody.where('sequence').above(state.queuedThrough).sortBy('sequence');
    if (entries.length === 0) return 0;
    const byEvidence = new Map<string, number[]>();
    const loose: number[] = [];
    for (const entry of entries) {
      if (entry.evidenceId === null) loose.push(entry.sequence);
      else byEvidence.set(entry.evidenceId, [...(byEvidence.get(entry.evidenceId) ?? []), entry.sequence]);
    }
    let added = 0;
    for (const [evidenceId, custody] of byEvidence) {
      const record = await db.evidence.get(evidenceId);
      if (!record) {
        loose.push(...custody);
        continue;
      }
      const previous = await db.syncJobs.where('evidenceId').equals(evidenceId).toArray();
      const revision = Math.max(0, ...previous.map((job) => job.revision ?? 0)) + 1;
      await db.syncJobs.add(jobRow('evidence', record, revision, custody, at));
      added += 1;
    }
    if (loose.length > 0) {
      await db.syncJobs.add(
        jobRow(
          'custody',
          null,
          null,
          loose.sort((a, b) => a - b),
          at,
        ),
      );
      added += 1;
    }
    await db.syncState.put({ ...state, queuedThrough: entries.at(-1)!.sequence });
    return added;
  });
}

function jobRow(
  kind: SyncJobRow['kind'],
  record: EvidenceRecord | null,
  revision: number | null,
  custody: number[],
  at: string,
): SyncJobRow {
  const seen = new Set<string>();
  const blobs: SyncBlobRef[] = [];
  for (const artifact of record?.artifacts ?? []) {
    if (seen.has(artifact.sha256)) continue;
    seen.add(artifact.sha256);
    blobs.push({ sha256: artifact.sha256, blobKey: artifact.blobKey, size: artifact.size });
  }
  const state = newJob();
  return {
    kind,
    evidenceId: record?.id ?? null,
    revision,
    record,
    custody,
    blobs,
    bytesTotal: blobs.reduce((sum, blob) => sum + blob.size, 0),
    bytesDone: 0,
    status: state.status,
    state,
    versionIds: {},
    lastError: null,
    createdAt: at,
    doneAt: null,
  };
}

const withState = (row: SyncJobRow, state: JobState): SyncJobRow => ({ ...row, state, status: state.status });

/** Claims the oldest job that is due (waiting past its retry time, or uploading with an expired lease). */
export async function claimNextJob(db: EvidenceDatabase, now: number): Promise<SyncJobRow | undefined> {
  return (await claimJobs(db, now, 1))[0];
}

/** Claims up to `limit` of the oldest due jobs, in id order, in one transaction. */
export async function claimJobs(db: EvidenceDatabase, now: number, limit: number): Promise<SyncJobRow[]> {
  if (limit <= 0) return [];
  return db.transaction('rw', db.syncJobs, async () => {
    // The index lists each status's rows in id order: only the first `limit` due rows of each are read, so a
    // claim costs the same with ten jobs open as with ten thousand.
    const firstDue = (status: 'waiting' | 'uploading') =>
      db.syncJobs
        .where('status')
        .equals(status)
        .filter((row) => isDue(row.state, now))
        .limit(limit)
        .toArray();
    const [waiting, uploading] = [await firstDue('waiting'), await firstDue('uploading')];
    const claimed = [...waiting, ...uploading]
      .sort((a, b) => a.id! - b.id!)
      .slice(0, limit)
      .map((due) => withState(due, claim(due.state, now)));
    await db.syncJobs.bulkPut(claimed);
    return claimed;
  });
}

/** One object written: keeps its version ID, counts its bytes and renews the lease. */
export async function recordWritten(
  db: EvidenceDatabase,
  id: number,
  key: string,
  versionId: string,
  bytes: number,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.syncJobs, async () => {
    const row = await db.syncJobs.get(id);
    if (!row || row.state.status !== 'uploading') return;
    await db.syncJobs.put({
      ...row,
      versionIds: { ...row.versionIds, [key]: versionId },
      bytesDone: Math.min(row.bytesTotal, row.bytesDone + bytes),
      state: { ...row.state, leaseUntil: now + leaseMs },
    });
  });
}

/**
 * The job is done. `written`: objects written since the last `recordWritten`, with their version IDs (a job's
 * custody entries and record are kept here, in the same write that marks it done; should the worker stop
 * before, the retry looks each key up first and finds them).
 */
export async function finishJob(
  db: EvidenceDatabase,
  id: number,
  at: string,
  written: Readonly<Record<string, string>> = {},
): Promise<void> {
  await db.transaction('rw', db.syncJobs, async () => {
    const row = await db.syncJobs.get(id);
    if (!row || row.state.status !== 'uploading') return;
    const versionIds = { ...row.versionIds, ...written };
    await db.syncJobs.put({
      ...withState(row, succeed(row.state, Object.values(versionIds))),
      versionIds,
      bytesDone: row.bytesTotal,
      lastError: null,
      doneAt: at,
    });
  });
}

export async function failJob(
  db: EvidenceDatabase,
  id: number,
  failure: SyncFailure,
  now: number,
): Promise<SyncJobRow | undefined> {
  return db.transaction('rw', db.syncJobs, async () => {
    const row = await db.syncJobs.get(id);
    if (!row || row.state.status !== 'uploading') return row;
    const next = { ...withState(row, fail(row.state, failure, now)), lastError: failure.sentence };
    await db.syncJobs.put(next);
    return next;
  });
}

/**
 * Jobs a stopped runtime left "uploading": the background is the only uploader, so when it starts, every such
 * job is an orphan and waits again at once (a resumed job skips the objects it already wrote).
 */
export async function releaseOrphans(db: EvidenceDatabase): Promise<number> {
  return db.transaction('rw', db.syncJobs, async () => {
    const orphans = await db.syncJobs.where('status').equals('uploading').toArray();
    for (const row of orphans)
      await db.syncJobs.put(
        withState(row, { status: 'waiting', attempts: row.state.attempts, notBefore: 0 }),
      );
    return orphans.length;
  });
}

/**
 * Jobs this runner claimed but did not get to, because an earlier one failed: they wait again until `notBefore`
 * (the failed job's retry time), keeping the objects they already wrote; the next attempt looks each key up first.
 */
export async function releaseJobs(
  db: EvidenceDatabase,
  ids: readonly number[],
  notBefore: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.syncJobs, async () => {
    for (const row of await db.syncJobs.bulkGet([...ids])) {
      if (!row || row.state.status !== 'uploading') continue;
      await db.syncJobs.put(withState(row, { status: 'waiting', attempts: row.state.attempts, notBefore }));
    }
  });
}

/** The user fixed something or asked to retry: blocked and waiting jobs are due at once. */
export async function retryNow(db: EvidenceDatabase): Promise<void> {
  await db.transaction('rw', db.syncJobs, async () => {
    const open = await db.syncJobs.where('status').anyOf('waiting', 'blocked').toArray();
    for (const row of open) {
      const state = unblock(row.state);
      await db.syncJobs.put(withState(row, state.status === 'waiting' ? { ...state, notBefore: 0 } : state));
    }
  });
}

/** When the runner should look again: the earliest retry time or lease end; undefined when nothing waits. */
export async function nextDueAt(db: EvidenceDatabase): Promise<number | undefined> {
  const open = await db.syncJobs.where('status').anyOf('waiting', 'uploading').toArray();
  const times = open.map((row) =>
    row.state.status === 'waiting'
      ? row.state.notBefore
      : row.state.status === 'uploading'
        ? row.state.leaseUntil
        : Infinity,
  );
  return times.length > 0 ? Math.min(...times) : undefined;
}

export async function readSyncOverview(db: EvidenceDatabase, limit = 50): Promise<SyncOverview> {
  const [waiting, uploading, blocked, done] = await Promise.all(
    (['waiting', 'uploading', 'blocked', 'done'] as const).map((status) =>
      db.syncJobs.where('status').equals(status).count(),
    ),
  );
  const openRows = await db.syncJobs.where('status').anyOf('waiting', 'uploading', 'blocked').sortBy('id');
  const withError = openRows.filter((row) => row.lastError !== null);
  return {
    waiting: waiting!,
    uploading: uploading!,
    blocked: blocked!,
    done: done!,
    bytesTotal: openRows.reduce((sum, row) => sum + row.bytesTotal, 0),
    bytesDone: openRows.reduce((sum, row) => sum + row.bytesDone, 0),
    lastError: withError.at(-1)?.lastError ?? null,
    open: openRows.slice(0, limit).map(viewOf),
  };
}

function viewOf(row: SyncJobRow): SyncJobView {
  return {
    id: row.id!,
    kind: row.kind,
    evidenceId: row.evidenceId,
    title: row.record?.title ?? '',
    revision: row.revision,
    status: row.status,
    attempts: row.state.attempts,
    bytesTotal: row.bytesTotal,
    bytesDone: row.bytesDone,
    objectsDone: Object.keys(row.versionIds).length,
    objectsTotal: row.blobs.length + row.custody.length + (row.kind === 'evidence' ? 1 : 0),
    lastError: row.lastError,
    notBefore: row.state.status === 'waiting' ? row.state.notBefore : null,
  };
}

export async function readEvidenceSyncState(
  db: EvidenceDatabase,
  evidenceId: string,
): Promise<EvidenceSyncState> {
  const rows = await db.syncJobs.where('evidenceId').equals(evidenceId).toArray();
  if (rows.length === 0) return { where: 'local' };
  const open = rows.filter((row) => row.status !== 'done').sort((a, b) => a.id! - b.id!);
  if (open.length > 0) {
    const first = open[0]!;
    return {
      where: 'uploading',
      status: first.status as 'waiting' | 'uploading' | 'blocked',
      lastError: first.lastError,
      uploaded: rows.some((row) => row.status === 'done' || Object.keys(row.versionIds).length > 0),
    };
  }
  const latest = rows.reduce((a, b) => ((a.revision ?? 0) >= (b.revision ?? 0) ? a : b));
  return { where: 'stored', revision: latest.revision ?? 0, versionIds: latest.versionIds };
}

/** The custody entries a job uploads, in chain order. */
export async function readJobCustody(db: EvidenceDatabase, row: SyncJobRow): Promise<CustodyEntry[]> {
  const entries = await db.custody.bulkGet(row.custody);
  return entries.filter((entry): entry is CustodyEntry => entry !== undefined);
}

/**
 * An artifact's bytes as the stored Blob (read by whoever sends it, never copied here), or undefined when a
 * tombstone's bytes are gone.
 */
export async function readJobBlob(db: EvidenceDatabase, blob: SyncBlobRef): Promise<Blob | undefined> {
  return (await db.blobs.get(blob.blobKey))?.data;
}
