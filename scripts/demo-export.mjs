// The headless demo's last step: export a bundle through the real export page, unpack it and check every
// SHA-256 in its BagIt manifest, as an auditor would with `sha256sum -c`.
/* global window, Blob, TextDecoder */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';

/**
 * @param {import('../tests/e2e/chromium.mjs').LaunchedExtension} extension
 * @param {string} outputDir where the zip and the unpacked bag go (emptied first)
 * @returns {Promise<{ zipPath: string, bagDir: string, files: number }>}
 */
export async function exportAndVerify(extension, outputDir) {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  const page = await extension.context.newPage();
  // Headless Chromium has no save dialog: the page falls back to a download, as in Firefox.
  await page.addInitScript(() => {
    delete window.showSaveFilePicker;
    delete Object.getPrototypeOf(window).showSaveFilePicker;
  });
  await page.goto(`chrome-extension://${extension.extensionId}/export.html`);
  await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('export-start').click(),
  ]);
  const zipPath = path.join(outputDir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await page.close();

  const files = await unpack(zipPath, outputDir);
  const [bag] = [...files.keys()][0]?.split('/') ?? [];
  if (!bag) throw new Error('The exported bundle is empty.');
  const manifest = files.get(`${bag}/manifest-sha256.txt`);
  if (!manifest) throw new Error('The exported bundle has no manifest-sha256.txt.');
  const lines = new TextDecoder().decode(manifest).trim().split('\n');
  for (const line of lines) {
    const [expected, name] = line.split(/ {2}/);
    const bytes = files.get(`${bag}/${name}`);
    if (!bytes) throw new Error(`The manifest lists ${name}, which is not in the bundle.`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== expected) throw new Error(`${name}: SHA-256 ${actual}, the manifest says ${expected}.`);
  }
  return { zipPath, bagDir: path.join(outputDir, bag), files: lines.length };
}

/** Unpacks every entry under `dir` (names were checked by the exporter; refused here if unsafe anyway). */
async function unpack(zipPath, dir) {
  const reader = new ZipReader(new BlobReader(new Blob([await readFile(zipPath)])));
  const files = new Map();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      const target = path.resolve(dir, entry.filename);
      if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`Unsafe path ${entry.filename}`);
      const bytes = await entry.getData(new Uint8ArrayWriter());
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      files.set(entry.filename, bytes);
    }
  } finally {
    await reader.close();
  }
  return files;
}
