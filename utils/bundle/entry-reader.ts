/** Reads one zip entry as a stream: hashed, counted against its declared size, optionally kept. */
import { ERR_INVALID_PASSWORD, ERR_INVALID_UNCOMPRESSED_SIZE, type FileEntry } from '@zip.js/zip.js';
import { Sha256 } from '../integrity/sha256-stream';
import { importProblemText as t } from '../text';

export class WrongPassword extends Error {}
class TooLarge extends Error {}

export interface ReadOptions {
  password?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Keep the bytes (for the files that are parsed), up to `maxKeptBytes`. */
  keep: boolean;
  maxKeptBytes: number;
}

export interface ReadResult {
  sha256: string;
  size: number;
  chunks: Uint8Array<ArrayBuffer>[] | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Errors name the entry by `path`; a wrong passphrase throws WrongPassword. */
export async function readEntry(entry: FileEntry, path: string, options: ReadOptions): Promise<ReadResult> {
  const declared = entry.uncompressedSize;
  const hasher = new Sha256();
  let size = 0;
  const chunks: Uint8Array<ArrayBuffer>[] | null = options.keep ? [] : null;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.length;
      if (size > declared || (chunks && size > options.maxKeptBytes)) throw new TooLarge();
      chunks?.push(chunk.slice());
      hasher.update(chunk);
    },
  });
  try {
    await entry.getData(sink, {
      ...(options.password ? { password: options.password } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      useWebWorkers: false,
    });
  } catch (error) {
    options.signal?.throwIfAborted();
    if (chunks && size > options.maxKeptBytes) throw new Error(t.tooLargeToKeep(path, options.maxKeptBytes));
    // zip.js stops at the declared size itself; the counter above is the second line of defence.
    if (error instanceof TooLarge) {
      throw new Error(t.moreThanDeclared(path, declared));
    }
    if (message(error) === ERR_INVALID_UNCOMPRESSED_SIZE) {
      throw new Error(t.lessThanDeclared(path, declared));
    }
    if (message(error) === ERR_INVALID_PASSWORD) throw new WrongPassword();
    throw new Error(t.unreadableEntry(path, message(error)));
  }
  if (size !== declared) throw new Error(t.sizeMismatch(path, size, declared));
  return { sha256: hasher.digestHex(), size, chunks };
}

/** Strict UTF-8: a tag file or record with invalid bytes is refused, not repaired. */
export function decodeUtf8(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
