import { describe, expect, it } from 'vitest';
import { launchExtension } from './harness';

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
