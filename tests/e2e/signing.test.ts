import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  nameOrganisationIfAsked,
  openTab,
  saveTagging,
  startFixtureServer,
} from './harness';

/** The installation's key in the real Chromium's IndexedDB: its row and whether its private half can leave. */
const readKeyRow = () =>
  new Promise<{ count: number; extractable: boolean | null; algorithm: string | null }>((resolve, reject) => {
    const open = indexedDB.open('isms-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('signingKeys').objectStore('signingKeys').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const rows = request.result as { privateKey: CryptoKey | null }[];
        const key = rows[0]?.privateKey ?? null;
        resolve({
          count: rows.length,
          extractable: key?.extractable ?? null,
          algorithm: key?.algorithm.name ?? null,
        });
      };
    };
  });

describe('the installation signing key (Chromium)', () => {
  it('is made once as a non-extractable Ed25519 key and settings show the same fingerprint on every open', async () => {
    const extension = await launchExtension();
    try {
      const page = await extension.context.newPage();
      const settings = `chrome-extension://${extension.extensionId}/dashboard.html#settings`;
      await page.goto(settings);
      const fingerprint = page.getByTestId('signing-fingerprint');
      const first = await fingerprint.textContent();
      expect(first).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      expect(await page.getByTestId('signing-algorithm').textContent()).toBe('Ed25519');
      await page.reload();
      expect(await fingerprint.textContent()).toBe(first);
      expect(await page.evaluate(readKeyRow)).toEqual({ count: 1, extractable: false, algorithm: 'Ed25519' });
    } finally {
      await extension.close();
    }
  });
});

describe('a signed bundle from the real extension, checked with stock tools (Chromium)', () => {
  it('openssl verifies the signature, sha256sum the hashes, the bundled script the chain across withheld entries; one changed byte fails each', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'isms-signing-e2e-'));
    const server = await startFixtureServer();
    const extension = await launchExtension();
    try {
      // Two captures; the older one falls outside the export's window, so its custody entries are withheld.
      for (const [file, effectiveDate] of [
        ['backup-jobs.html', '2025-01-15'],
        ['ticket.html', undefined],
      ] as const) {
        const page = await openTab(extension.context, new URL(file, server.url).href);
        const popup = await clickToolbarButton(extension, page);
        expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
        await saveTagging(popup, effectiveDate ? { effectiveDate } : {});
        await popup.close();
        await page.close();
      }
      const page = await extension.context.newPage();
      await page.addInitScript(() => {
        delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
        delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
      });
      await page.goto(`chrome-extension://${extension.extensionId}/export.html`);
      await nameOrganisationIfAsked(page);
      await page.getByTestId('window-start').fill('2026-01-01');
      await page.getByTestId('export-estimate').filter({ hasText: '1 evidence record' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByTestId('export-start').click(),
      ]);
      const zipPath = path.join(work, download.suggestedFilename());
      await download.saveAs(zipPath);
      await page.getByTestId('export-done').waitFor();
      execFileSync('unzip', ['-q', zipPath, '-d', work]);
      const bag = path.join(work, path.basename(zipPath, '.zip'));
      const run = (command: string, args: string[]) => {
        const outcome = spawnSync(command, args, { cwd: bag, encoding: 'utf8' });
        return { status: outcome.status, output: `${outcome.stdout}${outcome.stderr}` };
      };

      expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toContain(
        'Bag-Signing-Algorithm: Ed25519',
      );
      for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt'])
        expect(run('sha256sum', ['-c', '--strict', manifest]).status).toBe(0);
      const verify = [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signature/public-key.pem',
        '-rawin',
        '-in',
        'tagmanifest-sha256.txt',
        '-sigfile',
        'signature/bag.sig',
      ];
      expect(readFileSync(path.join(bag, 'data', 'VERIFY.txt'), 'utf8')).toContain(
        `openssl ${verify.join(' ')}`,
      );
      const good = run('openssl', verify);
      expect(good.output).toContain('Signature Verified Successfully');
      expect(good.status).toBe(0);

      const script = ['data/verify-custody.py', 'data/custody-log.jsonl'];
      const chain = run('python3', script);
      const counted = /^OK: \d+ entries, (\d+) withheld/.exec(chain.output);
      expect(Number(counted?.[1]), chain.output).toBeGreaterThan(0);
      expect(chain.status).toBe(0);
      expect(readFileSync(path.join(bag, 'data', 'index.html'), 'utf8')).toContain(
        `data-custody-withheld="${counted![1]}"`,
      );

      // One byte of the tag manifest: the signature fails.
      const tagPath = path.join(bag, 'tagmanifest-sha256.txt');
      const original = readFileSync(tagPath);
      const changed = Buffer.from(original);
      changed[0] = changed[0] === 0x30 ? 0x31 : 0x30;
      writeFileSync(tagPath, changed);
      const bad = run('openssl', verify);
      expect(bad.status).not.toBe(0);
      expect(bad.output).toContain('Signature Verification Failure');
      writeFileSync(tagPath, original);

      // The withheld entry's kind changed: the bundled script fails.
      const logPath = path.join(bag, 'data', 'custody-log.jsonl');
      const lines = readFileSync(logPath, 'utf8').trimEnd().split('\n');
      const at = lines.findIndex((line) => line.includes('"withheld":true'));
      lines[at] = JSON.stringify({ ...(JSON.parse(lines[at]!) as object), event: 'delete' });
      writeFileSync(logPath, `${lines.join('\n')}\n`);
      const broken = run('python3', script);
      expect(broken.status).toBe(1);
      expect(broken.output).toMatch(/^FAILED\nentry \d+ \(line \d+\): its hash does not match/);

      // Imported back, the signer is this installation.
      const dashboard = await openTab(
        extension.context,
        `chrome-extension://${extension.extensionId}/dashboard.html#export`,
      );
      await dashboard.getByTestId('import-file').setInputFiles(zipPath);
      expect(await dashboard.getByTestId('bundle-signature').textContent()).toMatch(
        /^Valid \(Ed25519\), signed by a known key: This installation, fingerprint ([0-9A-F]{4} ){15}[0-9A-F]{4}$/,
      );
    } finally {
      await extension.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
