import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { isPng, pngSize, sha256Hex, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { readZip, type ZipFiles } from './archives';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, evaluate, openTab, setFiles, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { readDatabase, waitForEvidence, type DatabaseDump } from './database.mjs';

// Full-page capture, export and import in Firefox: a whole page captured with Alt+Shift+F, the auditor
// bundle saved as a download (Firefox has no streaming save picker), and imported into a fresh profile. The
// export button is clicked by script, not by a trusted click, so Firefox refuses the downloads permission and
// the page downloads with a link: the fallback path (export-stream.test.ts covers downloads.download).
describe('Firefox: full page, export as a download, import', () => {
  let server: FixtureServer;
  let exporter: LaunchedFirefox | undefined;
  let importer: LaunchedFirefox | undefined;
  let captured: DatabaseDump;
  let bundlePath: string;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'isms-firefox-bundle-'));
    server = await startFixtureServer();
    exporter = await launchFirefox();
  });
  afterAll(async () => {
    await exporter?.close();
    await importer?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('stores a full-page capture taken with Alt+Shift+F, scrolled and stitched', async () => {
    const url = new URL('access-review.html', server.url).href;
    const page = await openTab(exporter!, url);
    const geometry = await evaluate(exporter!, page, () => ({
      width: window.innerWidth,
      height: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
      devicePixelRatio: window.devicePixelRatio,
    }));
    expect(geometry.scrollHeight).toBeGreaterThan(geometry.height * 2);

    await pressShortcut(exporter!, 'Alt+Shift+F');
    captured = await waitForEvidence(exporter!, 1);
    const record = captured.evidence[0]!;
    expect(record).toMatchObject({ url, kind: 'full-page', status: 'needs-review' });

    const original = captured.blobs.get(
      record.artifacts.find((item) => item.name === 'original-1.png')!.blobKey,
    )!;
    expect(isPng(original.bytes!)).toBe(true);
    const size = pngSize(original.bytes!);
    expect(size.width).toBe(Math.round(geometry.width * geometry.devicePixelRatio));
    // Taller than one screen: the tiles were stitched (the whole page fits one canvas here).
    expect(size.height).toBeGreaterThan(geometry.height * geometry.devicePixelRatio * 2);
    expect(verifyArtifacts(record, captured.blobs)).toEqual([]);
    expect(verifyCustodyChain(captured.custody)).toEqual([]);
  });

  it('exports the bundle as a download whose manifest verifies', async () => {
    const exportPage = await openTab(exporter!, exporter!.extensionUrl('export.html'));
    await waitFor(exporter!, exportPage, () =>
      /evidence records/.test(document.querySelector('[data-testid="export-estimate"]')?.textContent ?? ''),
    );
    // A fresh profile has no organisation set: the page asks for it before it exports.
    await evaluate(exporter!, exportPage, () => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="export-organisation"]');
      if (!field) return;
      field.value = 'Example Ltd';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(exporter!, exportPage, '[data-testid="export-start"]');
    const done = await waitFor(
      exporter!,
      exportPage,
      () => document.querySelector('[data-testid="export-done"], [data-testid="export-error"]')?.textContent,
      { timeout: 60_000, description: 'the export to finish' },
    );
    expect(done).toMatch(/^Saved isms-evidence_.+\.zip: 1 evidence records/);

    // Kept outside the profile, which goes when the browser closes.
    const downloaded = await waitForDownload(exporter!.downloadDir);
    bundlePath = path.join(work, path.basename(downloaded));
    await copyFile(downloaded, bundlePath);
    const bundle = await readZip(bundlePath);
    const [folder] = [...bundle.keys()][0]!.split('/');
    const manifest = new TextDecoder().decode(bundle.get(`${folder}/manifest-sha256.txt`));
    const lines = manifest.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const [hash, name] = line.split(/ [ *]/) as [string, string];
      expect(sha256Hex(entry(bundle, `${folder}/${name}`)), name).toBe(hash);
    }
    const record = captured.evidence[0]!;
    const original = record.artifacts.find((item) => item.name === 'original-1.png')!;
    expect(sha256Hex(entry(bundle, `${folder}/data/evidence/${record.id}/original-1.png`))).toBe(
      original.sha256,
    );
  });

  it('imports the bundle into a fresh profile with every hash intact', async () => {
    await exporter!.close();
    exporter = undefined;
    importer = await launchFirefox();
    const dashboard = await openTab(importer, importer.extensionUrl('dashboard.html#export'));
    await waitFor(importer, dashboard, () => document.querySelector('[data-testid="import-file"]') !== null);
    await setFiles(importer, dashboard, '[data-testid="import-file"]', [bundlePath]);
    await waitFor(
      importer,
      dashboard,
      () =>
        document.querySelector('[data-testid="import-verified"], [data-testid="import-refused"]')
          ?.textContent,
      { timeout: 30_000, description: 'the bundle to be verified' },
    );
    await click(importer, dashboard, '[data-testid="import-start"]');
    const done = await waitFor(
      importer,
      dashboard,
      () => document.querySelector('[data-testid="import-done"]')?.textContent,
      { timeout: 30_000, description: 'the import to finish' },
    );
    expect(done).toContain('Imported 1 new evidence records');

    const imported = await readDatabase(importer);
    const original = captured.evidence[0]!;
    expect(imported.evidence.map((record) => record.id)).toEqual([original.id]);
    const record = imported.evidence[0]!;
    const hashes = (dump: typeof record) =>
      dump.artifacts.filter((item) => item.role !== 'dom').map(({ name, sha256 }) => ({ name, sha256 }));
    expect(hashes(record)).toEqual(hashes(original));
    expect(verifyArtifacts(record, imported.blobs)).toEqual([]);
    expect(verifyCustodyChain(imported.custody)).toEqual([]);
    expect(imported.custody.at(-1)).toMatchObject({ event: 'import' });
  });
});

function entry(bundle: ZipFiles, name: string): Uint8Array {
  const bytes = bundle.get(name);
  if (!bytes) throw new Error(`The bundle has no ${name}`);
  return bytes;
}

/** The finished download: Firefox writes `<name>.part` first and renames it when complete. */
async function waitForDownload(directory: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const files = await readdir(directory);
    const zip = files.find((file) => file.endsWith('.zip'));
    if (zip && !files.some((file) => file.endsWith('.part'))) {
      const bytes = await readFile(path.join(directory, zip));
      if (bytes.length > 0) return path.join(directory, zip);
    }
    if (Date.now() > deadline) throw new Error(`No finished download in ${directory}: ${files.join(', ')}`);
    await sleep(200);
  }
}
