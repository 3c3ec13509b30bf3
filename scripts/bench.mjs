// `npm run bench`: every benchmark, each writing its own section of docs/BENCHMARKS.md. Choose some with
// BENCH_ONLY=capture,full-page,popup,library,export,export-firefox,synthetic,element,suggestions,requests,frameworks,team-pull,team-sync,trace,signing,risk-import (default: all). After this file's own
// capture benchmark, the others run as child processes on the same build: scripts/bench/full-page.mjs
// (full-page capture of a tall table against the rate-limit floor and Chromium's own full-page screenshot,
// pixel for pixel), scripts/bench/popup-render.mjs (popup first render at 1k/10k/50k records),
// scripts/bench/library.mjs (evidence library first rows and search), scripts/bench/export-throughput.mjs
// (1 GiB export in Chromium vs. `zip -0`), scripts/bench/export-firefox.mjs (the same in Firefox ESR, through the
// origin-private file system into a download), scripts/bench/synthetic-export.mjs (70,000 files / 5 GiB with the writer in Node) and
// scripts/bench/element.mjs (element capture of a 200-row table, cropped and re-rendered, click to commit) and
// scripts/bench/suggestions.mjs (precision and recall of the pre-ticked controls on the admin-console corpus) and
// scripts/bench/requests.mjs (the dashboard's request list of 2,000 requests with 10,000 evidence records) and
// scripts/bench/frameworks.mjs (coverage in ISO, SOC 2 and NIST CSF 2.0 at once against ISO alone, in Node) and
// scripts/bench/team-pull.mjs (pull + verify + team coverage of a team store on a loopback Ceph RGW, and the
// team coverage view in Chromium) and scripts/bench/team-sync.mjs (sync of 1 GiB from the extension to the RGW
// against `rclone copy` of the same files) and scripts/bench/trace.mjs (the traceability view of 500 risks × 93 controls
// with 10,000 evidence records) and scripts/bench/risk-import.mjs (a 10,000-risk register CSV imported through the
// dashboard) and scripts/bench/signing.mjs (capture with a loopback time-stamping authority
// against none, and a 1 GiB export signed against unsigned). The team benchmarks start an RGW, the signing one a
// loopback time-stamping authority: run `npm run bench` under `flock /tmp/isms-e2e.lock`.
//
// The capture benchmark: how long a capture takes, against the browser's own screenshot call.
// Real Chromium, the access-review fixture at 1280×800. After one toolbar click (activeTab), the popup
// alternately runs (a) the bare chrome.tabs.captureVisibleTab and (b) the whole `captureTab` message
// (trigger to committed record), each call at least 600 ms after the previous one: Chrome allows two
// screenshots per second. Writes its section of docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CHROMIUM_PATH,
  clickToolbarButton,
  launchExtension,
  openTab,
  readDatabase,
  REPO_ROOT,
  VIEWPORT,
} from '../tests/e2e/chromium.mjs';
import { popupTab } from '../tests/e2e/popup.mjs';
import { verifyCustodyChain } from '../tests/e2e/verify.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { describeMachine, summarize, writeSection } from './bench/report.mjs';
import { prepareBenchmark } from './bench/prepare.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARM_UP = 2;
const SPACING_MS = 600;
const GOAL = { medianMs: 150, ratio: 4 };
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const BENCHMARKS = [
  'capture',
  'full-page',
  'popup',
  'popup-first-open',
  'library',
  'export',
  'export-firefox',
  'synthetic',
  'element',
  'suggestions',
  'requests',
  'frameworks',
  'team-pull',
  'team-sync',
  'trace',
  'signing',
  'risk-import',
];
const selected = new Set(process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : BENCHMARKS);
const unknown = [...selected].filter((name) => !BENCHMARKS.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${BENCHMARKS.join(', ')}.`);
  process.exit(1);
}

prepareBenchmark();

async function captureBenchmark() {
  const server = await startFixtureServer();
  const extension = await launchExtension();
  try {
    const page = await openTab(extension.context, new URL('access-review.html', server.url).href);
    const devicePixelRatio = await page.evaluate(() => globalThis.devicePixelRatio);
    const popup = await clickToolbarButton(extension, page);
    const { tabId, windowId } = await popupTab(popup);

    // Timed inside the popup, so the CDP round trip to Node is not counted.
    const bare = () =>
      popup.evaluate(`(async () => {
      const start = performance.now();
      const dataUrl = await chrome.tabs.captureVisibleTab(${windowId}, { format: 'png' });
      return { ms: performance.now() - start, ok: dataUrl.startsWith('data:image/png'), error: '' };
    })()`);
    const full = () =>
      popup.evaluate(`(async () => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'captureTab', payload: { tabId: ${tabId}, trigger: 'popup' } });
      return { ms: performance.now() - start, ok: reply?.ok === true, error: reply?.error ?? '' };
    })()`);

    const samples = { bare: [], full: [] };
    let lastCall = 0;
    const timed = async (name, call, keep) => {
      await sleep(Math.max(0, lastCall + SPACING_MS - Date.now()));
      lastCall = Date.now();
      const result = await call();
      if (!result.ok) throw new Error(`${name} capture failed: ${result.error || 'no PNG'}`);
      if (keep) samples[name].push(result.ms);
    };
    console.log(`Benchmarking ${RUNS} runs of each (after ${WARM_UP} warm-up runs), ${SPACING_MS} ms apart…`);
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      await timed('bare', bare, run >= WARM_UP);
      await timed('full', full, run >= WARM_UP);
    }
    await popup.close();

    const dump = await readDatabase(extension);
    const committed = dump.evidence.length;
    if (committed !== WARM_UP + RUNS)
      throw new Error(`Expected ${WARM_UP + RUNS} stored captures, found ${committed}.`);
    const chainProblems = verifyCustodyChain(dump.custody);
    if (chainProblems.length > 0) throw new Error(`Custody chain broken: ${chainProblems.join('; ')}`);

    // An artifact the collector could not produce costs nothing: say so beside the numbers.
    const emptyArtifacts = [
      ...new Set(
        dump.evidence.flatMap((record) => record.artifacts.filter((a) => a.size === 0).map((a) => a.name)),
      ),
    ];
    const stats = { bare: summarize(samples.bare), full: summarize(samples.full) };
    const ratio = stats.full.median / stats.bare.median;
    const goalMet = stats.full.median <= GOAL.medianMs && ratio <= GOAL.ratio;
    const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
    const ms = (value) => value.toFixed(1);
    const row = (label, s) =>
      `| ${label} | ${s.runs} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${ms(s.max)} |`;

    const section = `
## Visible-area capture

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless).

Page: \`tests/fixtures/access-review.html\` (40-row table) at ${VIEWPORT.width}×${VIEWPORT.height}, device pixel ratio ${devicePixelRatio}.
Both timed in the popup with \`performance.now()\`, ${RUNS} runs each after ${WARM_UP} warm-up runs, alternating,
every call at least ${SPACING_MS} ms after the one before (Chrome allows two screenshots per second).

- **bare**: \`chrome.tabs.captureVisibleTab(windowId, { format: 'png' })\`, the browser's screenshot alone.
- **full capture**: the \`captureTab\` message round trip: screenshot, page text, tables and DOM from the
  collector, stamp, thumbnail, SHA-256 of every artifact, and the committed evidence record and custody entry.

| ms | runs | median | p90 | min | max |
|---|---:|---:|---:|---:|---:|
${row('bare captureVisibleTab', stats.bare)}
${row('full capture (captureTab)', stats.full)}

Full capture / bare, medians: **${ratio.toFixed(2)}×**. Goal: median ≤ ${GOAL.medianMs} ms and ≤ ${GOAL.ratio}× bare — **${goalMet ? 'met' : 'missed'}**.
All ${committed} captures were committed and the custody chain verifies.${
      emptyArtifacts.length > 0
        ? `\n\n**Caveat:** ${emptyArtifacts.join(', ')} came out empty in this run (see each capture's metadata.json notes), so the time to produce ${emptyArtifacts.length === 1 ? 'it' : 'them'} is not in these numbers.`
        : ''
    }
`;
    writeSection(REPORT, 'capture', section);
    console.log(section);
    console.log(`Wrote ${path.relative(REPO_ROOT, REPORT)}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await extension.close();
    await server.close();
  }
}

if (selected.has('capture')) await captureBenchmark();

// The other benchmarks, one process each, on the build made above.
const SCRIPTS = {
  'full-page': 'full-page.mjs',
  popup: 'popup-render.mjs',
  'popup-first-open': 'popup-first-open.mjs',
  library: 'library.mjs',
  export: 'export-throughput.mjs',
  'export-firefox': 'export-firefox.mjs',
  synthetic: 'synthetic-export.mjs',
  element: 'element.mjs',
  suggestions: 'suggestions.mjs',
  requests: 'requests.mjs',
  frameworks: 'frameworks.mjs',
  'team-pull': 'team-pull.mjs',
  'team-sync': 'team-sync.mjs',
  trace: 'trace.mjs',
  signing: 'signing.mjs',
  'risk-import': 'risk-import.mjs',
};
for (const [name, file] of Object.entries(SCRIPTS)) {
  if (!selected.has(name)) continue;
  console.log(`\n== ${name} benchmark (scripts/bench/${file}) ==`);
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bench', file)], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_SKIP_BUILD: '1' },
  });
  if (run.status !== 0) process.exitCode = 1;
}
