// Seeds the add-on's database in Firefox from inside one of its pages, with the product's own storage code
// (bundled by scripts/bench/extension-seed.mjs and evaluated over BiDi, which the page's CSP does not restrict):
// records, blobs, coverage index and custody entries have exactly the shapes the product writes.
/* global crypto, Blob, fetch */
import { seedingScript } from '../../scripts/bench/extension-seed.mjs';
import { closeTab, evaluate, openTab } from './pages.mjs';

/** Opens an add-on page in a background tab with the seeding helpers (`globalThis.__benchSeed`) loaded. */
export async function openSeedingTab(launched) {
  const context = await openTab(launched, launched.extensionUrl('popup.html?seed'), { background: true });
  const loaded = await launched.bidi.send('script.evaluate', {
    expression: await seedingScript(),
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (loaded.type === 'exception')
    throw new Error(`The seeding script failed: ${loaded.exceptionDetails.text}`);
  return { context, close: () => closeTab(launched, context) };
}

/**
 * Stores one record per item, in its own transaction with its coverage-index update and custody entry, as a
 * capture is stored. Each file's bytes are fetched from `<baseUrl><id>/<name>` when `baseUrl` is given,
 * otherwise made in the page: `size` random bytes behind a PNG signature (stored, not deflated, in the zip).
 * Resolves with the stored files' SHA-256, by `<id>/<name>`.
 * @param {{ id: string, capturedAt: string, controls: string[], files: { role: string, name: string, mimeType: string, size: number }[] }[]} items
 * @param {string} [baseUrl]
 */
export function seedRecords(launched, context, items, baseUrl = '') {
  return evaluate(
    launched,
    context,
    async (items, baseUrl) => {
      const { EvidenceDatabase, storeSeededCapture } = globalThis.__benchSeed;
      const hex = (buffer) =>
        [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      const made = async (size) => {
        const bytes = new Uint8Array(size);
        for (let offset = 0; offset < size; offset += 65_536)
          crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
        bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].slice(0, size));
        return bytes;
      };
      const fetched = async (item, file) => {
        const response = await fetch(`${baseUrl}${item.id}/${file.name}`);
        if (!response.ok) throw new Error(`${item.id}/${file.name}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      };
      const hashes = {};
      const db = new EvidenceDatabase();
      try {
        for (const item of items) {
          const files = await Promise.all(
            item.files.map(async (file) => {
              const bytes = baseUrl ? await fetched(item, file) : await made(file.size);
              if (bytes.length !== file.size)
                throw new Error(`${item.id}/${file.name}: ${bytes.length} bytes`);
              const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
              hashes[`${item.id}/${file.name}`] = sha256;
              return { ...file, sha256, blob: new Blob([bytes], { type: file.mimeType }) };
            }),
          );
          await storeSeededCapture(db, { ...item, files }, 'Seed');
        }
        return hashes;
      } finally {
        db.close();
      }
    },
    items,
    baseUrl,
  );
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `count` capture items one hour apart, ending now, each with an original.png of `size` bytes. */
export function captureItems(count, size, { start = Date.now() - count * 3_600_000, tag = 0 } = {}) {
  return Array.from({ length: count }, (_, index) => {
    const capturedAt = new Date(start + index * 3_600_000).toISOString();
    const suffix = [tag, index >> 10, index >> 5, index, 7, 11].map((n) => CROCKFORD[n % 32]).join('');
    return {
      id: `EV-${capturedAt.slice(0, 10).replaceAll('-', '')}-${suffix}`,
      capturedAt,
      controls: ['A.8.13'],
      files: [{ role: 'original', name: 'original.png', mimeType: 'image/png', size }],
    };
  });
}
