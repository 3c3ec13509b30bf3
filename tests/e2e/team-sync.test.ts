import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  clickToolbarButton,
  launchExtension,
  listTargets,
  openTab,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
} from './harness';
import { loggedRequests } from './netlog.mjs';
import { recordOutcome } from './reliability';
import { duplicates, sha, teamStoreSteps, type TeamStoreSteps } from './team-store';

// Two admins, each in their own browser profile, sync to one loopback Ceph RGW with Object Lock. The bucket is
// checked through the S3 API from here, never through the extension.

const PREFIX = 'acme';
const LOCKED = 'team-evidence';
const UNLOCKED = 'no-lock';

let rgw: LoopbackRgw | undefined;
let server: FixtureServer;
let dir: string;
let steps: TeamStoreSteps;
const admins: { extension: LaunchedExtension; netLogPath: string; installationId?: string }[] = [];

describe('team store sync against a real Ceph RGW with Object Lock', () => {
  beforeAll(async () => {
    rgw = await startRgw('e2e-sync');
    server = await startFixtureServer();
    steps = teamStoreSteps(rgw, server, PREFIX);
    await steps.createBucket(LOCKED, true);
    await steps.createBucket(UNLOCKED, false);
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
    await steps.allowSite(extension);
    const settings = await steps.openSettings(extension);
    expect(await steps.configure(settings, UNLOCKED)).toBe('Not tamper-proof');
    const probe = settings.getByTestId('team-store-probe');
    await expect.poll(() => probe.getAttribute('data-tamper-proof')).toBe('false');
    expect(await probe.textContent()).toContain('Object Lock is not enabled on this bucket');
    expect(await probe.textContent()).toContain('let through');
    await settings.getByTestId('team-store-accept').waitFor();
    // The secret is never shown again: the field is empty, the page says one is saved.
    expect(await settings.getByTestId('team-store-secret').inputValue()).toBe('');
    await settings.getByTestId('team-store-secret-saved').waitFor();
    await steps.capture(extension, 'access-review.html', 'Ana: quarterly access review');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const listing = await steps.s3(UNLOCKED).listObjects(`${PREFIX}/installations/`);
    expect(listing.objects).toEqual([]);
    await settings.close();
  });

  it('two admins configure the locked store, capture and sync into the documented layout', async () => {
    for (const [index, admin] of admins.entries()) {
      if (index > 0) await steps.allowSite(admin.extension);
      const settings = await steps.openSettings(admin.extension);
      expect(await steps.configure(settings, LOCKED)).toMatch(
        /^Tamper-proof: Object Lock is on, every object is kept 1 days in COMPLIANCE mode/,
      );
      const probe = await settings.getByTestId('team-store-probe').textContent();
      expect(probe).toContain('Default retention: COMPLIANCE mode, 1 days');
      expect(probe).toContain('refused by the store');
      await settings.close();
    }
    await steps.capture(admins[1]!.extension, 'backup-jobs.html', 'Ben: nightly backup jobs');
    for (const admin of admins) {
      await steps.waitForSynced(admin.extension, LOCKED);
      admin.installationId = await steps.installationOf(admin.extension, LOCKED);
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

    const versions = await steps.bucketVersions(LOCKED);
    expect(duplicates(versions)).toEqual([]);
    for (const admin of admins) {
      const { keys, dump } = await steps.expectedKeys(admin.extension, admin.installationId!);
      for (const key of keys) expect(versions.has(key), key).toBe(true);
      // Blobs are named by their bytes; the record object is the record, readable by any tool.
      for (const [key, [version]] of versions) {
        const blob = /blobs\/sha256\/([0-9a-f]{64})$/.exec(key);
        if (blob) expect(version!.sha256).toBe(blob[1]);
      }
      for (const record of dump.evidence) {
        const key = `${PREFIX}/installations/${admin.installationId}/records/${record.id}/1.json`;
        const object = parseRecordObject(
          JSON.parse(new TextDecoder().decode(await steps.s3(LOCKED).getObject(key))),
        );
        expect(object?.record.artifacts).toEqual(record.artifacts);
        expect(object?.installationId).toBe(admin.installationId);
      }
    }
  });

  it('the engine refuses to delete a locked record version', async () => {
    const store = steps.s3(LOCKED);
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
    await steps.capture(extension, 'ticket.html', 'Ana: change ticket during the outage');
    const settings = await steps.openSettings(extension);
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
    await steps.waitForSynced(extension, LOCKED, 60_000);
    await settings.getByTestId('sync-queue-empty').waitFor({ timeout: 20_000 });
    expect(duplicates(await steps.bucketVersions(LOCKED))).toEqual([]);
    await settings.close();
    recordOutcome('team-store-outage', {
      observed: 'queue said offline in words; after restart every object uploaded once',
      evidenceLost: 0,
    });
  });

  it('the service worker stopped mid-upload: the next start resumes, nothing lost, nothing twice', async () => {
    const { extension } = admins[1]!;
    pauseGateway(rgw!, true);
    await steps.capture(extension, 'access-review.html', 'Ben: access review while the store hangs');
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
    const settings = await steps.openSettings(extension);
    await steps.waitForSynced(extension, LOCKED, 60_000);
    await settings.getByTestId('sync-queue-empty').waitFor({ timeout: 20_000 });
    expect(duplicates(await steps.bucketVersions(LOCKED))).toEqual([]);
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
