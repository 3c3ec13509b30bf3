// `npm run bench` (export-firefox): the auditor bundle export of ~1 GiB of evidence in real Firefox ESR, through
// the export page of the built add-on, against `zip -0` of the same files in the same run.
//
// 1. Writes the evidence to a temporary folder: per record an original.png (2–5 MB of incompressible bytes
//    behind a PNG signature) and a text.txt, until the payload reaches BENCH_EXPORT_MIB (1024).
// 2. Baseline: `zip -0 -r` of that folder into a file on the same disk, timed.
// 3. Seeds the add-on's database with the same bytes (fetched by an add-on page from a local server, stored
//    with the product's record shapes, coverage index and custody entries: tests/firefox/seed.mjs).
// 4. Clicks Export (a trusted BiDi click, so the downloads permission is granted as a person's click would)
//    and times, in the page, from the click to "Saved": the zip streamed into the origin-private file system,
//    handed to downloads.download and the download complete. Samples the resident memory (VmRSS, /proc) of
//    every process of the Firefox profile every 50 ms.
// 5. Checks the downloaded zip with `unzip -t`, that no working file is left in the origin-private file
//    system, writes its section of docs/BENCHMARKS.md and deletes every file it wrote.
/* global window, document, performance, navigator, MutationObserver */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIREFOX_PATH, firefoxProblem, launchFirefox, REPO_ROOT } from '../../tests/firefox/firefox.mjs';
import { mouseClick } from '../../tests/firefox/gestures.mjs';
import { evaluate, openTab, waitFor } from '../../tests/firefox/pages.mjs';
import { openSeedingTab, seedRecords } from '../../tests/firefox/seed.mjs';
import { memory, serveFolder, writeExportEvidence, zipBaseline } from './evidence-files.mjs';
import { describeMachine, writeSection } from './report.mjs';

const TARGET_BYTES = Number(process.env.BENCH_EXPORT_MIB ?? 1024) * 1024 * 1024;
const GOAL = { mbPerSecond: 100, growthMb: 150 };
const MB = 1e6;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const SAMPLE_MS = 50;

const problem = firefoxProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
// The release build of the add-on (Vitest's variables would make a development build).
const build = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV')),
});
if (build.status !== 0) process.exit(1);

/** The profile's Firefox processes: the main one (started with --profile) and every child it forked. */
async function firefoxProcesses(profileDir) {
  const rows = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    rows.push({ pid: Number(name), ppid, cmdline });
  }
  const main = rows.find((row) => row.cmdline.split('\0').includes(profileDir));
  if (!main) throw new Error(`No Firefox process for ${profileDir}.`);
  const children = rows.filter(
    (row) =>
      row.pid !== main.pid && new RegExp(`-parentPid\\s${main.pid}\\b`).test(row.cmdline.replace(/\0/g, ' ')),
  );
  return { main: main.pid, children: children.map((row) => row.pid) };
}

/** In the export page: the click and the moment "Saved" (or an error) appears, on the page's clock. */
function watchExport() {
  window.__bench = {};
  document
    .querySelector('[data-testid="export-start"]')
    .addEventListener('click', () => (window.__bench.start = performance.now()), { capture: true });
  new MutationObserver((_, observer) => {
    const end = document.querySelector('[data-testid="export-done"], [data-testid="export-error"]');
    if (!end) return;
    window.__bench.end = performance.now();
    window.__bench.text = end.textContent;
    observer.disconnect();
  }).observe(document.body, { childList: true, subtree: true });
}

function opfsFiles() {
  const walk = async (folder, prefix) => {
    const found = [];
    for await (const [name, handle] of folder.entries())
      found.push(
        ...(handle.kind === 'directory' ? await walk(handle, `${prefix}${name}/`) : [prefix + name]),
      );
    return found;
  };
  return navigator.storage.getDirectory().then((root) => walk(root, ''));
}

const work = await mkdtemp(path.join(os.tmpdir(), 'isms-bench-export-firefox-'));
let firefox;
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
  firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const profileDir = path.join(path.dirname(firefox.downloadDir), 'profile');
  console.log(`Seeding ${items.length} records into the add-on's database…`);
  const seedStarted = nodePerformance.now();
  const seeder = await openSeedingTab(firefox);
  for (let offset = 0; offset < items.length; offset += 16)
    await seedRecords(firefox, seeder.context, items.slice(offset, offset + 16), server.url);
  await seeder.close();
  const seedSeconds = (nodePerformance.now() - seedStarted) / 1000;
  await server.close();
  server = undefined;
  await rm(evidenceDir, { recursive: true, force: true });

  const page = await openTab(firefox, firefox.extensionUrl('export.html'));
  await waitFor(
    firefox,
    page,
    (count) => document.querySelector('[data-testid="export-estimate"]')?.textContent?.startsWith(count),
    { args: [`${items.length} evidence records`], timeout: 120_000, description: 'the estimate' },
  );
  await evaluate(firefox, page, () => {
    const field = document.querySelector('[data-testid="export-organisation"]');
    if (!field) return;
    Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value').set.call(
      field,
      'Example Ltd',
    );
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
  });
  await evaluate(firefox, page, watchExport);
  await sleep(2000);

  const pids = await firefoxProcesses(profileDir);
  const all = [pids.main, ...pids.children];
  const rss = async () =>
    new Map(await Promise.all(all.map(async (pid) => [pid, (await memory(pid)).rss || 0])));
  const before = await rss();
  const peak = new Map(before);
  let peakTotal = [...before.values()].reduce((a, b) => a + b, 0);
  let samples = 0;
  sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const now = await rss();
      for (const [pid, value] of now) peak.set(pid, Math.max(peak.get(pid) ?? 0, value));
      peakTotal = Math.max(
        peakTotal,
        [...now.values()].reduce((a, b) => a + b, 0),
      );
      samples++;
      await sleep(SAMPLE_MS);
    }
  })();

  console.log('Exporting…');
  await mouseClick(firefox, page, '[data-testid="export-start"]');
  await waitFor(firefox, page, () => window.__bench.end !== undefined, {
    timeout: 30 * 60_000,
    interval: 250,
    description: 'the export to finish',
  });
  sampling = false;
  await sampler;
  const timing = await evaluate(firefox, page, () => window.__bench);
  if (!/^Saved/.test(timing.text)) throw new Error(timing.text);
  const exportSeconds = (timing.end - timing.start) / 1000;
  const leftovers = await evaluate(firefox, page, opfsFiles);

  const [downloaded] = (await readdir(firefox.downloadDir)).filter((name) => name.endsWith('.zip'));
  const zipPath = path.join(firefox.downloadDir, downloaded);
  const zipBytes = (await stat(zipPath)).size;
  const test = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
  const unzip = {
    ok: test.status === 0 && /No errors detected/.test(test.stdout),
    text: (test.stdout + test.stderr).trim().split('\n').slice(-2).join(' / '),
  };

  const mbps = zipBytes / MB / exportSeconds;
  const baselineMbps = baselineBytes / MB / zipSeconds;
  const growthOf = (pid) => ((peak.get(pid) ?? 0) - (before.get(pid) ?? 0)) / MB;
  const grownChild = pids.children.reduce((best, pid) => (growthOf(pid) > growthOf(best) ? pid : best));
  const beforeTotal = [...before.values()].reduce((a, b) => a + b, 0);
  const totalGrowth = (peakTotal - beforeTotal) / MB;
  const goalMet = mbps >= GOAL.mbPerSecond && growthOf(grownChild) <= GOAL.growthMb;
  const version = execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim();
  const machine = describeMachine(FIREFOX_PATH, version);
  const mib = (value) => (value / 2 ** 20).toFixed(0);
  const mb = (value) => (value / MB).toFixed(0);
  const sized = TARGET_BYTES < 2 ** 30 ? ` (sized down from 1 GiB for this run)` : '';
  const section = `
## Export of ~1 GiB in Firefox: throughput and memory

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, ${machine.chromium} (headless).

Evidence: ${items.length} records, each an original.png of 2–5 MB (incompressible bytes behind a PNG signature, so
stored) and a text.txt of ~13 KB (deflated): ${mib(payloadBytes)} MiB of payload${sized}. The export page of the built
add-on, default filters, no passphrase, Export pressed with a trusted click (the downloads permission granted).
Time: in the page, from the click to "Saved" — the zip streamed into a working file of the origin-private file
system, handed to \`downloads.download\` and the download complete, so the bytes are written twice.
Memory: VmRSS of every process of the profile sampled every ${SAMPLE_MS} ms from /proc (${samples} samples), growth = peak −
the value just before the click (Firefox has no GC to force from here; the page settled for 2 s).
Ceiling: \`zip -0 -r\` of the same files (written by this run, so likely in the page cache) into a file on the same disk.

| | bytes | seconds | MB/s |
|---|---:|---:|---:|
| export (add-on, click to download complete) | ${zipBytes.toLocaleString('en')} | ${exportSeconds.toFixed(1)} | **${mbps.toFixed(1)}** |
| \`zip -0 -r\` (ceiling) | ${baselineBytes.toLocaleString('en')} | ${zipSeconds.toFixed(1)} | ${baselineMbps.toFixed(1)} |

Export / \`zip -0\` throughput: **${(mbps / baselineMbps).toFixed(2)}×**.

| memory (MB) | before | peak | growth |
|---|---:|---:|---:|
| content process that grew most (the add-on's) | ${mb(before.get(grownChild))} | ${mb(peak.get(grownChild))} | **${growthOf(grownChild).toFixed(0)}** |
| main process | ${mb(before.get(pids.main))} | ${mb(peak.get(pids.main))} | ${growthOf(pids.main).toFixed(0)} |
| all ${all.length} processes together | ${mb(beforeTotal)} | ${mb(peakTotal)} | ${totalGrowth.toFixed(0)} |

Goal: ≥ ${GOAL.mbPerSecond} MB/s and ≤ ${GOAL.growthMb} MB growth of the add-on's process — **${goalMet ? 'met' : 'missed'}**.
The downloaded zip under \`unzip -t\`: ${unzip.ok ? '**no errors**' : `**failed**: ${unzip.text}`}. Working files left in the
origin-private file system after the download: ${leftovers.length === 0 ? '**none**' : `**${leftovers.join(', ')}**`}.
Seeding the database (not measured above) took ${seedSeconds.toFixed(0)} s.
`;
  writeSection(REPORT, 'export-firefox', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  sampling = false;
  await server?.close();
  await firefox?.close();
  await rm(work, { recursive: true, force: true });
}
