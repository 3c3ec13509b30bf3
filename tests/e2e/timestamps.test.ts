import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startTsaServer } from '../support/tsa-server.mjs';
import {
  allowSiteAccess,
  captureFromPopup,
  clickToolbarButton,
  exportToDownload,
  launchExtension,
  openTab,
  saveTagging,
  startFixtureServer,
  type LaunchedExtension,
} from './harness';

/** The time-stamp queue and tokens in the extension's IndexedDB, read from one of its pages. */
const readStamps = () =>
  new Promise<{ queued: number; tokens: string[]; lastProblem: string | null }>((resolve, reject) => {
    const open = indexedDB.open('isms-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction(['timestampQueue', 'timestampTokens']);
      const queue = transaction.objectStore('timestampQueue').getAll();
      const tokens = transaction.objectStore('timestampTokens').getAll();
      transaction.onerror = () => reject(transaction.error);
      transaction.oncomplete = () => {
        const queued = queue.result as { lastProblem?: string }[];
        resolve({
          queued: queued.length,
          tokens: (tokens.result as { evidenceId: string }[]).map((row) => row.evidenceId).sort(),
          lastProblem: queued[0]?.lastProblem ?? null,
        });
      };
    };
  });

async function capture(extension: LaunchedExtension, url: string) {
  const page = await openTab(extension.context, url);
  const popup = await clickToolbarButton(extension, page);
  expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
  await saveTagging(popup);
  await popup.close();
  await page.close();
}

describe('trusted time stamps from a real RFC 3161 authority on loopback (Chromium)', () => {
  it('stamps captures and the export, stock openssl verifies every token and the signature, and a capture made while the authority is down gets its token once it is back', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'isms-timestamps-e2e-'));
    const tsa = await startTsaServer();
    const server = await startFixtureServer();
    const extension = await launchExtension();
    let settings: Page | undefined;
    try {
      await allowSiteAccess(extension, tsa.origin);
      settings = await extension.context.newPage();
      await settings.goto(`chrome-extension://${extension.extensionId}/dashboard.html#settings`);
      const panel = settings.getByTestId('timestamp-panel');
      await panel.locator('input[name="timestamp-url"]').fill(tsa.url);
      await panel.locator('input[name="timestamp-tolerance"]').fill('5');
      await panel.locator('button[type=submit]').click();
      await panel.getByText('Saved. Captures from now on are timestamped.').waitFor();
      const stamps = () => settings!.evaluate(readStamps);

      // A capture while the authority is up: its token arrives right after it is stored.
      await capture(extension, new URL('backup-jobs.html', server.url).href);
      await expect.poll(async () => (await stamps()).tokens.length, { timeout: 20_000 }).toBe(1);
      const [first] = (await stamps()).tokens;

      const exported = async (name: string) => {
        const dir = mkdtempSync(path.join(work, `${name}-`));
        const { zipPath, root } = await exportToDownload(extension.context, extension.extensionId, dir);
        execFileSync('unzip', ['-q', zipPath, '-d', dir]);
        const bag = path.join(dir, root);
        const sh = (script: string) => {
          const outcome = spawnSync('bash', ['-c', script], { cwd: bag, encoding: 'utf8' });
          return `${outcome.stdout}${outcome.stderr}`;
        };
        return { bag, sh, zipPath };
      };
      const verifyToken = (id: string) =>
        `openssl ts -verify -data data/evidence/${id}/custody-entry.json -in data/evidence/${id}/custody-entry.tsr -CAfile signature/tsa-chain.pem`;
      const verifyTagManifest =
        'openssl ts -verify -data tagmanifest-sha256.txt -in signature/tagmanifest-sha256.tsr -CAfile signature/tsa-chain.pem';
      const verifySignature =
        'openssl pkeyutl -verify -pubin -inkey signature/public-key.pem -rawin -in tagmanifest-sha256.txt -sigfile signature/bag.sig';

      // 1. Export with the authority up: stock openssl verifies the signature and every token.
      const one = await exported('up');
      const guide = readFileSync(path.join(one.bag, 'data/VERIFY.txt'), 'utf8');
      for (const command of [verifyToken(first!), verifyTagManifest, verifySignature])
        expect(guide).toContain(command);
      expect(one.sh(verifySignature)).toContain('Signature Verified Successfully');
      expect(one.sh(verifyToken(first!))).toContain('Verification: OK');
      expect(one.sh(verifyTagManifest)).toContain('Verification: OK');
      const index = readFileSync(path.join(one.bag, 'data/index.html'), 'utf8');
      expect(index).toMatch(/data-timestamp="stamped" data-trusted-time="\d{4}-\d\d-\d\dT/);
      // Captured and stamped within seconds on one machine: no clock flag.
      expect(index).not.toContain('data-time-flag=');
      // One byte more in each stamped file: each token fails.
      appendFileSync(path.join(one.bag, `data/evidence/${first}/custody-entry.json`), ' ');
      appendFileSync(path.join(one.bag, 'tagmanifest-sha256.txt'), '\n');
      expect(one.sh(verifyToken(first!))).toContain('Verification: FAILED');
      expect(one.sh(verifyTagManifest)).toContain('Verification: FAILED');
      expect(one.sh(verifySignature)).toContain('Signature Verification Failure');

      // 2. The authority goes down: the capture still succeeds, its stamp waits in the queue.
      await tsa.takeDown();
      await capture(extension, new URL('ticket.html', server.url).href);
      await expect
        .poll(async () => (await stamps()).lastProblem, { timeout: 20_000 })
        .toMatch(/could not be reached/);
      expect((await stamps()).queued).toBe(1);
      const down = await exported('down');
      const second = (
        readFileSync(path.join(down.bag, 'data/register.csv'), 'utf8').match(/EV-[0-9]{8}-[A-Z0-9]{6}/g) ?? []
      ).find((id) => id !== first);
      expect(second).toBeDefined();
      expect(existsSync(path.join(down.bag, `data/evidence/${second}/custody-entry.tsr`))).toBe(false);
      expect(existsSync(path.join(down.bag, 'signature/tagmanifest-sha256.tsr'))).toBe(false);
      expect(readFileSync(path.join(down.bag, 'data/index.html'), 'utf8')).toContain(
        'data-timestamp="pending"',
      );
      expect(readFileSync(path.join(down.bag, 'data/VERIFY.txt'), 'utf8')).toContain(second!);
      expect(down.sh(verifyToken(first!))).toContain('Verification: OK');

      // 3. The authority is back: the retry alarm drains the queue, and the next export carries the token.
      await tsa.bringUp();
      await expect
        .poll(async () => (await stamps()).tokens.length, { timeout: 60_000, interval: 1_000 })
        .toBe(2);
      expect((await stamps()).queued).toBe(0);
      const back = await exported('back');
      expect(back.sh(verifyToken(second!))).toContain('Verification: OK');
      expect(back.sh(verifyToken(first!))).toContain('Verification: OK');
      expect(back.sh(verifyTagManifest)).toContain('Verification: OK');

      // Imported back, the tokens are checked again.
      await settings.goto(`chrome-extension://${extension.extensionId}/dashboard.html#export`);
      await settings.getByTestId('import-file').setInputFiles(back.zipPath);
      expect(await settings.getByTestId('bundle-timestamps').textContent()).toMatch(
        /^2 capture tokens valid against the authority's chain in the bundle; the bundle itself stamped at /,
      );
      // Only the authority was asked, and only by POST.
      expect(tsa.requests.every((request) => request.method === 'POST')).toBe(true);
    } finally {
      await settings?.close().catch(() => undefined);
      await extension.close();
      await server.close();
      await tsa.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
