/**
 * A snapshot of every object store of the extension's database, read with the raw IndexedDB API:
 * rows as JSON, Blobs as their type, size and SHA-256. Two snapshots are equal when nothing changed.
 */
import { DATABASE_NAME, openBackgroundPage, type LaunchedExtension } from './chromium.mjs';

export interface DatabaseSnapshot {
  version: number;
  stores: Record<string, unknown[]>;
}

export async function snapshotDatabase(launched: LaunchedExtension): Promise<DatabaseSnapshot> {
  const page = await openBackgroundPage(
    launched,
    `chrome-extension://${launched.extensionId}/popup.html?snapshot`,
  );
  try {
    return await page.evaluate(async (name) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const hex = (buffer: ArrayBuffer) =>
        [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      const describe = async (value: unknown): Promise<unknown> => {
        if (value instanceof Blob) {
          const digest = await crypto.subtle.digest('SHA-256', await value.arrayBuffer());
          return { blob: value.type, size: value.size, sha256: hex(digest) };
        }
        if (Array.isArray(value)) return Promise.all(value.map(describe));
        if (value && typeof value === 'object') {
          const entries = await Promise.all(
            Object.entries(value).map(async ([key, inner]) => [key, await describe(inner)] as const),
          );
          return Object.fromEntries(entries);
        }
        return value;
      };
      try {
        const stores: Record<string, unknown[]> = {};
        for (const store of [...database.objectStoreNames]) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = database.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
          stores[store] = (await describe(rows)) as unknown[];
        }
        return { version: database.version, stores };
      } finally {
        database.close();
      }
    }, DATABASE_NAME);
  } finally {
    await page.close();
  }
}
