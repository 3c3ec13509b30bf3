import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { mapS3Failure, offlineFailure } from '@/utils/team-store/errors';
import { leaseMs } from '@/utils/team-store/queue';
import { appendCustody } from './custody-log';
import { EvidenceDatabase } from './db';
import {
  claimJobs,
  claimNextJob,
  failJob,
  finishJob,
  nextDueAt,
  queueChanges,
  readEvidenceSyncState,
  readSyncOverview,
  readSyncState,
  recordWritten,
  releaseJobs,
  releaseOrphans,
  retryNow,
} from './sync-queue';

const NAME = 'sync-queue';
let db: EvidenceDatabase;

beforeEach(() => {
  db = new EvidenceDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(NAME);
});

const evidence = (id: string, notes = ''): EvidenceRecord => ({
  id,
  sequence: Number(id.slice(3)),
  capturedAt: '2026-12-01T09:00:00.000Z',
  effectiveDate: '2026-12-01',
  url: 'https://admin.example/users',
  title: 'Access review',
  site: 'admin.example',
  capturer: 'Ana',
  kind: 'visible',
  controls: ['A.5.18'],
  notes,
  status: 'ready',
  words: ['access', 'review'],
  artifacts: ['original', 'stamped'].map((role, i) => ({
    role: role as 'original',
    name: `${role}.png`,
    mimeType: 'image/png',
    size: 100 + i,
    sha256: String(i).repeat(64),
    blobKey: `${id}/${role}.png`,
  })),
});

/** A write as the repositories do it: the record and its custody entry in one transaction. */
async function write(record: EvidenceRecord, event: 'capture' | 'annotate' | 'delete') {
  await db.transaction('rw', db.evidence, db.custody, async () => {
    await db.evidence.put(record);
    await appendCustody(db, {
      at: '2026-12-01T09:00:00.000Z',
      event,
      evidenceId: record.id,
      actor: 'Ana',
      details: {},
    });
  });
}

describe('the upload queue', () => {
  it('makes one installation id and keeps it', async () => {
    const first = await readSyncState(db, () => 'inst-1');
    expect(first.installationId).toBe('inst-1');
    expect((await readSyncState(db, () => 'inst-2')).installationId).toBe('inst-1');
  });

  it('queues a capture, then its edit as revision 2 and a delete as revision 3 with the tombstone', async () => {
    await write(evidence('EV-1'), 'capture');
    await queueChanges(db, 'now');
    await write(evidence('EV-1', 'checked'), 'annotate');
    await write(evidence('EV-2'), 'capture');
    await queueChanges(db, 'now');
    await write(
      { ...evidence('EV-1'), status: 'deleted', deletion: { at: 'x', actor: 'Ana', reason: 'wrong' } },
      'delete',
    );
    await queueChanges(db, 'now');
    const jobs = await db.syncJobs.orderBy('id').toArray();
    expect(jobs.map((job) => [job.evidenceId, job.revision, job.custody])).toEqual([
      ['EV-1', 1, [1]],
      ['EV-1', 2, [2]],
      ['EV-2', 1, [3]],
      ['EV-1', 3, [4]],
    ]);
    expect(jobs[1]!.record!.notes).toBe('checked');
    expect(jobs[3]!.record!.status).toBe('deleted');
    expect(jobs[0]!.bytesTotal).toBe(201);
  });

  it('claims the oldest due job with a lease, keeps each written object, and finishes with the version IDs', async () => {
    await write(evidence('EV-1'), 'capture');
    await queueChanges(db, 'now');
    const job = (await claimNextJob(db, 1_000))!;
    expect(job.state).toEqual({ status: 'uploading', attempts: 1, leaseUntil: 1_000 + leaseMs });
    expect(await claimNextJob(db, 2_000)).toBeUndefined(); // held by its lease
    expect(await readEvidenceSyncState(db, 'EV-1')).toMatchObject({
      where: 'uploading',
      status: 'uploading',
      uploaded: false,
    });

    await recordWritten(db, job.id!, 'p/blobs/sha256/00', 'v-blob', 100, 5_000);
    // From its first written object on, part of the record is in the store (a delete must say so).
    expect(await readEvidenceSyncState(db, 'EV-1')).toMatchObject({ where: 'uploading', uploaded: true });
    const stored = (await db.syncJobs.get(job.id!))!;
    expect(stored.versionIds).toEqual({ 'p/blobs/sha256/00': 'v-blob' });
    expect(stored.bytesDone).toBe(100);
    expect(stored.state).toMatchObject({ leaseUntil: 5_000 + leaseMs });

    await recordWritten(db, job.id!, 'p/records/EV-1/1.json', 'v-record', 0, 6_000);
    await finishJob(db, job.id!, 'done-at');
    expect(await readEvidenceSyncState(db, 'EV-1')).toEqual({
      where: 'stored',
      revision: 1,
      versionIds: { 'p/blobs/sha256/00': 'v-blob', 'p/records/EV-1/1.json': 'v-record' },
    });
    expect(await readSyncOverview(db)).toMatchObject({ waiting: 0, uploading: 0, done: 1, open: [] });
  });

  it('a retryable failure waits with its sentence; a credentials failure stops until the user retries', async () => {
    await write(evidence('EV-1'), 'capture');
    await queueChanges(db, 'now');
    let job = (await claimNextJob(db, 0))!;
    const waiting = (await failJob(db, job.id!, offlineFailure(), 10_000))!;
    expect(waiting.status).toBe('waiting');
    expect(waiting.lastError).toMatch(/offline/);
    const due = (await nextDueAt(db))!;
    expect(due).toBeGreaterThan(10_000);
    expect(await claimNextJob(db, due - 1)).toBeUndefined();

    job = (await claimNextJob(db, due))!;
    expect(job.state.attempts).toBe(2);
    const blocked = (await failJob(
      db,
      job.id!,
      mapS3Failure({ status: 403, code: 'InvalidAccessKeyId' }, 'b'),
      due,
    ))!;
    expect(blocked.status).toBe('blocked');
    expect(await claimNextJob(db, Number.MAX_SAFE_INTEGER)).toBeUndefined();
    expect((await readSyncOverview(db)).lastError).toMatch(/access key/);
    expect(await readEvidenceSyncState(db, 'EV-1')).toMatchObject({ where: 'uploading', status: 'blocked' });

    await retryNow(db);
    expect((await claimNextJob(db, 0))!.state.attempts).toBe(3);
  });

  it('after a stopped worker, its uploading job waits again at once and keeps what it already wrote', async () => {
    await write(evidence('EV-1'), 'capture');
    await queueChanges(db, 'now');
    const job = (await claimNextJob(db, 0))!;
    await recordWritten(db, job.id!, 'k1', 'v1', 100, 0);
    expect(await releaseOrphans(db)).toBe(1);
    const again = (await claimNextJob(db, 1))!;
    expect(again.id).toBe(job.id);
    expect(again.versionIds).toEqual({ k1: 'v1' });
    expect(again.state.attempts).toBe(2);
  });

  it('claims several jobs oldest first, and puts back the ones a failure left behind, with what they wrote', async () => {
    for (const id of ['EV-1', 'EV-2', 'EV-3']) await write(evidence(id), 'capture');
    await queueChanges(db, 'now');
    const now = 1_000_000;
    const claimed = [await claimNextJob(db, now), await claimNextJob(db, now), await claimNextJob(db, now)];
    expect(claimed.map((job) => job?.evidenceId)).toEqual(['EV-1', 'EV-2', 'EV-3']);
    expect(await claimNextJob(db, now)).toBeUndefined();
    const [first, second, third] = claimed.map((job) => job!.id!);
    await recordWritten(db, third!, 'acme/blobs/sha256/aa', 'v-aa', 100, now);
    const failed = await failJob(db, first!, offlineFailure(), now);
    expect(failed?.state.status).toBe('waiting');
    const retryAt = failed!.state.status === 'waiting' ? failed!.state.notBefore : 0;
    await releaseJobs(db, [second!, third!], retryAt);

    // Nothing is due before the failed job's retry time; then all three are, oldest first, the third with
    // its blob remembered and a second attempt (so it looks each key up before writing).
    expect(await claimNextJob(db, retryAt - 1)).toBeUndefined();
    const again = [
      await claimNextJob(db, retryAt),
      await claimNextJob(db, retryAt),
      await claimNextJob(db, retryAt),
    ];
    expect(again.map((job) => job?.evidenceId)).toEqual(['EV-1', 'EV-2', 'EV-3']);
    expect(again[2]!.versionIds).toEqual({ 'acme/blobs/sha256/aa': 'v-aa' });
    expect(again[2]!.state.attempts).toBe(2);
  });

  it('claims a batch in one go: the oldest due jobs, an expired lease among them, and marks the custody objects done', async () => {
    for (const id of ['EV-1', 'EV-2', 'EV-3', 'EV-4']) await write(evidence(id), 'capture');
    await queueChanges(db, 'now');
    expect((await claimNextJob(db, 0))?.evidenceId).toBe('EV-1');
    // EV-1's lease has run out: it comes back first, then the waiting ones, at most three.
    const batch = await claimJobs(db, leaseMs + 1, 3);
    expect(batch.map((job) => job.evidenceId)).toEqual(['EV-1', 'EV-2', 'EV-3']);
    expect(batch.every((job) => job.status === 'uploading')).toBe(true);
    expect((await claimJobs(db, leaseMs + 1, 3)).map((job) => job.evidenceId)).toEqual(['EV-4']);
    expect(await claimJobs(db, leaseMs + 1, 3)).toEqual([]);
    await finishJob(db, batch[1]!.id!, 'done-at', { 'acme/record': 'v-record' });
    const done = (await db.syncJobs.get(batch[1]!.id!))!;
    expect(done.status).toBe('done');
    expect(done.versionIds).toEqual({ 'acme/record': 'v-record' });
  });

  it('takes over a job whose lease ran out before a newer waiting one', async () => {
    for (const id of ['EV-1', 'EV-2']) await write(evidence(id), 'capture');
    await queueChanges(db, 'now');
    const stale = await claimNextJob(db, 0);
    expect(stale?.evidenceId).toBe('EV-1');
    expect((await claimNextJob(db, leaseMs + 1))?.evidenceId).toBe('EV-1');
    expect((await claimNextJob(db, leaseMs + 1))?.evidenceId).toBe('EV-2');
  });
});
