import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { startTsaServer, type TsaServer } from '../support/tsa-server.mjs';
import { verifyCustodyChain } from '../e2e/verify.mjs';
import { stampedText } from '../../utils/timestamp/subject';
import type { CustodyEntry } from '../../utils/evidence/types';
import { extractZip, readZip } from './archives';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, evaluate, openTab, setFiles, waitFor } from './pages.mjs';
import { mouseClick, pressShortcut } from './gestures.mjs';
import { readDatabase, waitForEvidence, DATABASE_NAME } from './database.mjs';

/**
 * Signed bundles and a trusted timestamp in Firefox: the authority on loopback (OpenSSL's `openssl ts -reply`)
 * configured in settings, the host permission granted through the browser's own request (the profile
 * answers the prompt with Allow: `extensions.webextOptionalPermissionPrompts` false; Firefox still refuses
 * the request unless it comes from a real click), a capture whose token `openssl ts -verify` accepts, the
 * bundle's Ed25519 signature checked with stock `openssl pkeyutl`, and a key rotation from settings.
 */
describe('Firefox: Ed25519 signed bundles, a timestamped capture, key rotation', () => {
  let server: FixtureServer;
  let tsa: TsaServer;
  let firefox: LaunchedFirefox | undefined;
  let work: string;
  let firstBundle: string;
  let firstFingerprint: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'isms-firefox-signing-'));
    [server, tsa] = await Promise.all([startFixtureServer(), startTsaServer()]);
    firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    await tsa?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('configures the authority with its origin granted, and timestamps a capture right after it is stored', async () => {
    const settings = await openTab(firefox!, firefox!.extensionUrl('dashboard.html#settings'));
    await waitFor(
      firefox!,
      settings,
      () => document.querySelector('[data-testid="timestamp-panel"]') !== null,
    );
    await evaluate(
      firefox!,
      settings,
      (url, pem) => {
        const set = (name: string, value: string) => {
          const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
          field.value = value;
          field.dispatchEvent(new Event('input', { bubbles: true }));
        };
        set('timestamp-url', url);
        set('timestamp-trusted', pem);
      },
      tsa.url,
      tsa.caPem,
    );
    await mouseClick(firefox!, settings, '[data-testid="timestamp-panel"] button[type="submit"]');
    const saved = await waitFor(
      firefox!,
      settings,
      () =>
        document.querySelector(
          '[data-testid="timestamp-panel"] [role="status"], [data-testid="timestamp-panel"] [role="alert"]',
        )?.textContent,
      { description: 'the authority to be saved' },
    );
    expect(saved).toBe('Saved. Captures from now on are timestamped.');
    const granted = await evaluate(firefox!, settings, () =>
      (
        globalThis as unknown as {
          browser: { permissions: { getAll(): Promise<{ origins: string[] }> } };
        }
      ).browser.permissions.getAll(),
    );
    // Exactly the authority's origin, nothing wider.
    expect(granted.origins).toEqual(['http://127.0.0.1/*']);

    const page = await openTab(firefox!, new URL('access-review.html', server.url).href);
    expect(page).toBeTruthy();
    await pressShortcut(firefox!, 'Alt+Shift+E');
    const captured = await waitForEvidence(firefox!, 1);
    const capture = captured.custody.find((entry) => entry.event === 'capture')! as unknown as CustodyEntry;

    const token = await waitForToken(firefox!, capture.hash);
    expect(tsa.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(tsa.requests[0]).toMatchObject({ contentType: 'application/timestamp-query' });
    expect(token.chainChecked).toBe(true);

    // The stored reply verifies with stock openssl over the capture's custody entry, and not over a changed one.
    const dir = await mkdtemp(path.join(work, 'token-'));
    await writeFile(path.join(dir, 'custody-entry.tsr'), token.reply);
    await writeFile(path.join(dir, 'custody-entry.json'), stampedText(capture));
    const verify = (data: string) =>
      spawnSync(
        'openssl',
        ['ts', '-verify', '-in', 'custody-entry.tsr', '-data', data, '-CAfile', tsa.caFile],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
    const good = verify('custody-entry.json');
    expect(good.stdout + good.stderr).toContain('Verification: OK');
    expect(good.status).toBe(0);
    await writeFile(
      path.join(dir, 'changed.json'),
      stampedText({
        ...capture,
        at: capture.at.replace(/\d(?=Z$)/, (digit) => String((Number(digit) + 1) % 10)),
      }),
    );
    const changed = verify('changed.json');
    expect(changed.stdout + changed.stderr).toContain('Verification: FAILED');

    // The custody log records the token, and the chain holds.
    const after = await readDatabase(firefox!);
    expect(after.custody.at(-1)).toMatchObject({ event: 'timestamp' });
    expect(verifyCustodyChain(after.custody)).toEqual([]);
  });

  it('exports a bundle whose Ed25519 signature and time-stamp tokens stock openssl verifies, each failing on one changed byte', async () => {
    const settings = await openTab(firefox!, firefox!.extensionUrl('dashboard.html#settings'));
    firstFingerprint = (await waitFor(
      firefox!,
      settings,
      () => document.querySelector('[data-testid="signing-fingerprint"]')?.textContent,
    ))!;
    expect(
      await evaluate(
        firefox!,
        settings,
        () => document.querySelector('[data-testid="signing-algorithm"]')?.textContent,
      ),
    ).toBe('Ed25519');

    firstBundle = await exportBundle(firefox!, work, 'first');
    const bag = await extractBag(firstBundle, path.join(work, 'first-bag'));
    const info = await readFile(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Bag-Signing-Algorithm: Ed25519');
    expect(info.replace(/\s+/g, ' ')).toContain(`Bag-Signing-Key-Fingerprint: ${firstFingerprint}`);
    expectSignature(bag).toBe('Signature Verified Successfully');

    // The capture's token and the export's token over the tag manifest, against the test CA the auditor trusts.
    const tokens = (await readdir(path.join(bag, 'data', 'evidence'), { recursive: true }))
      .filter((name) => name.endsWith('custody-entry.tsr'))
      .map((name) => path.join('data', 'evidence', name));
    expect(tokens).toHaveLength(1);
    const capture = tokens[0]!.replace(/\.tsr$/, '.json');
    const tagToken = 'signature/tagmanifest-sha256.tsr';
    expectTimestamp(bag, tokens[0]!, capture, tsa.caFile).toContain('Verification: OK');
    expectTimestamp(bag, tagToken, 'tagmanifest-sha256.txt', tsa.caFile).toContain('Verification: OK');
    // The chain the bag carries, as VERIFY.txt has it, gives the same answer.
    expectTimestamp(bag, tagToken, 'tagmanifest-sha256.txt', 'signature/tsa-chain.pem').toContain(
      'Verification: OK',
    );

    await changeOneByte(path.join(bag, capture));
    expectTimestamp(bag, tokens[0]!, capture, tsa.caFile).toContain('Verification: FAILED');
    await changeOneByte(path.join(bag, 'tagmanifest-sha256.txt'));
    expectSignature(bag).toBe('Signature Verification Failure');
    expectTimestamp(bag, tagToken, 'tagmanifest-sha256.txt', tsa.caFile).toContain('Verification: FAILED');
  });

  it('rotates the key in settings: the next bundle is signed by the new key, the old bundle still verifies as a retired key', async () => {
    const settings = await openTab(firefox!, firefox!.extensionUrl('dashboard.html#settings'));
    await click(firefox!, settings, '[data-testid="signing-rotate"]');
    await evaluate(firefox!, settings, () => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="signing-rotate-reason"]')!;
      field.value = 'Yearly rotation';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(firefox!, settings, '[data-testid="signing-rotate-confirm"]');
    const outcome = await waitFor(
      firefox!,
      settings,
      () => document.querySelector('[data-testid="signing-rotate-outcome"]')?.textContent,
    );
    const newFingerprint = await waitFor(
      firefox!,
      settings,
      (old) => {
        const shown = document.querySelector('[data-testid="signing-fingerprint"]')?.textContent;
        return shown && shown !== old ? shown : null;
      },
      { args: [firstFingerprint] },
    );
    expect(outcome).toBe(`The signing key was replaced. New fingerprint: ${newFingerprint}`);
    const retired = await evaluate(firefox!, settings, () =>
      [...document.querySelectorAll('[data-testid="retired-key"]')].map((item) => item.textContent),
    );
    expect(retired).toHaveLength(1);
    expect(retired[0]).toContain(firstFingerprint);
    expect(retired[0]).toMatch(/signed 1 bundle, on \d{4}-\d\d-\d\d/);

    const second = await exportBundle(firefox!, work, 'second');
    const bag = await extractBag(second, path.join(work, 'second-bag'));
    const info = await readFile(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info.replace(/\s+/g, ' ')).toContain(`Bag-Signing-Key-Fingerprint: ${newFingerprint}`);
    expectSignature(bag).toBe('Signature Verified Successfully');

    const dump = await readDatabase(firefox!);
    expect(dump.custody.filter((entry) => entry.event === 'key-rotation')).toMatchObject([
      { details: { reason: 'Yearly rotation' } },
    ]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);

    // The bundle the old key signed, opened for import here: valid, and signed by this installation's retired key.
    const dashboard = await openTab(firefox!, firefox!.extensionUrl('dashboard.html#export'));
    await waitFor(firefox!, dashboard, () => document.querySelector('[data-testid="import-file"]') !== null);
    await setFiles(firefox!, dashboard, '[data-testid="import-file"]', [firstBundle]);
    const signature = await waitFor(
      firefox!,
      dashboard,
      () =>
        document.querySelector('[data-testid="import-refused"]')?.textContent ??
        document.querySelector('[data-testid="bundle-signature"]')?.textContent,
      { timeout: 30_000, description: 'the bundle to be verified' },
    );
    expect(signature).toContain('Valid (Ed25519), signed by a known key: This installation (a retired key)');
    expect(signature).toContain(firstFingerprint);
  });
});

interface StoredToken {
  reply: Uint8Array;
  chainChecked: boolean;
}

/** Waits for the token of one custody entry in the add-on's `timestampTokens` store (read with raw IndexedDB). */
async function waitForToken(firefox: LaunchedFirefox, sha256: string): Promise<StoredToken> {
  const reader = await openTab(firefox, firefox.extensionUrl('popup.html?reader'), { background: true });
  const row = await waitFor(
    firefox,
    reader,
    async (name, key) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const found = await new Promise<{ reply: Uint8Array; chainChecked: boolean } | undefined>(
          (resolve, reject) => {
            const request = database.transaction('timestampTokens').objectStore('timestampTokens').get(key);
            request.onsuccess = () => resolve(request.result as never);
            request.onerror = () => reject(request.error);
          },
        );
        if (!found) return null;
        return {
          reply: btoa(String.fromCharCode(...new Uint8Array(found.reply))),
          chainChecked: found.chainChecked,
        };
      } finally {
        database.close();
      }
    },
    { args: [DATABASE_NAME, sha256], timeout: 30_000, description: 'the capture’s token to be stored' },
  );
  return { reply: new Uint8Array(Buffer.from(row!.reply, 'base64')), chainChecked: row!.chainChecked };
}

/** Exports everything through the export page and keeps the download outside the profile. */
async function exportBundle(firefox: LaunchedFirefox, work: string, name: string): Promise<string> {
  const before = new Set(await readdir(firefox.downloadDir));
  const page = await openTab(firefox, firefox.extensionUrl('export.html'));
  await waitFor(firefox, page, () =>
    /evidence records/.test(document.querySelector('[data-testid="export-estimate"]')?.textContent ?? ''),
  );
  await evaluate(firefox, page, () => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="export-organisation"]');
    if (!field || field.value) return;
    field.value = 'Example Ltd';
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await click(firefox, page, '[data-testid="export-start"]');
  const done = await waitFor(
    firefox,
    page,
    () => document.querySelector('[data-testid="export-done"], [data-testid="export-error"]')?.textContent,
    { timeout: 60_000, description: 'the export to finish' },
  );
  expect(done).toMatch(/^Saved isms-evidence_.+\.zip/);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const files = await readdir(firefox.downloadDir);
    const zip = files.find((file) => file.endsWith('.zip') && !before.has(file));
    if (zip && !files.some((file) => file.endsWith('.part'))) {
      const bytes = await readFile(path.join(firefox.downloadDir, zip));
      if (bytes.length > 0) {
        const kept = path.join(work, `${name}.zip`);
        await writeFile(kept, bytes);
        return kept;
      }
    }
    if (Date.now() > deadline) throw new Error(`No new finished download: ${files.join(', ')}`);
    await sleep(200);
  }
}

/** `openssl ts -verify` of one token over one file of the bag; its whole output. */
function expectTimestamp(bag: string, token: string, data: string, caFile: string) {
  const result = spawnSync('openssl', ['ts', '-verify', '-in', token, '-data', data, '-CAfile', caFile], {
    cwd: bag,
    encoding: 'utf8',
  });
  return expect(`${data}: ${result.stdout}${result.stderr}`);
}

async function changeOneByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[10] = bytes[10] === 0x30 ? 0x31 : 0x30;
  await writeFile(file, bytes);
}

/** Unpacks a bundle and returns its bag folder. */
async function extractBag(zip: string, directory: string): Promise<string> {
  const files = await readZip(zip);
  await extractZip(files, directory);
  const [folder] = [...files.keys()][0]!.split('/');
  return path.join(directory, folder!);
}

/** The exact command VERIFY.txt gives for Linux, run with stock openssl in the bag; its first line of output. */
function expectSignature(bag: string) {
  const result = spawnSync(
    'openssl',
    [
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
    ],
    { cwd: bag, encoding: 'utf8' },
  );
  return expect((result.stdout + result.stderr).trim());
}
