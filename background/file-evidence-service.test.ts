import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getDatabase } from '@/storage/db';
import { readCustodyLog } from '@/storage/custody-log';
import { addDroppedFile } from './file-evidence-service';

beforeEach(() => {
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '0.1.0',
  });
});
afterEach(async () => {
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

const request = (blobUrl: string) => ({
  blobUrl,
  fileName: 'restore-test.txt',
  lastModified: 0,
  controls: ['A.8.13'],
  notes: 'Quarterly restore test',
  effectiveDate: '2026-11-27',
});

describe('addDroppedFile', () => {
  it('refuses a URL that is not a blob: URL of the extension itself', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await expect(addDroppedFile(request('https://evil.example/secret'), new Set(['A.8.13']))).rejects.toThrow(
      /own page/,
    );
    await expect(
      addDroppedFile(request('blob:https://evil.example/1234'), new Set(['A.8.13'])),
    ).rejects.toThrow(/own page/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reads the file through the blob: URL, stores and logs it', async () => {
    const origin = new URL(browser.runtime.getURL('/')).origin;
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(new Blob(['restore ok'], { type: 'text/plain' })),
    );
    const evidence = await addDroppedFile(request(`blob:${origin}/0b5e`), new Set(['A.8.13']));
    expect(evidence).toMatchObject({
      kind: 'file',
      title: 'restore-test.txt',
      controls: ['A.8.13'],
      status: 'ready',
    });
    expect((await readCustodyLog(getDatabase())).map((entry) => entry.event)).toEqual(['capture']);
  });

  it('refuses an unknown control', async () => {
    const origin = new URL(browser.runtime.getURL('/')).origin;
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(new Blob(['x'])));
    await expect(addDroppedFile(request(`blob:${origin}/1`), new Set(['A.5.1']))).rejects.toThrow(
      /Unknown control/,
    );
  });
});
