import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';

/** The files of an archive or folder: relative path (with `/`) → bytes. */
export type ZipFiles = Map<string, Uint8Array>;

export async function readZip(file: string): Promise<ZipFiles> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(await readFile(file))), {
    useWebWorkers: false,
  });
  const files: ZipFiles = new Map();
  for (const entry of await reader.getEntries()) {
    if (!entry.directory) files.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  await reader.close();
  return files;
}

/** Writes the files under a folder; refuses paths that would leave it. */
export async function extractZip(files: ZipFiles, directory: string): Promise<void> {
  for (const [name, bytes] of files) {
    const target = path.resolve(directory, name);
    if (!target.startsWith(directory + path.sep)) throw new Error(`Unsafe path in the archive: ${name}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

export async function readDirectory(directory: string): Promise<ZipFiles> {
  const files: ZipFiles = new Map();
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(
      path.relative(directory, absolute).split(path.sep).join('/'),
      new Uint8Array(await readFile(absolute)),
    );
  }
  return files;
}
