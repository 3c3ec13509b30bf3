// Reads the add-on's database back with the raw IndexedDB API from one of its own pages — a different
// reader than the Dexie writer.
/* global indexedDB, btoa, Blob */
import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeTab, evaluate, openTab } from './pages.mjs';

export const DATABASE_NAME = 'isms-evidence';

/**
 * Reads the add-on's database from one of its pages with the raw IndexedDB API — a different reader
 * than the Dexie writer. Blob bytes come back as Uint8Arrays.
 */
export async function readDatabase(launched) {
  const context = await openTab(launched, launched.extensionUrl('popup.html?reader'), { background: true });
  try {
    const dump = await evaluate(
      launched,
      context,
      async (name) => {
        if (!(await indexedDB.databases()).some((database) => database.name === name)) return null;
        const database = await new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        // One transaction over every store: a consistent snapshot even while a capture commits.
        const stores = ['evidence', 'custody', 'blobs'].filter((store) =>
          database.objectStoreNames.contains(store),
        );
        const transaction = database.transaction(stores, 'readonly');
        const readAll = (store) =>
          stores.includes(store)
            ? new Promise((resolve, reject) => {
                const request = transaction.objectStore(store).getAll();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              })
            : Promise.resolve([]);
        const base64 = (bytes) => {
          let binary = '';
          for (let offset = 0; offset < bytes.length; offset += 0x8000)
            binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
          return btoa(binary);
        };
        try {
          const [evidence, custody, blobRows] = await Promise.all(
            ['evidence', 'custody', 'blobs'].map(readAll),
          );
          const blobs = [];
          for (const row of blobRows) {
            const isBlob = row.data instanceof Blob;
            blobs.push({
              key: row.key,
              type: isBlob ? row.data.type : typeof row.data,
              base64: isBlob ? base64(new Uint8Array(await row.data.arrayBuffer())) : null,
            });
          }
          return { evidence, custody, blobs };
        } finally {
          database.close();
        }
      },
      DATABASE_NAME,
    );
    if (dump === null) return { exists: false, evidence: [], custody: [], blobs: new Map() };
    const blobs = new Map(
      dump.blobs.map((row) => [
        row.key,
        {
          type: row.type,
          bytes: row.base64 === null ? null : new Uint8Array(Buffer.from(row.base64, 'base64')),
        },
      ]),
    );
    return { exists: true, evidence: dump.evidence, custody: dump.custody, blobs };
  } finally {
    await closeTab(launched, context);
  }
}

/**
 * Waits until the database holds `count` evidence records. A shortcut capture has no reply: when it
 * fails, the add-on says why in the toolbar button's title, which the error quotes.
 */
export async function waitForEvidence(launched, count, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    const dump = await readDatabase(launched);
    if (dump.evidence.length >= count) return dump;
    if (Date.now() > deadline) {
      const context = await openTab(launched, launched.extensionUrl('popup.html?reader'), {
        background: true,
      });
      // eslint-disable-next-line no-undef -- `browser` is the extension page's own global
      const title = await evaluate(launched, context, () => browser.action.getTitle({})).catch(String);
      await closeTab(launched, context);
      throw new Error(
        `${count} evidence records expected, ${dump.evidence.length} stored; the button says: ${title}`,
      );
    }
    await sleep(250);
  }
}
