// `npm run bench` (export): the auditor bundle export of ~1 GiB of evidence in real Chromium, through
// the export page of the built extension, against `zip -0` of the same files as the ceiling.
//
// 1. Writes the evidence to a temporary folder: per record an original.png (2–5 MB of incompressible
//    bytes behind a PNG signature) and a text.txt, until the payload reaches BENCH_EXPORT_MIB (1024).
// 2. Baseline: `zip -0 -r` of that folder into a file on the same disk, timed.
// 3. Seeds the extension's database with the same bytes (fetched by an extension page from a local
//    server, stored with the product's record shapes, coverage index and custody entries).
// 4. Opens export.html with `showSaveFilePicker` stubbed to hand out a file of the origin-private file
//    system: `createWritable()` there is the same FileSystemWritableFileStream a real picked file gets.
//    Times the export in the page, from the picker call to the file closed, and samples the resident
//    memory (VmRSS, /proc) of the extension's renderer process every 50 ms.
// 5. Checks the saved zip with `unzip -t`, writes its section of docs/BENCHMARKS.md and deletes
//    every file it wrote (temporary folder, profile with its database and the saved zip).
/* global window, navigator, performance, WritableStream */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_PATH, launchExtension, REPO_ROOT } from '../../tests/e2e/chromium.mjs';
import { openSeedingPage, seedFiles } from './extension-seed.mjs';
import { describeMachine, writeSection } from './report.mjs';
import {
  chromiumProcesses,
  memory,
  resetPeak,
  serveFolder,
  writeExportEvidence,
  zipBaseline,
} from './evidence-files.mjs';
import { prepareBenchmark } from './prepare.mjs';

const TARGET_BYTES = Number(process.env.BENCH_EXPORT_MIB ?? 1024) * 1024 * 1024;
const GOAL = { mbPerSecond: 100, growthMb: 150 };
const MB = 1e6;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const SAMPLE_MS = 50;

prepareBenchmark();

// ---- the saved zip and the picker that writes it ---------------------------------------------

/** Finds the file of exactly `size` bytes under `dir` (where Chromium keeps origin-private files). */
async function findFileOfSize(dir, size) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if ((await stat(file)).size === size) return file;
  }
  return null;
}

// ---- the page side -------------------------------------------------------------------------------

/** Replaces showSaveFilePicker with a handle of the origin-private file system, timed. */
function stubPicker() {
  window.__bench = {};
  window.showSaveFilePicker = async ({ suggestedName }) => {
    window.__bench.start = performance.now();
    window.__bench.name = suggestedName;
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle(suggestedName, { create: true });
    return {
      async createWritable() {
        const writer = (await handle.createWritable()).getWriter();
        let bytes = 0;
        return new WritableStream({
          async write(chunk) {
            bytes += chunk.byteLength;
            await writer.write(chunk);
          },
          async close() {
            await writer.close();
            Object.assign(window.__bench, { end: performance.now(), bytes });
          },
          async abort(reason) {
            await writer.abort(reason);
            window.__bench.error = String(reason);
          },
        });
      },
    };
  };
}

// ---- run -------------------------------------------------------------------------------------------

const work = await mkdtemp(path.join(os.tmpdir(), 'isms-bench-export-'));
let extension;
let server;
let sampling = false;
try {
  const evidenceDir = path.join(work, 'evidence');
  await mkdir(evidenceDir);
  console.log(`Writing ~${(TARGET_BYTES / 2 ** 20).toFixed(0)} MiB of evidence to ${evidenceDir}…`);
  const { items, bytes: payloadBytes } = await writeExportEvidence(evidenceDir, TARGET_BYTES);

  console.log('Baseline: zip -0 -r …');
  const { seconds: zipSeconds, bytes: baselineBytes } = await zipBaseline(work, 'evidence');

  server = await serveFolder(evidenceDir);
  extension = await launchExtension();
  console.log(`Seeding ${items.length} records into the extension's database…`);
  const seedStarted = nodePerformance.now();
  const seeder = await openSeedingPage(extension);
  for (let offset = 0; offset < items.length; offset += 16)
    await seedFiles(seeder, server.url, items.slice(offset, offset + 16));
  await seeder.close();
  const seedSeconds = (nodePerformance.now() - seedStarted) / 1000;
  await server.close();
  server = undefined;
  // The database holds its copy now; the page cache should not favour the baseline's files.
  await rm(evidenceDir, { recursive: true, force: true });

  const page = await extension.context.newPage();
  await page.addInitScript(stubPicker);
  await page.goto(`chrome-extension://${extension.extensionId}/export.html`);
  // A fresh profile has no organisation: the export page asks for it before the button is enabled.
  await page.getByTestId('export-panel').waitFor();
  const organisation = page.getByTestId('export-organisation');
  if ((await organisation.count()) > 0) await organisation.fill('Example Ltd');
  await page
    .getByTestId('export-estimate')
    .filter({ hasText: `${items.length} evidence records` })
    .waitFor({ timeout: 120_000 });
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(1000);

  const pids = await chromiumProcesses(extension.userDataDir);
  const peakReset = await resetPeak(pids.extension);
  const before = { extension: await memory(pids.extension), browser: await memory(pids.browser) };
  const peak = { extension: before.extension.rss, browser: before.browser.rss };
  let samples = 0;
  sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [ext, brw] = await Promise.all([memory(pids.extension), memory(pids.browser)]);
      peak.extension = Math.max(peak.extension, ext.rss);
      peak.browser = Math.max(peak.browser, brw.rss);
      samples++;
      await sleep(SAMPLE_MS);
    }
  })();

  console.log('Exporting…');
  await page.getByTestId('export-start').click();
  await page
    .locator('[data-testid="export-done"], [data-testid="export-error"]')
    .first()
    .waitFor({ timeout: 30 * 60_000 });
  sampling = false;
  await sampler;
  const after = await memory(pids.extension);
  const failure = await page
    .getByTestId('export-error')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (failure) throw new Error(failure);
  const timing = await page.evaluate(() => window.__bench);
  const exportSeconds = (timing.end - timing.start) / 1000;

  // The saved file: unzip -t reads it where Chromium keeps it.
  const savedOnDisk = await findFileOfSize(extension.userDataDir, timing.bytes);
  let unzip = { ok: false, text: 'the saved file was not found on disk' };
  if (savedOnDisk) {
    const test = spawnSync('unzip', ['-tq', savedOnDisk], { encoding: 'utf8' });
    unzip = {
      ok: test.status === 0 && /No errors detected/.test(test.stdout),
      text: (test.stdout + test.stderr).trim().split('\n').slice(-2).join(' / '),
    };
  }
  await page.evaluate(
    async (name) => (await navigator.storage.getDirectory()).removeEntry(name),
    timing.name,
  );
  await page.close();

  const mbps = timing.bytes / MB / exportSeconds;
  const baselineMbps = baselineBytes / MB / zipSeconds;
  const growth = (peak.extension - before.extension.rss) / MB;
  const hwmGrowth = peakReset ? (Math.max(after.hwm, peak.extension) - before.extension.rss) / MB : null;
  const browserGrowth = (peak.browser - before.browser.rss) / MB;
  const goalMet = mbps >= GOAL.mbPerSecond && growth <= GOAL.growthMb && (hwmGrowth ?? 0) <= GOAL.growthMb;
  const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
  const mib = (value) => (value / 2 ** 20).toFixed(0);
  const sized = TARGET_BYTES < 2 ** 30 ? ` (sized down from 1 GiB for this run)` : '';
  const section = `
## Export of ~1 GiB in Chromium: throughput and memory

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless).

Evidence: ${items.length} records, each an original.png of 2–5 MB (incompressible bytes behind a PNG signature, so
stored) and a text.txt of ~13 KB (deflated): ${mib(payloadBytes)} MiB of payload${sized}. The export page of the built
extension, default filters, no passphrase; \`showSaveFilePicker\` stubbed to return a file of the origin-private
file system, whose \`createWritable()\` is the same FileSystemWritableFileStream a user-picked file gets.
Time: in the page, from the picker call to the file closed (the zip's bytes counted on their way in).
Memory: VmRSS of the extension's renderer process (the one with \`--extension-process\`; the export page, the
service worker and any other extension page live there) sampled every ${SAMPLE_MS} ms from /proc (${samples} samples),
growth = peak − the value just before the click, after a forced GC${peakReset ? '; cross-checked with VmHWM after resetting it (clear_refs 5)' : ''}.
Blob bytes read from IndexedDB are held by the browser process, so its growth is listed too.
Ceiling: \`zip -0 -r\` of the same files (written by this run, so likely in the page cache) into a file on the same disk.

| | bytes | seconds | MB/s |
|---|---:|---:|---:|
| export (extension) | ${timing.bytes.toLocaleString('en')} | ${exportSeconds.toFixed(1)} | **${mbps.toFixed(1)}** |
| \`zip -0 -r\` (ceiling) | ${baselineBytes.toLocaleString('en')} | ${zipSeconds.toFixed(1)} | ${baselineMbps.toFixed(1)} |

Export / \`zip -0\` throughput: **${(mbps / baselineMbps).toFixed(2)}×**.

| memory (MB) | before | peak | growth |
|---|---:|---:|---:|
| extension renderer, VmRSS samples | ${(before.extension.rss / MB).toFixed(0)} | ${(peak.extension / MB).toFixed(0)} | **${growth.toFixed(0)}** |
${hwmGrowth === null ? '' : `| extension renderer, VmHWM | ${(before.extension.rss / MB).toFixed(0)} | ${(Math.max(after.hwm, peak.extension) / MB).toFixed(0)} | ${hwmGrowth.toFixed(0)} |\n`}| browser process, VmRSS samples | ${(before.browser.rss / MB).toFixed(0)} | ${(peak.browser / MB).toFixed(0)} | ${browserGrowth.toFixed(0)} |

Goal: ≥ ${GOAL.mbPerSecond} MB/s and ≤ ${GOAL.growthMb} MB growth of the extension process — **${goalMet ? 'met' : 'missed'}**
(${mbps >= GOAL.mbPerSecond ? 'throughput met' : 'throughput missed'}, ${growth <= GOAL.growthMb && (hwmGrowth ?? 0) <= GOAL.growthMb ? 'memory met' : 'memory missed'}).
The saved zip under \`unzip -t\`: ${unzip.ok ? '**no errors**' : `**not checked or failed**: ${unzip.text}`}.
Seeding the database (not measured above) took ${seedSeconds.toFixed(0)} s.
`;
  writeSection(REPORT, 'export-throughput', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  sampling = false;
  await server?.close();
  await extension?.close();
  await rm(work, { recursive: true, force: true });
}
