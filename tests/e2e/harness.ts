/**
 * The e2e harness: launch Chromium with the built extension, serve the fixture consoles, click the
 * toolbar button, drive the popup over CDP and read the database back with the raw IndexedDB API.
 * The launcher and the checks are plain ESM (shared with `npm start` and `npm run bench`); this file
 * adds the contract's record shapes and the steps the tests repeat.
 */
import type { Page } from 'playwright-core';
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
