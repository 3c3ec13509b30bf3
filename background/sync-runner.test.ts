// @vitest-environment node
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDatabase } from '@/storage/db';
import { appendCustody } from '@/storage/custody-log';
import { claimNextJob, queueChanges, readSyncOverview } from '@/storage/sync-queue';
import { saveProbe, saveTeamStore, targetOf } from '@/platform/team-store-settings';
import { teamStoreErrorText } from '@/utils/text';
import { SYNC_ALARM, requestSync, resumeSyncOnStart, retrySyncNow } from './sync-runner';

/**
 * The runner against a little S3-shaped server on 127.0.0.1: each PUT gets the next scripted answer (an S3 XML
 * error) or, once the script is used up, a write with an ETag computed from the bytes received and a version ID.
 */

type Answer = { status: number; code: string };
let server: Server;
let endpoint: string;
let script: Answer[];
let puts: string[];

function answer(request: IncomingMessage, response: ServerResponse, body: Buffer) {
  if (request.method !== 'PUT') {
    response.writeHead(404, { 'content-type': 'application/xml' });
    response.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>');
    return;
  }
  const scripted = script.shift();
  if (scripted) {
    response.writeHead(scripted.status, { 'content-type': 'application/xml' });
    response.end(`<?xml version="1.0"?><Error><Code>${scripted.code}</Code><Message>m</Message></Error>`);
    return;
  }
  puts.push(request.url ?? '');
  response.writeHead(200, {
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    'x-amz-version-id': `v${puts.length}`,
  });
  response.end();
}

async function configure(url: string) {
  const fields = {
    endpoint: url,
    region: 'us-east-1',
    bucket: 'evidence',
    prefix: 'team/',
    pathStyle: true,
    accessKeyId: 'AKIDTEST',
  };
  await saveTeamStore(fields, 'secret-test');
  await saveProbe(
    {
      tamperProof: true,
      lockEnabled: true,
      deleteStatus: 403,
      mode: 'COMPLIANCE',
      days: 30,
      reasons: [],
      summary: 'Write-once holds.',
    },
    new Date().toISOString(),
  );
  const stored = (await browser.storage.local.get('teamStore')).teamStore as { probe?: { target: string } };
  expect(stored.probe?.target).toBe(targetOf(fields));
}

async function addCustodyEntry() {
  const db = getDatabase();
  await db.transaction('rw', db.custody, () =>
    appendCustody(db, {
      at: new Date().toISOString(),
      event: 'key-rotation',
      evidenceId: null,
      actor: 'tester',
      details: {},
    }),
  );
}

const onlyJob = async () => {
  const rows = await getDatabase().syncJobs.toArray();
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

beforeEach(async () => {
  fakeBrowser.reset();
  await getDatabase().delete();
  await getDatabase().open();
  // The host permission the person granted for the store's origin (the fake browser has no permission store).
  (fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => true;
  script = [];
  puts = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await configure(endpoint);
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('sync runner', () => {
  it('uploads a queued custody entry and keeps its version ID', async () => {
    await addCustodyEntry();
    await requestSync();
    const job = await onlyJob();
    expect(job.status).toBe('done');
    expect(puts).toHaveLength(1);
    expect(Object.values(job.versionIds)).toEqual(['v1']);
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });

  it('waits after SlowDown with the throttled sentence and an alarm at the retry time, then retries', async () => {
    script = [{ status: 503, code: 'SlowDown' }];
    await addCustodyEntry();
    await requestSync();
    const job = await onlyJob();
    expect(job.status).toBe('waiting');
    expect(job.lastError).toBe(teamStoreErrorText.throttled);
    const alarm = await browser.alarms.get(SYNC_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(
      job.state.status === 'waiting' ? job.state.notBefore : Infinity,
    );
    await retrySyncNow();
    const done = await onlyJob();
    expect(done.status).toBe('done');
    expect(done.lastError).toBeNull();
    expect(Object.values(done.versionIds)).toEqual(['v1']);
  });

  it('backs off longer after each server error', async () => {
    script = [
      { status: 500, code: 'InternalError' },
      { status: 500, code: 'InternalError' },
      { status: 500, code: 'InternalError' },
    ];
    await addCustodyEntry();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = Date.now();
      if (attempt === 0) await requestSync();
      else await retrySyncNow();
      const job = await onlyJob();
      expect(job.status).toBe('waiting');
      expect(job.lastError).toBe(teamStoreErrorText.serverError(500));
      delays.push((job.state.status === 'waiting' ? job.state.notBefore : 0) - before);
    }
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
  });

  it('stops on RequestTimeTooSkewed and tells the person to fix the clock', async () => {
    script = [{ status: 403, code: 'RequestTimeTooSkewed' }];
    await addCustodyEntry();
    await requestSync();
    expect((await onlyJob()).status).toBe('blocked');
    expect((await readSyncOverview(getDatabase())).lastError).toBe(teamStoreErrorText.clockSkew);
    // Blocked: no alarm retries it on its own.
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
    await retrySyncNow();
    expect((await onlyJob()).status).toBe('done');
  });

  it('stops on expired credentials with the credentials sentence', async () => {
    script = [{ status: 400, code: 'ExpiredToken' }];
    await addCustodyEntry();
    await requestSync();
    const job = await onlyJob();
    expect(job.status).toBe('blocked');
    expect(job.lastError).toBe(teamStoreErrorText.credentials);
  });

  it('waits when the store is unreachable and keeps the job', async () => {
    await new Promise((resolve) => server.close(resolve));
    await addCustodyEntry();
    await requestSync();
    const job = await onlyJob();
    expect(job.status).toBe('waiting');
    expect(job.lastError).toBe(teamStoreErrorText.offline);
    server.listen(Number(new URL(endpoint).port), '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    await retrySyncNow();
    expect((await onlyJob()).status).toBe('done');
  });

  it('resumes a job a stopped worker left uploading', async () => {
    await addCustodyEntry();
    const db = getDatabase();
    await queueChanges(db, new Date().toISOString());
    // The worker claimed it and was stopped before writing anything.
    expect((await claimNextJob(db, Date.now()))?.status).toBe('uploading');
    await resumeSyncOnStart();
    const job = await onlyJob();
    expect(job.status).toBe('done');
    expect(puts).toHaveLength(1);
  });
});
