/**
 * Import through the dashboard of a fresh profile: a bundle exported by the real extension in another
 * profile is verified and merged; damaged copies of it, rewritten by Python's zipfile, are refused with
 * a message naming the entry, and the database stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  openTab,
  readDatabase,
  saveTagging,
  startFixtureServer,
  verifyArtifacts,
  verifyCustodyChain,
  type EvidenceDump,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
  nameOrganisationIfAsked,
} from './harness';

const CONSOLES = ['backup-jobs.html', 'ticket.html'];

// Rewrites a zip entry by entry with Python's zipfile, keeping names, methods and dates:
//   flip <suffix>   invert one byte in the middle of the entry whose name ends with <suffix>
//   add <name>      append an extra entry called <name> holding a few bytes
const REWRITE_ZIP = `
import sys, zipfile
source, target, mode, arg = sys.argv[1:5]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w') as zout:
    flipped = False
    for info in zin.infolist():
        data = zin.read(info.filename)
        if mode == 'flip' and info.filename.endswith(arg):
            data = bytearray(data)
            data[len(data) // 2] ^= 0xFF
            data = bytes(data)
            flipped = True
        zout.writestr(info, data)
    if mode == 'flip' and not flipped:
        sys.exit('no entry ends with ' + arg)
    if mode == 'add':
        zout.writestr(arg, b'planted by the test')
`;

function rewriteZip(source: string, target: string, mode: 'flip' | 'add', arg: string): void {
  const result = spawnSync('python3', ['-c', REWRITE_ZIP, source, target, mode, arg], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`python3 zipfile rewrite failed: ${result.stderr}`);
}

type Dump = EvidenceDump;

function read(extension: LaunchedExtension, withBlobs = false): Promise<Dump> {
  return readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs });
}

/** Everything the database holds that an import could touch, comparable with toEqual. */
function state(dump: Dump) {
  return {
    evidence: dump.evidence,
    custody: dump.custody,
    blobs: [...dump.blobs].map(([key, blob]) => [key, blob.evidenceId, blob.type, blob.size]),
  };
}

/** Opens the export page without showSaveFilePicker (the download path) and saves the bundle. */
async function exportBundle(extension: LaunchedExtension, dir: string): Promise<string> {
  const page = await extension.context.newPage();
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
  });
  await page.goto(`chrome-extension://${extension.extensionId}/export.html`);
  await nameOrganisationIfAsked(page);
  await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId('export-start').click(),
  ]);
  const zipPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await page.getByTestId('export-done').waitFor();
  await page.close();
  return zipPath;
}

describe('importing a bundle through the dashboard', () => {
  let server: FixtureServer;
  let importer: LaunchedExtension;
  let dashboard: Page;
  let work: string;
  let zipPath: string;
  let bundleName: string;
  let exported: StoredEvidence[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'isms-import-e2e-'));
    server = await startFixtureServer();
    // A teammate's profile: two captures through the popup, exported as a bundle.
    const exporter = await launchExtension();
    try {
      for (const file of CONSOLES) {
        const page = await openTab(exporter.context, new URL(file, server.url).href);
        const popup = await clickToolbarButton(exporter, page);
        expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
        await saveTagging(popup, { notes: `Exported from the teammate's profile: ${file}.` });
        await popup.close();
        await page.close();
      }
      exported = (await read(exporter)).evidence;
      zipPath = await exportBundle(exporter, work);
      bundleName = path.basename(zipPath, '.zip');
    } finally {
      await exporter.close();
    }
    // The importer: a fresh profile with nothing in it.
    importer = await launchExtension();
    dashboard = await openTab(
      importer.context,
      `chrome-extension://${importer.extensionId}/dashboard.html#export`,
    );
    await dashboard.getByTestId('import-file').waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await importer?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function choose(file: string): Promise<void> {
    // Clear first: choosing the file the input already holds fires no change event.
    await dashboard.getByTestId('import-file').setInputFiles([]);
    await dashboard.getByTestId('import-file').setInputFiles(file);
    await dashboard
      .locator(
        '[data-testid="import-verified"], [data-testid="import-refused"], [data-testid="import-error"]',
      )
      .first()
      .waitFor({ timeout: 30_000 });
  }

  it.each([
    {
      case: 'one byte of a PNG changed',
      mode: 'flip' as const,
      arg: () => `data/evidence/${exported[0]!.id}/original.png`,
      names: () => `data/evidence/${exported[0]!.id}/original.png`,
      reason: /does not match its SHA-256/,
    },
    {
      case: 'an entry that escapes the folder',
      mode: 'add' as const,
      arg: () => `${bundleName}/../evil.txt`,
      names: () => `${bundleName}/../evil.txt`,
      reason: /\.\./,
    },
    {
      case: 'a file that is not in the manifest',
      mode: 'add' as const,
      arg: () => `${bundleName}/data/evidence/${exported[0]!.id}/extra.txt`,
      names: () => `data/evidence/${exported[0]!.id}/extra.txt`,
      reason: /manifest/,
    },
  ])('refuses a bundle with $case, naming the entry, and changes nothing', async (bad) => {
    const damaged = path.join(work, `damaged-${bad.mode}-${Math.random().toString(36).slice(2)}.zip`);
    rewriteZip(zipPath, damaged, bad.mode, bad.arg());
    const before = state(await read(importer, true));

    await choose(damaged);
    const refused = dashboard.getByTestId('import-refused');
    expect(await refused.isVisible()).toBe(true);
    expect(await refused.getAttribute('role')).toBe('alert');
    const message = (await refused.innerText()).replace(/\s+/g, ' ');
    expect(message).toContain('refused');
    expect(message).toContain(bad.names());
    expect(message).toMatch(bad.reason);
    expect(await dashboard.getByTestId('import-start').count()).toBe(0);

    expect(state(await read(importer, true))).toEqual(before);
  });

  it('verifies the bundle, shows the result, imports its evidence and logs the import', async () => {
    const before = await read(importer);
    expect(before.evidence).toEqual([]);

    await choose(zipPath);
    const verified = dashboard.getByTestId('import-verified');
    expect(await verified.isVisible(), await dashboard.locator('body').innerText()).toBe(true);
    const summary = (await dashboard.getByTestId('bundle-summary').innerText()).replace(/\s+/g, ' ');
    expect(summary).toContain(bundleName);
    expect(summary).toContain(`${exported.length} records`);
    expect(summary).toContain('chain intact');

    await dashboard.getByTestId('import-start').click();
    const done = dashboard.getByTestId('import-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.innerText()).toContain(`Imported ${exported.length} new evidence records; 0 were`);

    const after = await read(importer, true);
    expect(after.evidence.map((record) => record.id).sort()).toEqual(
      exported.map((record) => record.id).sort(),
    );
    for (const original of exported) {
      const record = after.evidence.find((candidate) => candidate.id === original.id)!;
      expect(record).toMatchObject({
        title: original.title,
        url: original.url,
        capturedAt: original.capturedAt,
        effectiveDate: original.effectiveDate,
        capturer: original.capturer,
        controls: original.controls,
        notes: original.notes,
        status: original.status,
      });
      // Every artifact of the export (DOM snapshots are left out by default) with the same hash.
      const expected = original.artifacts
        .filter((artifact) => artifact.role !== 'dom')
        .map(({ name, sha256, size }) => ({ name, sha256, size }));
      expect(record.artifacts.map(({ name, sha256, size }) => ({ name, sha256, size }))).toEqual(expected);
      expect(verifyArtifacts(record, after.blobs)).toEqual([]);
    }

    // One `import` entry closes the chain, which verifies with an independent implementation.
    expect(verifyCustodyChain(after.custody)).toEqual([]);
    expect(after.custody).toHaveLength(before.custody.length + 1);
    const entry = after.custody.at(-1)!;
    expect(entry.event).toBe('import');
    expect(entry.details).toMatchObject({ bundle: bundleName, added: exported.length, skipped: 0 });
    expect([...(entry.details.addedIds as string[])].sort()).toEqual(
      exported.map((record) => record.id).sort(),
    );

    // The coverage digest was updated: the popup shows the imported backup evidence's control covered.
    const popup = await openTab(importer.context, `chrome-extension://${importer.extensionId}/popup.html`);
    const cell = popup.locator('[data-testid="control-grid"] button[data-control-id="A.8.13"]');
    expect(await cell.getAttribute('aria-label')).toBe('A.8.13 Information backup — covered');
    await popup.close();
  });

  it('imports the same bundle again as already held, adding only a custody entry', async () => {
    const before = await read(importer);
    await choose(zipPath);
    await dashboard.getByTestId('import-start').click();
    const done = dashboard.getByTestId('import-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.innerText()).toContain(`Imported 0 new evidence records; ${exported.length} were`);
    const after = await read(importer);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.custody).toHaveLength(before.custody.length + 1);
    expect(after.custody.at(-1)!.details).toMatchObject({ added: 0, skipped: exported.length });
    expect(verifyCustodyChain(after.custody)).toEqual([]);
  });
});
