/**
 * The e2e harness: launch Chromium with the built extension, serve the fixture consoles, click the
 * toolbar button, drive the popup over CDP and read the database back with the raw IndexedDB API.
 * The launcher and the checks are plain ESM (shared with `npm start` and `npm run bench`); this file
 * adds the contract's record shapes and the steps the tests repeat.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { launchExtension, readDatabase, type DatabaseDump, type LaunchedExtension } from './chromium.mjs';

export * from './chromium.mjs';
export * from './verify.mjs';
export * from './popup.mjs';
export { startFixtureServer, type FixtureServer };

/** An artifact as the contract describes it (not the extension's own type: the tests check the contract). */
export interface StoredArtifact {
  role: 'original' | 'stamped' | 'thumbnail' | 'text' | 'table' | 'dom' | 'metadata' | 'file';
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

export interface StoredEvidence {
  id: string;
  sequence: number;
  capturedAt: string;
  effectiveDate: string;
  url: string;
  title: string;
  site: string;
  capturer: string;
  kind: string;
  controls: string[];
  notes: string;
  status: string;
  artifacts: StoredArtifact[];
}

export interface StoredCustodyEntry {
  sequence: number;
  at: string;
  event: string;
  evidenceId: string | null;
  actor: string;
  details: Record<string, unknown>;
  previousHash: string;
  hash: string;
  [field: string]: unknown;
}

export type EvidenceDump = DatabaseDump<StoredEvidence, StoredCustodyEntry>;

export interface E2eSession {
  server: FixtureServer;
  extension: LaunchedExtension;
  /** Absolute URL of a fixture page, e.g. `fixture('ticket.html')`. */
  fixture(file: string): string;
  read(options?: { withBlobs?: boolean }): Promise<EvidenceDump>;
  close(): Promise<void>;
}

/** Serves the fixtures and launches Chromium with the extension in a fresh profile. */
export async function startSession(): Promise<E2eSession> {
  const server = await startFixtureServer();
  try {
    const extension = await launchExtension();
    return {
      server,
      extension,
      fixture: (file) => new URL(file, server.url).href,
      read: (options) => readDatabase<StoredEvidence, StoredCustodyEntry>(extension, options),
      async close() {
        await extension.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export interface PageTable {
  header: string[];
  rows: string[][];
}

/**
 * Reads a `<table>` or an ARIA grid from the fixture page with Playwright: the expected rows, read by
 * other code than the extension's collector.
 */
export function readPageTable(page: Page, selector: string): Promise<PageTable> {
  return page.locator(selector).evaluate((root) => {
    const clean = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (root instanceof HTMLTableElement) {
      return {
        header: [...root.querySelectorAll('thead th')].map(clean),
        rows: [...root.querySelectorAll('tbody tr')].map((row) =>
          [...row.querySelectorAll('td, th')].map(clean),
        ),
      };
    }
    const rows = [...root.querySelectorAll('[role="row"]')];
    const cellsOf = (row: Element) => [
      ...row.querySelectorAll('[role="columnheader"], [role="gridcell"], [role="cell"]'),
    ];
    return {
      header: cellsOf(rows[0]!).map(clean),
      rows: rows.slice(1).map((row) => cellsOf(row).map(clean)),
    };
  });
}

/** The bytes of one artifact of a record, read with `withBlobs`. */
export function artifactBytes(dump: EvidenceDump, record: StoredEvidence, name: string): Uint8Array {
  const artifact = record.artifacts.find((candidate) => candidate.name === name);
  if (!artifact) throw new Error(`Evidence ${record.id} has no artifact ${name}.`);
  const bytes = dump.blobs.get(artifact.blobKey)?.bytes;
  if (!bytes) throw new Error(`No bytes stored for ${name} (blob ${artifact.blobKey}).`);
  return bytes;
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The export page asks for the organisation's name when none is set (and keeps the export button disabled
 * until it is typed): tests that export from a fresh profile without naming one answer it here.
 */
export async function nameOrganisationIfAsked(page: Page, name = 'Example Ltd'): Promise<void> {
  await page.getByTestId('export-panel').waitFor();
  const field = page.getByTestId('export-organisation');
  if ((await field.count()) > 0) await field.fill(name);
}

/**
 * Exports from the export page as a browser without the File System Access picker does (to a download),
 * saved into `dir`. `choose` sets the page's choices once the organisation is named; by default it waits
 * for the estimate. Returns the zip's path and the bag's top folder.
 */
export async function exportToDownload(
  context: BrowserContext,
  extensionId: string,
  dir: string,
  choose: (page: Page) => Promise<void> = (page) =>
    page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor(),
): Promise<{ zipPath: string; root: string }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
  });
  await page.goto(`chrome-extension://${extensionId}/export.html`);
  await nameOrganisationIfAsked(page);
  await choose(page);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId('export-start').click(),
  ]);
  const zipPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
  await page.close();
  return { zipPath, root: download.suggestedFilename().replace(/\.zip$/, '') };
}

/** A member of a zip through Info-ZIP's `unzip -p`, not the extension's own reader. */
export function unzipMember(zipPath: string, member: string): Buffer {
  const unzip = spawnSync('unzip', ['-p', zipPath, member], { timeout: 30_000 });
  if (unzip.status !== 0) throw new Error(`unzip -p ${member} failed: ${String(unzip.stderr)}`);
  return unzip.stdout;
}

/** A CSV member of a zip, read by Info-ZIP and parsed by Python's csv module (not the writer's code). */
export function csvFromZip(zipPath: string, member: string): string[][] {
  const python = spawnSync(
    'python3',
    [
      '-c',
      'import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))))',
    ],
    { input: unzipMember(zipPath, member), timeout: 30_000 },
  );
  if (python.status !== 0)
    throw new Error(`Python's csv module could not read ${member}: ${String(python.stderr)}`);
  return JSON.parse(String(python.stdout)) as string[][];
}
