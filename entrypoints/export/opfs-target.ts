/**
 * Firefox's save target: the zip streams into a working file of the extension's origin-private file system
 * (OPFS) as it is made, so memory stays flat at any size, and the finished File is handed to the browser's
 * downloads. The working file goes on cancel, on failure and once the download is complete; a file an
 * earlier export left behind (the tab was closed mid-export) goes at the next export's start.
 */
import { exportText } from '@/utils/text';
import type { SaveTarget } from './save-target';

/** The OPFS folder that holds the working files, one per export under way. */
export const EXPORT_FOLDER = 'exports';

/**
 * Hands the finished file to the user's downloads. Resolves `complete` once the download has every byte (the
 * working file can go), or `kept` when the browser gives no word of completion (the working file then goes at
 * the next export). Rejects when the download fails; cancels it when the signal aborts.
 */
export type HandOff = (
  file: File,
  fileName: string,
  signal: AbortSignal | undefined,
) => Promise<'complete' | 'kept'>;

export interface OpfsTargetOptions {
  root: FileSystemDirectoryHandle;
  handOff: HandOff;
  signal?: AbortSignal | undefined;
  /** A fresh name for the working file. */
  newName: () => string;
  /** Marks a working file as in use (by this tab) until the returned release is called or the tab closes. */
  hold: (name: string) => Promise<() => void>;
  /** The working files held by an export under way, in this tab or another: never cleaned. */
  held: () => Promise<ReadonlySet<string>>;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/** A full disk (or the extension's storage quota reached) says so in words; any other error as it is. */
export function storageError(error: unknown): unknown {
  return isQuotaError(error) ? new Error(exportText.diskFull, { cause: error }) : error;
}

/** Removes the working files earlier exports left, except those an export under way still holds. */
export async function removeLeftovers(
  folder: FileSystemDirectoryHandle,
  held: ReadonlySet<string>,
): Promise<void> {
  const names: string[] = [];
  for await (const name of folder.keys()) if (!held.has(name)) names.push(name);
  for (const name of names) await folder.removeEntry(name, { recursive: true }).catch(() => undefined);
}

/** Opens a working file (after cleaning leftovers) and returns the target that streams into it. */
export async function openOpfsTarget(fileName: string, options: OpfsTargetOptions): Promise<SaveTarget> {
  const folder = await options.root.getDirectoryHandle(EXPORT_FOLDER, { create: true });
  await removeLeftovers(folder, await options.held());
  const name = options.newName();
  const release = await options.hold(name);
  let removed: Promise<void> | null = null;
  const remove = () =>
    (removed ??= folder
      .removeEntry(name)
      .catch(() => undefined)
      .finally(release));

  let writable: FileSystemWritableFileStream;
  try {
    const handle = await folder.getFileHandle(name, { create: true });
    writable = await handle.createWritable();
  } catch (error) {
    await remove();
    throw storageError(error);
  }
  let open = true;
  const closeWorkingFile = async () => {
    if (!open) return;
    open = false;
    await writable.abort().catch(() => undefined);
  };

  const stream = new WritableStream<Uint8Array>({
    async write(chunk) {
      try {
        await writable.write(chunk as Uint8Array<ArrayBuffer>);
      } catch (error) {
        await closeWorkingFile();
        await remove();
        throw storageError(error);
      }
    },
    // Closed means handed off: a download that fails fails the export, before the custody log records it.
    async close() {
      try {
        await writable.close();
      } catch (error) {
        throw storageError(error);
      } finally {
        open = false;
      }
      const file = await (await folder.getFileHandle(name)).getFile();
      const outcome = await options.handOff(file, fileName, options.signal);
      if (outcome === 'complete') await remove();
    },
    async abort() {
      await closeWorkingFile();
      await remove();
    },
  });

  return {
    stream,
    finish: () => undefined,
    discard: async () => {
      await closeWorkingFile();
      await remove();
    },
  };
}
