import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  DATABASE_NAME,
  EXTENSION_DIR,
  launchExtension,
  listTargets,
  openTab,
  REPO_ROOT,
  startFixtureServer,
  verifyCustodyChain,
  type FixtureServer,
  type LaunchedExtension,
} from './harness';
import { recordOutcome } from './reliability';
import { snapshotDatabase, type DatabaseSnapshot } from './snapshot';

/** A raw dump of a database written by the released version 1 (see tests/fixtures/schema/make-fixture.mjs). */
interface SchemaFixture {
  name: string;
  version: number;
  stores: {
    name: string;
    keyPath: string | string[];
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    rows: unknown[];
  }[];
}

const FIXTURE_FILE = path.join(REPO_ROOT, 'tests', 'fixtures', 'schema', 'v1.json');
const CURRENT_IDB_VERSION = 120; // Dexie's version 12 (the newest: the register kept by ID only), times ten

/** The fixture's rows as snapshotDatabase describes them: Blobs as type, size and SHA-256. */
function asSnapshotRows(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asSnapshotRows);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$blob === 'string') {
      const bytes = Buffer.from(record.$blob, 'base64');
      return {
        blob: record.type,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, asSnapshotRows(inner)]));
  }
  return value;
}

/** Writes the fixture into the extension's origin with the raw IndexedDB API, as version 1 left it. */
async function loadRaw(page: Page, fixture: SchemaFixture): Promise<number> {
  return page.evaluate(async (dump) => {
    const done = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise<void>((resolve, reject) => {
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    await done(indexedDB.deleteDatabase(dump.name));
    const decode = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(decode);
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.$blob === 'string') {
          const binary = atob(record.$blob);
          const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
          return new Blob([bytes], { type: String(record.type) });
        }
        return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decode(inner)]));
      }
      return value;
    };
    const request = indexedDB.open(dump.name, dump.version);
    request.onupgradeneeded = () => {
      for (const store of dump.stores) {
        const created = request.result.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        });
        for (const index of store.indexes) {
          created.createIndex(index.name, index.keyPath, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
        }
      }
    };
    await done(request);
    const database = request.result;
    const transaction = database.transaction(
      dump.stores.map((store) => store.name),
      'readwrite',
    );
    for (const store of dump.stores) {
      for (const row of store.rows) transaction.objectStore(store.name).add(decode(row));
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const version = database.version;
    database.close();
    return version;
  }, fixture);
}

function evidenceIndexNames(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    const request = indexedDB.open(name);
    await new Promise((resolve, reject) => {
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    });
    const names = [...request.result.transaction('evidence').objectStore('evidence').indexNames];
    request.result.close();
    return names;
  }, DATABASE_NAME);
}

const byKey = (rows: unknown[], key: string) =>
  [...rows].sort((a, b) =>
    String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key])),
  );

describe('a database written by schema version 1, opened by the current build', () => {
  let server: FixtureServer;
  let dir: string;
  let extension: LaunchedExtension | undefined;
  let fixture: SchemaFixture;

  beforeAll(async () => {
    fixture = JSON.parse(await readFile(FIXTURE_FILE, 'utf8')) as SchemaFixture;
    dir = await mkdtemp(path.join(tmpdir(), 'isms-schema-'));
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates on the next start with popup and dashboard open: data intact, no error shown', async () => {
    expect(fixture.version).toBe(10);
    // Unpacked extensions take their id from their folder: one folder for both starts, like an update.
    const extensionDir = path.join(dir, 'extension');
    const savedProfile = path.join(dir, 'profile');
    await cp(EXTENSION_DIR, extensionDir, { recursive: true });

    // First start: the version 1 database is put in place raw, and the browser closes.
    extension = await launchExtension({
      extensionDir,
      prepareProfile: async (userDataDir) => () => cp(userDataDir, savedProfile, { recursive: true }),
    });
    const loader = await extension.context.newPage();
    await loader.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    // The worker opens the database when it starts (badge, retry queues): stop it first, so that the
    // version 1 data stays version 1 until the second start, as after an update.
    // Its start-up work done first (a worker stopped while it starts is started again).
    await (
      await extension.serviceWorker()
    ).evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
    const workerSession = await extension.context.newCDPSession(loader);
    await workerSession.send('ServiceWorker.enable');
    await workerSession.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(
        async () => (await listTargets(extension!.browserSession)).some((t) => t.type === 'service_worker'),
        {
          timeout: 10_000,
        },
      )
      .toBe(false);
    await workerSession.detach();
    expect(await loadRaw(loader, fixture)).toBe(10);
    expect(await evidenceIndexNames(loader)).not.toContain('[status+sequence]');
    await extension.close();

    // Second start on that profile: the worker, the dashboard and the popup all open the database.
    extension = await launchExtension({
      extensionDir,
      prepareProfile: async (userDataDir) => {
        await cp(savedProfile, userDataDir, { recursive: true });
      },
    });
    const errors: string[] = [];
    const dashboard = await extension.context.newPage();
    dashboard.on('pageerror', (error) => errors.push(`dashboard: ${error.message}`));
    const consolePage = await openTab(extension.context, new URL('backup-jobs.html', server.url).href);
    const [popup] = await Promise.all([
      clickToolbarButton(extension, consolePage),
      dashboard.goto(`chrome-extension://${extension.extensionId}/dashboard.html#evidence`),
    ]);
    const needsReview = fixture.stores
      .find((store) => store.name === 'evidence')!
      .rows.filter((row) => (row as { status: string }).status === 'needs-review')
      .map((row) => (row as { id: string }).id);
    await popup.waitFor('[data-testid="needs-review"]');
    const popupText = (await popup.text('[data-testid="needs-review"]')) ?? '';
    for (const id of needsReview) expect(popupText).toContain(id);
    expect(await popup.exists('[data-testid="capture-error"]')).toBe(false);
    await dashboard.getByTestId('library-count').filter({ hasText: 'of 3 evidence items' }).waitFor();
    expect(await dashboard.locator('[role="alert"]').count()).toBe(0);
    expect(errors).toEqual([]);

    const after: DatabaseSnapshot = await snapshotDatabase(extension);
    expect(after.version).toBe(CURRENT_IDB_VERSION);
    expect(await evidenceIndexNames(dashboard)).toContain('[status+sequence]');
    const keys: Record<string, string> = { evidence: 'id', blobs: 'key', custody: 'sequence' };
    for (const store of fixture.stores) {
      const expected = asSnapshotRows(store.rows) as unknown[];
      const stored = after.stores[store.name] ?? [];
      if (keys[store.name]) {
        expect(byKey(stored, keys[store.name]!), store.name).toEqual(byKey(expected, keys[store.name]!));
      } else {
        for (const row of expected) expect(stored, store.name).toContainEqual(row);
      }
    }

    // The chain goes on from the version 1 entries.
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.close();
    const continued = await snapshotDatabase(extension);
    const custody = continued.stores.custody as Parameters<typeof verifyCustodyChain>[0];
    expect(custody.length).toBeGreaterThan(fixture.stores.find((s) => s.name === 'custody')!.rows.length);
    expect(verifyCustodyChain(custody)).toEqual([]);
    expect((continued.stores.evidence as { sequence: number }[]).map((r) => r.sequence).sort()).toEqual([
      1, 2, 3, 4,
    ]);
    await dashboard.close();
    await consolePage.close();

    const rowCount = fixture.stores.reduce((sum, store) => sum + store.rows.length, 0);
    recordOutcome('schema-v1-upgrade', {
      observed: `IndexedDB 10 → ${after.version}; ${rowCount} v1 rows identical (3 records, blobs by SHA-256); no error in popup or dashboard; next capture is sequence 4`,
      evidenceLost: 0,
    });
  });
});
