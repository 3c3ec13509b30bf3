import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { S3Store } from '../../utils/team-store/s3-client';
import type { LoopbackRgw } from '../support/ceph-rgw';
import { createTestBucket, rgwStore } from '../support/team-bucket';
import {
  allowSiteAccess,
  captureFromPopup,
  clickToolbarButton,
  openTab,
  readDatabase,
  saveTagging,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';

// What the team-store e2e files share: the bucket read and written through the S3 API from here (never through
// the extension), and the steps a person takes in the extension to set the store up, capture and wait for sync.

export const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export type BucketVersions = Map<string, { versionId: string; sha256: string }[]>;

export interface TeamStoreSteps {
  s3(bucket: string): S3Store;
  createBucket(bucket: string, locked: boolean): Promise<void>;
  allowSite(extension: LaunchedExtension): Promise<void>;
  openSettings(extension: LaunchedExtension): Promise<Page>;
  nameCapturer(extension: LaunchedExtension, name: string): Promise<void>;
  configure(page: Page, bucket: string, secret?: string): Promise<string>;
  capture(extension: LaunchedExtension, file: string, notes: string): Promise<void>;
  bucketVersions(bucket: string): Promise<BucketVersions>;
  expectedKeys(
    extension: LaunchedExtension,
    installationId: string,
  ): Promise<{
    keys: Set<string>;
    dump: Awaited<ReturnType<typeof readDatabase<StoredEvidence, StoredCustodyEntry>>>;
  }>;
  installationOf(extension: LaunchedExtension, bucket: string): Promise<string>;
  waitForSynced(extension: LaunchedExtension, bucket: string, timeout?: number): Promise<void>;
}

/** No key has two versions: every upload, retried or resumed, wrote each object once. */
export function duplicates(versions: BucketVersions): string[] {
  return [...versions].filter(([, list]) => list.length > 1).map(([key]) => key);
}

export function teamStoreSteps(rgw: LoopbackRgw, server: FixtureServer, prefix: string): TeamStoreSteps {
  const s3 = (bucket: string) => rgwStore(rgw, bucket, prefix);
  const createBucket = (bucket: string, locked: boolean) => createTestBucket(s3(bucket), locked);

  /** The person allows the store's site for the extension; the settings page still calls permissions.request. */
  const allowSite = (extension: LaunchedExtension) => allowSiteAccess(extension, rgw.endpoint);

  async function openSettings(extension: LaunchedExtension): Promise<Page> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html#settings`);
    await page.getByTestId('team-store-panel').waitFor();
    return page;
  }

  /** Settings → General: the name every capture of this profile carries. */
  async function nameCapturer(extension: LaunchedExtension, name: string) {
    const page = await openSettings(extension);
    await page.getByTestId('settings-capturer').fill(name);
    await page.getByTestId('settings-organisation').fill('Example Ltd');
    await page.locator('form[aria-labelledby="settings-heading"] button[type=submit]').click();
    await page.getByText('Settings saved.').waitFor();
    await page.close();
  }

  /** Fills Settings → Team store and saves; returns the probe's one-line summary once it answered. */
  async function configure(page: Page, bucket: string, secret = rgw.secretAccessKey) {
    const fill = (id: string, value: string) => page.getByTestId(`team-store-${id}`).fill(value);
    await fill('endpoint', rgw.endpoint);
    await fill('region', 'us-east-1');
    await fill('bucket', bucket);
    await fill('prefix', prefix);
    await fill('accessKeyId', rgw.accessKeyId);
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
  async function bucketVersions(bucket: string) {
    const store = s3(bucket);
    const listing = await store.listVersions(`${prefix}/`);
    const byKey: BucketVersions = new Map();
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
      for (const artifact of record.artifacts) keys.add(`${prefix}/blobs/sha256/${artifact.sha256}`);
      keys.add(`${prefix}/installations/${installationId}/records/${record.id}/1.json`);
    }
    for (const entry of dump.custody) {
      const sequence = String(entry.sequence).padStart(12, '0');
      keys.add(`${prefix}/installations/${installationId}/custody/${sequence}-${entry.hash}.json`);
    }
    return { keys, dump };
  }

  /** The installation folder whose records name this profile's evidence. */
  async function installationOf(extension: LaunchedExtension, bucket: string): Promise<string> {
    const dump = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension);
    const listing = await s3(bucket).listObjects(`${prefix}/installations/`);
    const match = listing.objects
      .map((object) => /installations\/([^/]+)\/records\/([^/]+)\//.exec(object.key))
      .find((found) => found && dump.evidence.some((record) => record.id === found[2]));
    if (!match) throw new Error('no record of this profile in the bucket yet');
    return match[1]!;
  }

  async function waitForSynced(extension: LaunchedExtension, bucket: string, timeout = 45_000) {
    await expect
      .poll(
        async () => {
          try {
            const installationId = await installationOf(extension, bucket);
            const { keys } = await expectedKeys(extension, installationId);
            const present = await bucketVersions(bucket);
            return [...keys].filter((key) => !present.has(key));
          } catch (error) {
            return [String(error)];
          }
        },
        { timeout, interval: 1_000 },
      )
      .toEqual([]);
  }

  return {
    s3,
    createBucket,
    allowSite,
    openSettings,
    nameCapturer,
    configure,
    capture,
    bucketVersions,
    expectedKeys,
    installationOf,
    waitForSynced,
  };
}
