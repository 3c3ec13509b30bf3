/** Where the export's bytes go: a file the user picks (streamed), or a download (assembled first). */

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

/**
 * Opens the target; call it first thing in the click handler (the picker needs user activation).
 * Resolves null when the user closes the dialog.
 */
export async function openSaveTarget(fileName: string): Promise<SaveTarget | null> {
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

  // Firefox has no showSaveFilePicker and cannot stream into a download, so the zip is collected
  // as Blob parts (folded every 32 MiB so the browser can move them out of the JS heap) and downloaded.
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
