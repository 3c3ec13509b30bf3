import { describe, expect, it, vi } from 'vitest';
import { exportText } from '@/utils/text';
import { downloadsHandOff, type DownloadsApi } from './download-hand-off';
import { EXPORT_FOLDER, openOpfsTarget, type HandOff, type OpfsTargetOptions } from './opfs-target';

/**
 * An origin-private file system in memory, as Firefox behaves: a writable's bytes reach the file only when it
 * closes, abort drops them, and a write past `quota` total bytes fails with QuotaExceededError.
 */
class FakeFolder {
  readonly files = new Map<string, Uint8Array>();
  readonly folders = new Map<string, FakeFolder>();
  constructor(private readonly quota = Infinity) {}

  async getDirectoryHandle(name: string, options?: { create?: boolean }) {
    let folder = this.folders.get(name);
    if (!folder && options?.create) this.folders.set(name, (folder = new FakeFolder(this.quota)));
    if (!folder) throw new DOMException(name, 'NotFoundError');
    return folder as unknown as FileSystemDirectoryHandle;
  }

  async getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.files.has(name)) {
      if (!options?.create) throw new DOMException(name, 'NotFoundError');
      this.files.set(name, new Uint8Array());
    }
    const files = this.files;
    const quota = this.quota;
    return {
      getFile: async () => new File([files.get(name)! as Uint8Array<ArrayBuffer>], name),
      createWritable: async () => {
        let parts: Uint8Array[] = [];
        let size = 0;
        return {
          write: async (chunk: Uint8Array) => {
            if (size + chunk.length > quota) throw new DOMException('quota', 'QuotaExceededError');
            parts.push(chunk.slice());
            size += chunk.length;
          },
          close: async () => {
            if (!files.has(name)) throw new DOMException(name, 'NotFoundError');
            const bytes = new Uint8Array(size);
            let offset = 0;
            for (const part of parts) bytes.set(part, (offset += part.length) - part.length);
            files.set(name, bytes);
          },
          abort: async () => {
            parts = [];
          },
        };
      },
    };
  }

  async removeEntry(name: string) {
    if (!this.files.delete(name) && !this.folders.delete(name)) throw new DOMException(name, 'NotFoundError');
  }

  async *keys() {
    yield* this.files.keys();
    yield* this.folders.keys();
  }

  /** What the export folder holds. */
  exportFiles(): string[] {
    return [...(this.folders.get(EXPORT_FOLDER)?.files.keys() ?? [])];
  }
}

let count = 0;

/** Every tab's held working files, per file system: Web Locks are seen by every tab of the add-on. */
const tabs = new WeakMap<FakeFolder, Set<Set<string>>>();

/** The target's options; each call is another tab, holding its own working files. */
function options(root: FakeFolder, handOff: HandOff, extra: Partial<OpfsTargetOptions> = {}) {
  const holding = new Set<string>();
  if (!tabs.has(root)) tabs.set(root, new Set());
  tabs.get(root)!.add(holding);
  const result: OpfsTargetOptions & { holding: Set<string> } = {
    root: root as unknown as FileSystemDirectoryHandle,
    handOff,
    newName: () => `work-${++count}.zip`,
    hold: async (name) => {
      holding.add(name);
      return () => holding.delete(name);
    },
    held: async () => new Set([...tabs.get(root)!].flatMap((tab) => [...tab])),
    holding,
    ...extra,
  };
  return result;
}

async function writeAll(stream: WritableStream<Uint8Array>, chunks: Uint8Array[]) {
  const writer = stream.getWriter();
  for (const chunk of chunks) await writer.write(chunk);
  await writer.close();
}

const bytes = (length: number, value = 1) => new Uint8Array(length).fill(value);

describe('the OPFS save target', () => {
  it('hands the finished file over with every byte, then removes its working copy', async () => {
    const root = new FakeFolder();
    const handed: { name: string; bytes: Uint8Array }[] = [];
    const opts = options(root, async (file, name) => {
      // Still there while the download reads it.
      expect(root.exportFiles()).toHaveLength(1);
      handed.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return 'complete';
    });
    const target = await openOpfsTarget('bundle.zip', opts);
    await writeAll(target.stream, [bytes(3, 1), bytes(2, 2)]);
    expect(handed).toEqual([{ name: 'bundle.zip', bytes: new Uint8Array([1, 1, 1, 2, 2]) }]);
    expect(root.exportFiles()).toEqual([]);
    expect(opts.holding.size).toBe(0);
  });

  it('keeps the working copy when the browser gives no word of the download’s end, until the next export', async () => {
    const root = new FakeFolder();
    const firstTab = options(root, async () => 'kept');
    const first = await openOpfsTarget('a.zip', firstTab);
    await writeAll(first.stream, [bytes(4)]);
    const [kept] = root.exportFiles();
    expect(root.exportFiles()).toEqual([kept]);
    // Held while its tab is open (the download may still read it): another export leaves it.
    const second = await openOpfsTarget(
      'b.zip',
      options(root, async () => 'complete'),
    );
    expect(root.exportFiles()).toContain(kept);
    await second.discard();
    // Once that tab closed (its locks go with it), the next export cleans it before it starts.
    firstTab.holding.clear();
    const third = await openOpfsTarget(
      'c.zip',
      options(root, async () => 'complete'),
    );
    expect(root.exportFiles()).not.toContain(kept);
    await third.discard();
    expect(root.exportFiles()).toEqual([]);
  });

  it('cleans what earlier exports left at the start, but not a file another export still holds', async () => {
    const root = new FakeFolder();
    const folder = (await root.getDirectoryHandle(EXPORT_FOLDER, { create: true })) as unknown as FakeFolder;
    folder.files.set('left-over.zip', bytes(10));
    folder.files.set('busy.zip', bytes(10));
    const opts = options(root, async () => 'complete', { held: async () => new Set(['busy.zip']) });
    const target = await openOpfsTarget('c.zip', opts);
    expect(root.exportFiles()).toContain('busy.zip');
    expect(root.exportFiles()).not.toContain('left-over.zip');
    await target.discard();
    expect(root.exportFiles()).toEqual(['busy.zip']);
  });

  it('says in words that the disk is full and removes the partial file', async () => {
    const root = new FakeFolder(6);
    const handOff = vi.fn<HandOff>();
    const opts = options(root, handOff);
    const target = await openOpfsTarget('d.zip', opts);
    const failed = writeAll(target.stream, [bytes(4), bytes(4)]);
    await expect(failed).rejects.toThrow(exportText.diskFull);
    await expect(failed).rejects.toMatchObject({ cause: { name: 'QuotaExceededError' } });
    expect(root.exportFiles()).toEqual([]);
    expect(opts.holding.size).toBe(0);
    expect(handOff).not.toHaveBeenCalled();
  });

  it('removes the partial file when the export is cancelled or fails mid-way', async () => {
    const root = new FakeFolder();
    const target = await openOpfsTarget(
      'e.zip',
      options(root, async () => 'complete'),
    );
    const writer = target.stream.getWriter();
    await writer.write(bytes(5));
    expect(root.exportFiles()).toHaveLength(1);
    await writer.abort(new DOMException('Export cancelled', 'AbortError'));
    await target.discard();
    expect(root.exportFiles()).toEqual([]);
  });

  it('removes the working copy when the download fails, and the export fails with the reason', async () => {
    const root = new FakeFolder();
    const target = await openOpfsTarget(
      'f.zip',
      options(root, async () => {
        throw new Error(exportText.downloadNoSpace);
      }),
    );
    await expect(writeAll(target.stream, [bytes(5)])).rejects.toThrow(exportText.downloadNoSpace);
    // The export page discards the target on any failure.
    await target.discard();
    expect(root.exportFiles()).toEqual([]);
  });
});

type Listener = Parameters<DownloadsApi['onChanged']['addListener']>[0];

/** A downloads API that ends each download as told, reporting it through onChanged as Firefox does. */
function fakeDownloads(end: 'complete' | { error: string } | 'never') {
  const listeners = new Set<Listener>();
  const states = new Map<number, { state: string; error?: string }>();
  const api = {
    cancelled: [] as number[],
    download: vi.fn(async (_options: { url: string; filename: string; saveAs: boolean }) => {
      const id = states.size + 1;
      states.set(id, { state: 'in_progress' });
      if (end === 'never') return id;
      setTimeout(() => {
        const error = end === 'complete' ? undefined : end.error;
        states.set(id, { state: error ? 'interrupted' : 'complete', ...(error ? { error } : {}) });
        for (const listener of listeners)
          listener({
            id,
            state: { current: error ? 'interrupted' : 'complete' },
            ...(error ? { error: { current: error } } : {}),
          });
      }, 1);
      return id;
    }),
    cancel: async (id: number) => void api.cancelled.push(id),
    search: async ({ id }: { id: number }) => [states.get(id)!],
    onChanged: {
      addListener: (listener: Listener) => void listeners.add(listener),
      removeListener: (listener: Listener) => void listeners.delete(listener),
    },
    listeners,
  };
  return api;
}

describe('the downloads hand-off', () => {
  const file = new File([new Uint8Array([1, 2, 3])], 'work.zip');

  it('resolves once the download is complete, and stops listening', async () => {
    const api = fakeDownloads('complete');
    await expect(downloadsHandOff(api)(file, 'bundle.zip', undefined)).resolves.toBe('complete');
    expect(api.download).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'bundle.zip', saveAs: false }),
    );
    expect(api.listeners.size).toBe(0);
  });

  it('fails with the reason in words when the download is interrupted', async () => {
    await expect(
      downloadsHandOff(fakeDownloads({ error: 'FILE_NO_SPACE' }))(file, 'b.zip', undefined),
    ).rejects.toThrow(exportText.downloadNoSpace);
    await expect(
      downloadsHandOff(fakeDownloads({ error: 'USER_CANCELED' }))(file, 'b.zip', undefined),
    ).rejects.toThrow(exportText.downloadCancelled);
    await expect(
      downloadsHandOff(fakeDownloads({ error: 'NETWORK_FAILED' }))(file, 'b.zip', undefined),
    ).rejects.toThrow(exportText.downloadInterrupted('NETWORK_FAILED'));
  });

  it('cancels the download when the export is cancelled while it runs', async () => {
    const api = fakeDownloads('never');
    const abort = new AbortController();
    const handing = downloadsHandOff(api)(file, 'b.zip', abort.signal);
    await vi.waitFor(() => expect(api.download).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    abort.abort(new DOMException('Export cancelled', 'AbortError'));
    await expect(handing).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.cancelled).toEqual([1]);
    expect(api.listeners.size).toBe(0);
  });
});
