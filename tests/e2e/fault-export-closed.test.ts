import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  verifyCustodyChain,
  type E2eSession,
  nameOrganisationIfAsked,
} from './harness';
import { recordOutcome } from './reliability';
import { snapshotDatabase } from './snapshot';

declare global {
  interface Window {
    bytesWritten?: number;
  }
}

describe('the export tab closed half-way', () => {
  let session: E2eSession;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'isms-export-closed-'));
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the database untouched, and a new export works', async () => {
    const { extension } = session;
    for (const file of ['access-review.html', 'backup-jobs.html', 'ticket.html']) {
      const page = await openTab(extension.context, session.fixture(file));
      const popup = await clickToolbarButton(extension, page);
      expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
      await saveTagging(popup, { notes: `Export fault: ${file}` });
      await popup.close();
      await page.close();
    }
    const before = await snapshotDatabase(extension);

    // A slow disk behind the save dialog: each chunk takes 300 ms, so the tab closes mid-bundle.
    const exportUrl = `chrome-extension://${extension.extensionId}/export.html`;
    const slow = await extension.context.newPage();
    await slow.addInitScript(() => {
      window.bytesWritten = 0;
      Object.assign(window, {
        showSaveFilePicker: async () => ({
          createWritable: async () =>
            new WritableStream<Uint8Array>({
              write: (chunk) =>
                new Promise<void>((resolve) => {
                  window.bytesWritten! += chunk.byteLength;
                  setTimeout(resolve, 300);
                }),
            }),
        }),
      });
    });
    await slow.goto(exportUrl);
    await nameOrganisationIfAsked(slow);
    await slow.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
    await slow.getByTestId('export-start').click();
    await slow.waitForFunction(() => (window.bytesWritten ?? 0) > 0, undefined, { timeout: 30_000 });
    const written = await slow.evaluate(() => window.bytesWritten ?? 0);
    expect(await slow.getByTestId('export-done').count()).toBe(0);
    await slow.close();

    // Evidence, custody log and settings are as they were. The one thing an export that started leaves is
    // the installation's signing key, made on first use and kept: it signs the next export too.
    const after = await snapshotDatabase(extension);
    const { signingKeys, ...rest } = after.stores;
    const { signingKeys: keysBefore, ...restBefore } = before.stores;
    expect({ ...after, stores: rest }).toEqual({ ...before, stores: restBefore });
    expect(keysBefore).toEqual([]);
    expect(signingKeys).toHaveLength(1);

    // A new export, to a download this time, completes and tests clean.
    const page = await extension.context.newPage();
    await page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
    });
    await page.goto(exportUrl);
    await nameOrganisationIfAsked(page);
    await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-start').click(),
    ]);
    const zipPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(zipPath);
    await page.getByTestId('export-done').waitFor();
    await page.close();
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const exported = await snapshotDatabase(extension);
    const custody = exported.stores.custody as {
      event: string;
      sequence: number;
      previousHash: string;
      hash: string;
    }[];
    expect(custody.filter((entry) => entry.event === 'export')).toHaveLength(1);
    expect(verifyCustodyChain(custody)).toEqual([]);

    recordOutcome('export-tab-closed', {
      observed: `tab closed after ${written} bytes; all ${Object.keys(before.stores).length} stores unchanged; next export complete, unzip -t clean`,
      evidenceLost: 0,
    });
  });
});
