/**
 * How a finished working file reaches the user's downloads in Firefox. With the optional `downloads`
 * permission the page hands it to `downloads.download` and learns when the download is complete (so the
 * working file can go at once) or why it stopped; without it, a link click downloads it and the working
 * file stays until the next export.
 */
import { exportText } from '@/utils/text';
import type { HandOff } from './opfs-target';

interface DownloadDelta {
  id: number;
  state?: { current?: string | undefined } | undefined;
  error?: { current?: string | undefined } | undefined;
}

/** The part of `browser.downloads` the hand-off uses. */
export interface DownloadsApi {
  download(options: { url: string; filename: string; saveAs: boolean }): Promise<number>;
  cancel(id: number): Promise<void>;
  search(query: { id: number }): Promise<{ state: string; error?: string | undefined }[]>;
  onChanged: {
    addListener(listener: (delta: DownloadDelta) => void): void;
    removeListener(listener: (delta: DownloadDelta) => void): void;
  };
}

/** Why an interrupted download stopped, in words (Firefox's InterruptReason codes). */
export function interruptedMessage(reason: string | undefined): string {
  if (reason === 'USER_CANCELED') return exportText.downloadCancelled;
  if (reason === 'FILE_NO_SPACE' || reason === 'FILE_TOO_LARGE') return exportText.downloadNoSpace;
  return exportText.downloadInterrupted(reason ?? 'unknown reason');
}

/** Waits for download `id` to end: resolves when complete, rejects with the reason when interrupted. */
function untilEnded(api: DownloadsApi, id: Promise<number>, signal: AbortSignal | undefined) {
  return new Promise<void>((resolve, reject) => {
    const ended = (state: string | undefined, error: string | undefined) => {
      if (state === 'complete') finish(resolve);
      else if (state === 'interrupted') finish(() => reject(new Error(interruptedMessage(error))));
    };
    // Deltas can arrive before the id does: kept until it is known.
    const early: DownloadDelta[] = [];
    let known: number | null = null;
    const listener = (delta: DownloadDelta) => {
      if (known === null) early.push(delta);
      else if (delta.id === known) ended(delta.state?.current, delta.error?.current);
    };
    const onAbort = () => {
      if (known !== null) void api.cancel(known).catch(() => undefined);
      finish(() => reject(signal!.reason));
    };
    function finish(settle: () => void) {
      api.onChanged.removeListener(listener);
      signal?.removeEventListener('abort', onAbort);
      settle();
    }
    api.onChanged.addListener(listener);
    signal?.addEventListener('abort', onAbort, { once: true });
    id.then(
      async (value) => {
        known = value;
        if (signal?.aborted) return onAbort();
        for (const delta of early.splice(0)) if (delta.id === value) listener(delta);
        // Ended before the listener heard of it (a small file): the download's own state says so.
        const [item] = await api.search({ id: value });
        if (item) ended(item.state, item.error);
      },
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Hands the file to `downloads.download` and waits for the download to end. */
export function downloadsHandOff(api: DownloadsApi): HandOff {
  return async (file, fileName, signal) => {
    signal?.throwIfAborted();
    const url = URL.createObjectURL(file);
    try {
      await untilEnded(api, api.download({ url, filename: fileName, saveAs: false }), signal);
      return 'complete';
    } finally {
      URL.revokeObjectURL(url);
    }
  };
}

/** Without the downloads permission: a link click starts the download, with no word of its end. */
export const linkHandOff: HandOff = async (file, fileName) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The working file stays until the next export, and the object URL with the page.
  return 'kept';
};
