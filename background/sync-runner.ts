import { browser } from 'wxt/browser';
import { getDatabase, type EvidenceDatabase } from '@/storage/db';
import { appendCustody } from '@/storage/custody-log';
import {
  claimJobs,
  failJob,
  finishJob,
  nextDueAt,
  queueChanges,
  readJobBlob,
  readJobCustody,
  readSyncState,
  recordWritten,
  releaseJobs,
  releaseOrphans,
  retryNow,
  type SyncBlobRef,
  type SyncJobRow,
} from '@/storage/sync-queue';
import { hasOriginPermission } from '@/platform/origin-permission';
import {
  readTeamStore,
  saveAcceptance,
  saveProbe,
  storeConfigOf,
  targetOf,
} from '@/platform/team-store-settings';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { probeWriteOnce, type ProbeResult } from '@/utils/team-store/probe';
import { blobKey } from '@/utils/team-store/keys';
import { limit, type Limit } from '@/utils/team-store/limit';
import { recordObject } from '@/utils/team-store/record-object';
import { S3Store, StoreError } from '@/utils/team-store/s3-client';
import type { SyncFailure } from '@/utils/team-store/errors';
import { uploadEvidence } from '@/utils/team-store/upload';
import type { CustodyEntry } from '@/utils/evidence/types';
import { teamStoreErrorText } from '@/utils/text';

/**
 * The sync runner: turns new custody entries into jobs and uploads them, several at once, until the queue is
 * empty or the store fails; then an alarm wakes the worker at the next retry time. Every state is in IndexedDB
 * before the runner acts on it, so a worker stopped mid-upload (or a browser closed) loses nothing: on start,
 * the jobs it left "uploading" wait again and skip the objects they already wrote.
 */

export const SYNC_ALARM = 'team-store-sync';
/** Blobs in flight at once within one job. */
const BLOB_CONCURRENCY = 2;
/**
 * Blob transfers (look-up and upload) at once across every job of a pass: rclone's default of four. Chromium
 * opens at most six connections to one host, so two stay free for the custody entries and records, which
 * are written one at a time and would otherwise wait behind blobs.
 */
const TRANSFERS = 4;
/**
 * Jobs claimed at once, whose blobs travel while the oldest one writes its custody entries and record: enough
 * that the transfers never run dry. A blob is a Blob from IndexedDB, sent as it is and read here only a slice
 * at a time for its MD5, so the window costs little memory. Custody entries and records are still written
 * strictly in job order.
 */
const JOBS_IN_FLIGHT = 8;

/** Why the runner does not sync, in a form pages can turn into words; `ready` when it does. */
export type SyncReadiness = 'not-configured' | 'no-permission' | 'not-probed' | 'not-tamper-proof' | 'ready';

export async function syncReadiness(): Promise<SyncReadiness> {
  const store = await readTeamStore();
  if (!store.complete) return 'not-configured';
  const target = targetOf(store);
  if (!store.probe || store.probe.target !== target) return 'not-probed';
  if (!store.probe.tamperProof && store.acceptedTarget !== target) return 'not-tamper-proof';
  if (!(await hasOriginPermission(store.endpoint))) return 'no-permission';
  return 'ready';
}

let running: Promise<void> | undefined;
let runAgain = false;
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/** Starts a sync pass, or asks the running one to look again when it ends. Never throws. */
export function requestSync(): Promise<void> {
  if (running) {
    runAgain = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        runAgain = false;
        await syncPass(getDatabase());
      } while (runAgain);
    } catch (error) {
      console.warn('Team store sync pass failed', error instanceof Error ? error.name : 'error');
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** On worker start: jobs a stopped worker left "uploading" wait again, then a pass runs. */
export async function resumeSyncOnStart(): Promise<void> {
  await releaseOrphans(getDatabase());
  await requestSync();
}

/** The person fixed something or pressed "Retry now": blocked and waiting jobs are due at once. */
export async function retrySyncNow(): Promise<void> {
  await retryNow(getDatabase());
  await requestSync();
}

async function syncPass(db: EvidenceDatabase): Promise<void> {
  if ((await syncReadiness()) !== 'ready') return;
  const settings = await readTeamStore();
  await queueChanges(db, new Date().toISOString());
  const store = new S3Store(storeConfigOf(settings));
  const { installationId } = await readSyncState(db);
  // A safety net: should this worker be stopped mid-upload, the alarm starts it again to resume.
  await browser.alarms.create(SYNC_ALARM, { when: Date.now() + 60_000 });
  // A window of claimed jobs: their blobs (content-addressed, harmless to write early) upload together, while
  // the custody entries are written strictly in job order, each job's after its own blobs and after every
  // earlier job's, and each record after its own custody entries — so a pull sees a prefix of the chain,
  // never a record before its bytes nor a custody entry before the ones it follows. One job's record travels
  // while the next job's custody entries go out: the chain, not the record, is what must stay in order.
  const window: WindowJob[] = [];
  const passBlobs: PassBlobs = new Map();
  const transfer = limit(TRANSFERS);
  // Marking a job done is not on the way of the next job's writes (should the worker stop first, the job is
  // resumed and finds its objects by looking them up); the marks are kept in job order.
  let finishing = Promise.resolve();
  const settle = async (recording: RecordInFlight): Promise<{ error: unknown } | undefined> => {
    try {
      const written = await recording.written;
      const id = recording.job.id!;
      finishing = finishing.then(() => finishJob(db, id, new Date().toISOString(), written));
      return undefined;
    } catch (error) {
      return { error };
    }
  };
  let recording: RecordInFlight | undefined;
  let failed: { job: SyncJobRow; error: unknown } | undefined;
  const release: SyncJobRow[] = [];
  for (;;) {
    // Refilled half a window at a time, in one transaction.
    if (window.length <= JOBS_IN_FLIGHT / 2)
      for (const job of await claimJobs(db, Date.now(), JOBS_IN_FLIGHT - window.length)) {
        const blobs = uploadBlobs(db, store, installationId, job, passBlobs, transfer);
        const custody = readJobCustody(db, job);
        blobs.catch(() => undefined);
        custody.catch(() => undefined);
        window.push({ job, blobs, custody });
      }
    const head = window.shift();
    if (!head) break;
    let chained: Record<string, string>;
    try {
      chained = await writeCustody(store, installationId, head.job, await head.blobs, await head.custody);
    } catch (error) {
      failed = { job: head.job, error };
      break;
    }
    if (recording) {
      const problem = await settle(recording);
      if (problem) {
        failed = { job: recording.job, ...problem };
        release.push(head.job);
        recording = undefined;
        break;
      }
    }
    recording = { job: head.job, written: writeRecord(store, installationId, head.job, chained) };
    recording.written.catch(() => undefined);
  }
  if (recording) {
    const problem = await settle(recording);
    if (problem && failed) release.push(recording.job);
    else if (problem) failed = { job: recording.job, ...problem };
  }
  await Promise.allSettled([finishing]);
  if (failed) {
    const failedRow = await failJob(db, failed.job.id!, failureOf(failed.error), Date.now());
    // The store is unreachable or refuses: the next jobs would fail the same way, so they wait as long.
    await Promise.allSettled(window.map(({ blobs }) => blobs));
    const notBefore = failedRow?.state.status === 'waiting' ? failedRow.state.notBefore : Date.now();
    await releaseJobs(
      db,
      [...release, ...window.map(({ job }) => job)].map((job) => job.id!),
      notBefore,
    );
  }
  await finishing;
  await scheduleNextPass(db);
}

/** A claimed job: its blobs on their way, its custody entries being read. */
interface WindowJob {
  job: SyncJobRow;
  blobs: Promise<Record<string, string>>;
  custody: Promise<CustodyEntry[]>;
}

/** A job whose custody entries are in the store and whose record is on its way; every key it wrote. */
interface RecordInFlight {
  job: SyncJobRow;
  written: Promise<Record<string, string>>;
}

function blobsOf(db: EvidenceDatabase, blobs: readonly SyncBlobRef[]) {
  return blobs.map((blob) => ({
    sha256: blob.sha256,
    size: blob.size,
    read: () => readJobBlob(db, blob),
  }));
}

function uploadOf(installationId: string, job: SyncJobRow) {
  return { installationId, evidenceId: job.evidenceId ?? 'custody', revision: job.revision ?? 1 };
}

function uploadOptions(job: SyncJobRow, written: Record<string, string>) {
  return { written, headFirst: job.state.attempts > 1 };
}

/** The blobs this pass is uploading or has uploaded, by SHA-256, with the written keys of the job uploading each. */
type PassBlobs = Map<string, Promise<Record<string, string>>>;

/**
 * A job's blobs alone; returns every key written so far with its version ID. A blob an earlier job of the
 * window is already uploading (a capture and its tagging name the same artifacts) is not looked up again but
 * waited for, so two jobs never both find it missing and write it twice.
 */
function uploadBlobs(
  db: EvidenceDatabase,
  store: S3Store,
  installationId: string,
  job: SyncJobRow,
  pass: PassBlobs,
  transfer: Limit,
): Promise<Record<string, string>> {
  const earlier = new Map(
    job.blobs.flatMap((blob) => {
      const uploading = pass.get(blob.sha256);
      return uploading ? [[blob.sha256, { blob, uploading }] as const] : [];
    }),
  );
  // Each SHA-256 once (two artifacts with the same bytes are one blob).
  const own = [...new Map(job.blobs.map((blob) => [blob.sha256, blob])).values()].filter(
    (blob) => !earlier.has(blob.sha256),
  );
  const mine = uploadEvidence(
    store,
    { ...uploadOf(installationId, job), blobs: blobsOf(db, own), record: undefined, custody: [] },
    {
      ...uploadOptions(job, job.versionIds),
      concurrency: BLOB_CONCURRENCY,
      transfer,
      // Each blob's version ID is kept as it lands (it is the job's progress, and a resumed job skips it).
      onWritten: (key, versionId, bytes) => recordWritten(db, job.id!, key, versionId, bytes, Date.now()),
    },
  );
  for (const blob of own) pass.set(blob.sha256, mine);
  return (async () => {
    const written = { ...(await mine) };
    for (const { blob, uploading } of earlier.values()) {
      const key = blobKey(store.config.prefix, blob.sha256);
      const versionId = (await uploading)[key];
      // Undefined: the bytes were gone there (a tombstone's), as they are here; skipped like uploadEvidence does.
      if (key in written || versionId === undefined) continue;
      written[key] = versionId;
      await recordWritten(db, job.id!, key, versionId, blob.size, Date.now());
    }
    return written;
  })();
}

/** A job's custody entries, once its blobs are in the store; every key written so far. */
function writeCustody(
  store: S3Store,
  installationId: string,
  job: SyncJobRow,
  written: Record<string, string>,
  custody: CustodyEntry[],
): Promise<Record<string, string>> {
  return uploadEvidence(
    store,
    { ...uploadOf(installationId, job), blobs: [], record: undefined, custody },
    uploadOptions(job, written),
  );
}

/** A job's record object (a custody job has none), once its custody entries are in the store. */
async function writeRecord(
  store: S3Store,
  installationId: string,
  job: SyncJobRow,
  written: Record<string, string>,
): Promise<Record<string, string>> {
  if (job.kind !== 'evidence' || !job.record) return written;
  return uploadEvidence(
    store,
    {
      ...uploadOf(installationId, job),
      blobs: [],
      record: recordObject(installationId, job.revision!, job.record, job.custody),
      custody: [],
    },
    uploadOptions(job, written),
  );
}

function failureOf(error: unknown): SyncFailure {
  if (error instanceof StoreError) return error.failure;
  return {
    kind: 'unexpected',
    retryable: true,
    sentence: teamStoreErrorText.local(error instanceof Error ? error.message : String(error)),
  };
}

/** An alarm at the next retry time (it wakes a stopped worker); a timer as well while this worker lives. */
async function scheduleNextPass(db: EvidenceDatabase): Promise<void> {
  const due = await nextDueAt(db);
  if (wakeTimer) clearTimeout(wakeTimer);
  wakeTimer = undefined;
  if (due === undefined) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const when = Math.max(Date.now() + 1_000, due);
  await browser.alarms.create(SYNC_ALARM, { when });
  wakeTimer = setTimeout(() => void requestSync(), when - Date.now());
}

/** Runs the write-once probe against the saved settings and keeps its result; throws a StoreError in words. */
export async function probeTeamStore(): Promise<ProbeResult> {
  const settings = await readTeamStore();
  const result = await probeWriteOnce(new S3Store(storeConfigOf(settings)));
  await saveProbe(result, new Date().toISOString());
  if (result.tamperProof || settings.acceptedTarget === targetOf(settings)) void requestSync();
  return result;
}

/**
 * The person accepts syncing to a store that is not tamper-proof: a custody entry says who, when, which store
 * and what the probe found, so an auditor sees it in the chain.
 */
export async function acceptNotTamperProof(): Promise<void> {
  const db = getDatabase();
  const settings = await readTeamStore();
  const actor = await readEffectiveCapturer(db);
  await db.transaction('rw', db.custody, () =>
    appendCustody(db, {
      at: new Date().toISOString(),
      event: 'team-store-risk-accepted',
      evidenceId: null,
      actor,
      details: {
        endpoint: settings.endpoint,
        bucket: settings.bucket,
        prefix: settings.prefix,
        reasons: settings.probe?.reasons ?? [],
      },
    }),
  );
  await saveAcceptance();
  void requestSync();
}

export function isSyncAlarm(name: string): boolean {
  return name === SYNC_ALARM;
}
