import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../utils/team-store/s3-client';
import { parseRecordObject } from '../../utils/team-store/record-object';
import {
  pauseGateway,
  startGateway,
  startRgw,
  stopGateway,
  stopRgw,
  type LoopbackRgw,
} from '../support/ceph-rgw';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  listTargets,
  openTab,
  readDatabase,
  saveTagging,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';
import { loggedRequests } from './netlog.mjs';
import { recordOutcome } from './reliability';

// Two admins, each in their own browser profile, sync to one loopback Ceph RGW with Object Lock. The bucket is
// checked through the S3 API from here, never through the extension.

const PREFIX = 'acme';
const LOCKED = 'team-evidence';
const UNLOCKED = 'no-lock';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let rgw: LoopbackRgw | undefined;
let server: FixtureServer;
let dir: string;
const admins: { extension: LaunchedExtension; netLogPath: string; installationId?: string }[] = [];

function s3(bucket: string): S3Store {
  return new S3Store({
    endpoint: rgw!.endpoint,
    region: 'us-east-1',
    bucket,
    prefix: PREFIX,
    pathStyle: true,
    accessKeyId: rgw!.accessKeyId,
    secretAccessKey: rgw!.secretAccessKey,
  });
}

async function createBucket(bucket: string, locked: boolean) {
  const store = s3(bucket);
  const created = await store.request(
    'PUT',
    '',
    '',
    locked ? { 'x-amz-bucket-object-lock-enabled': 'true' } : {},
  );
  expect(created.status).toBe(200);
  if (!locked) return;
  const body = new TextEncoder().encode(
    '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>',
  );
  const { md5, toBase64 } = await import('../../utils/team-store/md5');
  const set = await store.request('PUT', '', 'object-lock=', { 'content-md5': toBase64(md5(body)) }, body);
  expect(set.status).toBe(200);
}

/** The person allows the store's site for the extension (chrome://extensions → Site access), as Chromium's
 * permission prompt cannot be answered by automation; the settings page still calls permissions.request. */
async function allowSite(extension: LaunchedExtension, origin: string) {
  const page = await extension.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, pattern]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission: (i: string, p: string) => Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id!, pattern!),
    [extension.extensionId, `${new URL(origin).protocol}//${new URL(origin).hostname}/*`],
  );
  await page.close();
}

async function openSettings(extension: LaunchedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html#settings`);
  await page.getByTestId('team-store-panel').waitFor();
  return page;
}

async function configure(page: Page, bucket: string, secret = rgw!.secretAccessKey) {
  const fill = (id: string, value: string) => page.getByTestId(`team-store-${id}`).fill(value);
  await fill('endpoint', rgw!.endpoint);
  await fill('region', 'us-east-1');
  await fill('bucket', bucket);
  await fill('prefix', PREFIX);
  await fill('accessKeyId', rgw!.accessKeyId);
  await fill('secret', secret);
  if (!(await page.getByTestId('team-store-pathStyle').isChecked()))
    await page.getByTestId('team-store-pathStyle').check();
  const probe = page.getByTestId('team-store-probe');
  const checkedAt = () => probe.getAttribute('data-checked-at', { timeout: 100 }).catch(() => null);
  const before = await checkedAt();
  await page.getByTestId('team-store-save').click();
  await expect.poll(checkedAt, { timeout: 20_000 }).not.toBe(before);
  return (await page.getByTestId('team-store-probe-summary').textContent())?.trim() ?? '';
}

async function capture(extension: LaunchedExtension, file: string, notes: string) {
  const page = await openTab(extension.context, new URL(file, server.url).href);
  const popup = await clickToolbarButton(extension, page);
  expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
  await saveTagging(popup, { notes });
  await popup.close();
  await page.close();
}

/** Every version of every key under the prefix, with its bytes' SHA-256. */
async function bucketVersions() {
  const store = s3(LOCKED);
  const listing = await store.listVersions(`${PREFIX}/`);
  const byKey = new Map<string, { versionId: string; sha256: string }[]>();
  for (const version of listing.versions) {
    const bytes = await store.getObject(version.key, version.versionId);
    byKey.set(version.key, [
      ...(byKey.get(version.key) ?? []),
      { versionId: version.versionId, sha256: sha(bytes) },
    ]);
  }
  return byKey;
}

/** What every record of this profile must have put in the bucket: blobs, custody entries, a record revision. */
async function expectedKeys(extension: LaunchedExtension, installationId: string) {
  const dump = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension);
  const keys = new Set<string>();
  for (const record of dump.evidence) {
    for (const artifact of record.artifacts) keys.add(`${PREFIX}/blobs/sha256/${artifact.sha256}`);
    keys.add(`${PREFIX}/installations/${installationId}/records/${record.id}/1.json`);
  }
  for (const entry of dump.custody) {
    const sequence = String(entry.sequence).padStart(12, '0');
    keys.add(`${PREFIX}/installations/${installationId}/custody/${sequence}-${entry.hash}.json`);
  }
  return { keys, dump };
}

/** The installation folder whose records name this profile's evidence. */
async function installationOf(extension: LaunchedExtension): Promise<string> {
  const dump = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension);
  const listing = await s3(LOCKED).listObjects(`${PREFIX}/installations/`);
  const match = listing.objects
    .map((object) => /installations\/([^/]+)\/records\/([^/]+)\//.exec(object.key))
    .find((found) => found && dump.evidence.some((record) => record.id === found[2]));
  if (!match) throw new Error('no record of this profile in the bucket yet');
  return match[1]!;
}

async function waitForSynced(extension: LaunchedExtension, timeout = 45_000) {
  await expect
    .poll(
      async () => {
        try {
          const installationId = await installationOf(extension);
          const { keys } = await expectedKeys(extension, installationId);
          const present = await bucketVersions();
          return [...keys].filter((key) => !present.has(key));
        } catch (error) {
          return [String(error)];
        }
      },
      { timeout, interval: 1_000 },
    )
    .toEqual([]);
}

/** No key has two versions: every upload, retried or resumed, wrote each object once. */
function duplicates(versions: Map<string, { versionId: string; sha256: string }[]>) {
  return [...versions].filter(([, list]) => list.length > 1).map(([key]) => key);
}

describe('team store sync against a real Ceph RGW with Object Lock', () => {
  beforeAll(async () => {
    rgw = await startRgw('e2e-sync');
    await createBucket(LOCKED, true);
    await createBucket(UNLOCKED, false);
    server = await startFixtureServer();
    dir = await mkdtemp(path.join(tmpdir(), 'isms-team-sync-'));
    for (const name of ['ana', 'ben']) {
      const netLogPath = path.join(dir, `${name}.netlog.json`);
      admins.push({ extension: await launchExtension({ netLogPath }), netLogPath });
    }
  }, 60_000);

  afterAll(async () => {
    try {
      if (rgw) pauseGateway(rgw, false);
    } catch {
      // not paused
    }
    for (const admin of admins) await admin.extension.close().catch(() => undefined);
    await server?.close();
    if (rgw) stopRgw(rgw);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a bucket without Object Lock in words, and syncs nothing to it', async () => {
    const { extension } = admins[0]!;
    await allowSite(extension, rgw!.endpoint);
    const settings = await openSettings(extension);
    expect(await configure(settings, UNLOCKED)).toBe('Not tamper-proof');
    const probe = settings.getByTestId('team-store-probe');
    await expect.poll(() => probe.getAttribute('data-tamper-proof')).toBe('false');
    expect(await probe.textContent()).toContain('Object Lock is not enabled on this bucket');
    expect(await probe.textContent()).toContain('let through');
    await settings.getByTestId('team-store-accept').waitFor();
    // The secret is never shown again: the field is empty, the page says one is saved.
    expect(await settings.getByTestId('team-store-secret').inputValue()).toBe('');
    await settings.getByTestId('team-store-secret-saved').waitFor();
    await capture(extension, 'access-review.html', 'Ana: quarterly access review');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const listing = await s3(UNLOCKED).listObjects(`${PREFIX}/installations/`);
    expect(listing.objects).toEqual([]);
    await settings.close();
  });

  it('two admins configure the locked store, capture and sync into the documented layout', async () => {
    for (const [index, admin] of admins.entries()) {
      if (index > 0) await allowSite(admin.extension, rgw!.endpoint);
      const settings = await openSettings(admin.extension);
      expect(await configure(settings, LOCKED)).toMatch(
        /^Tamper-proof: Object Lock is on, every object is kept 1 days in COMPLIANCE mode/,
      );
      const probe = await settings.getByTestId('team-store-probe').textContent();
      expect(probe).toContain('Default retention: COMPLIANCE mode, 1 days');
      expect(probe).toContain('refused by the store');
      await settings.close();
    }
    await capture(admins[1]!.extension, 'backup-jobs.html', 'Ben: nightly backup jobs');
    for (const admin of admins) {
      await waitForSynced(admin.extension);
      admin.installationId = await installationOf(admin.extension);
    }
    expect(admins[0]!.installationId).not.toBe(admins[1]!.installationId);
    // The popup's one line, after its first paint, below everything else.
    const tab = await openTab(admins[1]!.extension.context, new URL('ticket.html', server.url).href);
    const popup = await clickToolbarButton(admins[1]!.extension, tab);
    await popup.waitFor('[data-testid="sync-status-line"]');
    expect(await popup.text('[data-testid="sync-status-line"]')).toMatch(
      /^Team store: all \d+ uploads done$/,
    );
    await popup.close();
    await tab.close();

    const versions = await bucketVersions();
    expect(duplicates(versions)).toEqual([]);
    for (const admin of admins) {
      const { keys, dump } = await expectedKeys(admin.extension, admin.installationId!);
      for (const key of keys) expect(versions.has(key), key).toBe(true);
      // Blobs are named by their bytes; the record object is the record, readable by any tool.
      for (const [key, [version]] of versions) {
        const blob = /blobs\/sha256\/([0-9a-f]{64})$/.exec(key);
        if (blob) expect(version!.sha256).toBe(blob[1]);
      }
      for (const record of dump.evidence) {
        const key = `${PREFIX}/installations/${admin.installationId}/records/${record.id}/1.json`;
        const object = parseRecordObject(
          JSON.parse(new TextDecoder().decode(await s3(LOCKED).getObject(key))),
        );
        expect(object?.record.artifacts).toEqual(record.artifacts);
        expect(object?.installationId).toBe(admin.installationId);
      }
    }
  });

  it('the engine refuses to delete a locked record version', async () => {
    const store = s3(LOCKED);
    const versions = await store.listVersions(
      `${PREFIX}/installations/${admins[0]!.installationId}/records/`,
    );
    const target = versions.versions[0]!;
    const before = await store.getObject(target.key, target.versionId);
    expect(await store.deleteVersion(target.key, target.versionId)).toBe(403);
    expect(sha(await store.getObject(target.key, target.versionId))).toBe(sha(before));
  });

  it('RGW stopped mid-sync and started again: the queue resumes, nothing lost, nothing twice', async () => {
    const { extension } = admins[0]!;
    stopGateway(rgw!);
    await capture(extension, 'ticket.html', 'Ana: change ticket during the outage');
    const settings = await openSettings(extension);
    await expect
      .poll(
        async () =>
          (await settings
            .getByTestId('sync-queue-error')
            .textContent()
            .catch(() => '')) ?? '',
        {
          timeout: 20_000,
        },
      )
      .toContain('offline');
    startGateway(rgw!);
    await waitForSynced(extension, 60_000);
    await settings.getByTestId('sync-queue-empty').waitFor({ timeout: 20_000 });
    expect(duplicates(await bucketVersions())).toEqual([]);
    await settings.close();
    recordOutcome('team-store-outage', {
      observed: 'queue said offline in words; after restart every object uploaded once',
      evidenceLost: 0,
    });
  });

  it('the service worker stopped mid-upload: the next start resumes, nothing lost, nothing twice', async () => {
    const { extension } = admins[1]!;
    pauseGateway(rgw!, true);
    await capture(extension, 'access-review.html', 'Ben: access review while the store hangs');
    // Requests hang in the frozen gateway; the worker is stopped with them in flight.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const workers = (await listTargets(extension.browserSession)).filter(
      (target) => target.type === 'service_worker',
    );
    expect(workers).toHaveLength(1);
    const page = await extension.context.newPage();
    // A page of the extension that never messages the background, so nothing wakes the worker it stops.
    await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    const cdp = await extension.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const uploading = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('isms-evidence');
          open.onsuccess = () => {
            const request = open.result.transaction('syncJobs').objectStore('syncJobs').getAll();
            request.onsuccess = () =>
              resolve((request.result as { status: string }[]).map((job) => job.status));
            request.onerror = () => reject(request.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(uploading).toContain('uploading');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(
        async () => (await listTargets(extension.browserSession)).some((t) => t.type === 'service_worker'),
        {
          timeout: 10_000,
        },
      )
      .toBe(false);
    await cdp.detach();
    pauseGateway(rgw!, false);
    // Opening the settings page wakes the background, which takes up the job it left behind.
    const settings = await openSettings(extension);
    await waitForSynced(extension, 60_000);
    await settings.getByTestId('sync-queue-empty').waitFor({ timeout: 20_000 });
    expect(duplicates(await bucketVersions())).toEqual([]);
    await settings.close();
    await page.close();
    recordOutcome('team-store-worker-stopped', {
      observed: 'job left uploading; resumed on the next start; every object once',
      evidenceLost: 0,
    });
  });

  it('sends the extension’s traffic to the configured endpoint only', async () => {
    const origin = new URL(rgw!.endpoint).origin;
    for (const admin of admins) {
      await admin.extension.close();
      const requests = await loggedRequests(admin.netLogPath);
      const fromExtension = requests.filter(
        (request) => request.initiator === `chrome-extension://${admin.extension.extensionId}`,
      );
      expect(fromExtension.length).toBeGreaterThan(0);
      expect(new Set(fromExtension.map((request) => new URL(request.url).origin))).toEqual(new Set([origin]));
    }
  });
});
