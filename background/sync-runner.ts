import { browser } from 'wxt/browser';
import { getDatabase, type EvidenceDatabase } from '@/storage/db';
import { appendCustody } from '@/storage/custody-log';
import {
  claimNextJob,
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
import { recordObject } from '@/utils/team-store/record-object';
import { S3Store, StoreError } from '@/utils/team-store/s3-client';
import type { SyncFailure } from '@/utils/team-store/errors';
import { uploadEvidence } from '@/utils/team-store/upload';
import { teamStoreErrorText } from '@/utils/text';

/**
 * The sync runner: turns new custody entries into jobs and uploads them, one job at a time, until the queue is
 * empty or the store fails; then an alarm wakes the worker at the next retry time. Every state is in IndexedDB
 * before the runner acts on it, so a worker stopped mid-upload (or a browser closed) loses nothing: on start,
 * the jobs it left "uploading" wait again and skip the objects they already wrote.
 */

export const SYNC_ALARM = 'team-store-sync';
/** Blobs in flight at once within one job. */
const BLOB_CONCURRENCY = 2;
/**
 * Jobs whose blobs travel at once (so at most JOBS_IN_FLIGHT × BLOB_CONCURRENCY blobs are in memory and on the
 * wire). One job at a time left the connection idle while each job hashed, looked up and wrote its small
 * objects: 0.08× rclone's throughput. Custody entries and records are still written strictly in job order.
 */
const JOBS_IN_FLIGHT = 4;

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
  // each job's custody entries and record are written in job order, after its own blobs, as one job at a time
  // would — so a pull never sees a record before its bytes, nor a custody entry before the ones it follows.
  const window: { job: SyncJobRow; blobs: Promise<Record<string, string>> }[] = [];
  const passBlobs: PassBlobs = new Map();
  for (;;) {
    while (window.length < JOBS_IN_FLIGHT) {
      const job = await claimNextJob(db, Date.now());
      if (!job) break;
      const blobs = uploadBlobs(db, store, installationId, job, passBlobs);
      blobs.catch(() => undefined);
      window.push({ job, blobs });
    }
    const head = window.shift();
    if (!head) break;
    try {
      await runJob(db, store, installationId, head.job, await head.blobs);
      await finishJob(db, head.job.id!, new Date().toISOString());
    } catch (error) {
      const failed = await failJob(db, head.job.id!, failureOf(error), Date.now());
      // The store is unreachable or refuses: the next jobs would fail the same way, so they wait as long.
      await Promise.allSettled(window.map(({ blobs }) => blobs));
      const notBefore = failed?.state.status === 'waiting' ? failed.state.notBefore : Date.now();
      await releaseJobs(
        db,
        window.map(({ job }) => job.id!),
        notBefore,
      );
      break;
    }
  }
  await scheduleNextPass(db);
}

function blobsOf(db: EvidenceDatabase, blobs: readonly SyncBlobRef[]) {
  return blobs.map((blob) => ({
    sha256: blob.sha256,
    size: blob.size,
    read: () => readJobBlob(db, blob),
  }));
}

function uploadOf(installationId: string, job: SyncJobRow, db: EvidenceDatabase) {
  return {
    installationId,
    evidenceId: job.evidenceId ?? 'custody',
    revision: job.revision ?? 1,
    blobs: blobsOf(db, job.blobs),
  };
}

function uploadOptions(db: EvidenceDatabase, job: SyncJobRow, written: Record<string, string>) {
  return {
    written,
    headFirst: job.state.attempts > 1,
    concurrency: BLOB_CONCURRENCY,
    onWritten: (key: string, versionId: string, bytes: number) =>
      recordWritten(db, job.id!, key, versionId, bytes, Date.now()),
  };
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
    { ...uploadOf(installationId, job, db), blobs: blobsOf(db, own), record: undefined, custody: [] },
    uploadOptions(db, job, job.versionIds),
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

/** The rest of a job once its blobs are in the store: its custody entries, then its record. */
async function runJob(
  db: EvidenceDatabase,
  store: S3Store,
  installationId: string,
  job: SyncJobRow,
  written: Record<string, string>,
) {
  const custody = await readJobCustody(db, job);
  await uploadEvidence(
    store,
    {
      ...uploadOf(installationId, job, db),
      blobs: [],
      record:
        job.kind === 'evidence' && job.record
          ? recordObject(installationId, job.revision!, job.record, job.custody)
          : undefined,
      custody,
    },
    uploadOptions(db, job, written),
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
