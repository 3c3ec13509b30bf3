/**
 * Where the export's bytes go: a file the user picks (Chrome, Edge), or a working file of the origin-private file
 * system handed to the downloads when finished (Firefox); both streamed. Only where neither can be had (a private
 * window's page may have no OPFS) is the zip assembled in memory and downloaded.
 */
import { browser } from 'wxt/browser';
import { downloadsHandOff, linkHandOff, type DownloadsApi } from './download-hand-off';
import { openOpfsTarget } from './opfs-target';

export interface SaveTarget {
  stream: WritableStream<Uint8Array>;
  /** After the stream closed: hands the file over (the download case). */
  finish: () => void;
  /** After a failure or cancel: removes what was written. */
  discard: () => Promise<void>;
}

interface FileSystemWritable extends WritableStream<Uint8Array> {
  abort(reason?: unknown): Promise<void>;
}
interface SaveFilePicker {
  showSaveFilePicker(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ createWritable(): Promise<FileSystemWritable> }>;
}

export function canStreamToFile(): boolean {
  return typeof (window as unknown as Partial<SaveFilePicker>).showSaveFilePicker === 'function';
}

/** The lock that marks a working file as in use by an export under way (Web Locks: every tab of the add-on). */
const LOCK_PREFIX = 'isms-export:';

function hold(name: string): Promise<() => void> {
  return new Promise((held) => {
    void navigator.locks.request(
      LOCK_PREFIX + name,
      () => new Promise<void>((release) => held(() => release())),
    );
  });
}

async function heldNames(): Promise<ReadonlySet<string>> {
  const { held = [], pending = [] } = await navigator.locks.query();
  return new Set(
    [...held, ...pending].flatMap((lock) =>
      lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [],
    ),
  );
}

/**
 * Asks for the optional `downloads` permission (Firefox prompts once; granted, it answers at once). Must be the
 * first call of the click, or Firefox refuses it; refused or unanswerable, the page downloads with a link.
 */
function requestDownloads(): Promise<DownloadsApi | null> {
  try {
    return browser.permissions
      .request({ permissions: ['downloads'] })
      .then((granted) => (granted ? (browser.downloads as unknown as DownloadsApi) : null))
      .catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}

async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null;
  }
}

/**
 * Opens the target; call it first thing in the click handler (the picker and the permission request need user
 * activation). Resolves null when the user closes the dialog. The signal cancels a download being handed off.
 */
export async function openSaveTarget(fileName: string, signal?: AbortSignal): Promise<SaveTarget | null> {
  if (canStreamToFile()) {
    let handle;
    try {
      handle = await (window as unknown as SaveFilePicker).showSaveFilePicker({
        suggestedName: fileName,
        types: [{ description: 'ZIP archive', accept: { 'application/zip': ['.zip'] } }],
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    }
    const writable = await handle.createWritable();
    return {
      stream: writable,
      finish: () => undefined,
      discard: () => writable.abort().catch(() => undefined),
    };
  }

  // Firefox has no showSaveFilePicker and cannot stream into a download: the zip streams into OPFS.
  const downloads = requestDownloads();
  const root = await opfsRoot();
  if (root)
    return openOpfsTarget(fileName, {
      root,
      handOff: async (...args) => {
        const api = await downloads;
        return (api ? downloadsHandOff(api) : linkHandOff)(...args);
      },
      signal,
      newName: () => `${crypto.randomUUID()}.zip`,
      hold,
      held: heldNames,
    });
  await downloads;
  return memoryTarget(fileName);
}

/**
 * The last resort: the zip collected as Blob parts (folded every 32 MiB so the browser can move them out of
 * the JS heap), then downloaded.
 */
function memoryTarget(fileName: string): SaveTarget {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const fold = () => {
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      pending.push(chunk as Uint8Array<ArrayBuffer>);
      pendingBytes += chunk.length;
      if (pendingBytes >= 32 * 1024 * 1024) fold();
    },
  });
  return {
    stream,
    finish: () => {
      fold();
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    discard: async () => {
      parts.length = 0;
      pending = [];
    },
  };
}
