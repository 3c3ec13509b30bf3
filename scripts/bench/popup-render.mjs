// `npm run bench` (popup): how long the popup takes to show the coverage grid as the database grows.
// Real Chromium, the built extension. The database is seeded with storage/seed.ts from an extension
// page (scripts/bench/extension-seed.mjs) to 1,000, 10,000 and 50,000 records; the baseline is the
// empty database of the same run. Each run navigates a tab to popup.html and measures, in the page,
// from navigation start (performance.timeOrigin) to the first animation frame after the grid's cells
// are in the DOM. Writes its section of docs/BENCHMARKS.md.
/* global document, window, requestAnimationFrame, MutationObserver, performance */
import path from 'node:path';
import { CHROMIUM_PATH, launchExtension, REPO_ROOT, VIEWPORT } from '../../tests/e2e/chromium.mjs';
import { openSeedingPage, seedSynthetic } from './extension-seed.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { prepareBenchmark } from './prepare.mjs';

const LEVELS = (process.env.BENCH_POPUP_LEVELS ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS_POPUP ?? 9);
const WARM_UP = 2;
const GOAL = { records: 10_000, medianMs: 100 };
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');

prepareBenchmark();

/** Installed before any script of the page: stamps the frame after the grid's cells appear. */
function watchGrid() {
  const cells = () => document.querySelectorAll('[data-testid="control-grid"] button.grid-cell').length;
  const observer = new MutationObserver(() => {
    if (cells() === 0) return;
    observer.disconnect();
    const present = performance.now();
    requestAnimationFrame(() => {
      window.__gridTiming = { present, painted: performance.now(), cells: cells() };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

const extension = await launchExtension();
try {
  const popupUrl = `chrome-extension://${extension.extensionId}/popup.html`;
  const seeder = await openSeedingPage(extension);
  const page = await extension.context.newPage();
  await page.addInitScript(watchGrid);

  const measure = async () => {
    await page.goto(popupUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__gridTiming !== undefined, null, { timeout: 30_000 });
    return page.evaluate(() => ({
      ...window.__gridTiming,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
    }));
  };

  const results = [];
  let total = 0;
  for (const level of [0, ...LEVELS]) {
    let seedMs = 0;
    if (level > total) {
      console.log(`Seeding ${level - total} records (to ${level})…`);
      const seeded = await seedSynthetic(seeder, level - total, level);
      seedMs = seeded.milliseconds;
      total = seeded.total;
      if (total !== level) throw new Error(`Expected ${level} records, the database holds ${total}.`);
    }
    const samples = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const timing = await measure();
      if (run >= WARM_UP) samples.push(timing);
    }
    const cells = new Set(samples.map((sample) => sample.cells));
    if (cells.size !== 1) throw new Error(`The grid had ${[...cells].join(' / ')} cells across runs.`);
    results.push({
      records: level,
      seedMs,
      cells: [...cells][0],
      painted: summarize(samples.map((sample) => sample.painted)),
      present: summarize(samples.map((sample) => sample.present)),
      dcl: summarize(samples.map((sample) => sample.domContentLoaded)),
    });
    const last = results.at(-1);
    console.log(`${level} records: painted median ${last.painted.median.toFixed(1)} ms`);
  }
  await page.close();
  await seeder.close();

  const baseline = results[0];
  const atGoal = results.find((result) => result.records === GOAL.records);
  const goalMet = atGoal !== undefined && atGoal.painted.median <= GOAL.medianMs;
  const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
  const ms = (value) => value.toFixed(1);
  const rows = results
    .map(
      (r) =>
        `| ${r.records.toLocaleString('en')} | ${ms(r.painted.median)} | ${ms(r.painted.p90)} | ${ms(r.painted.min)} | ${ms(r.painted.max)} | ${ms(r.present.median)} | ${ms(r.dcl.median)} | ${(r.painted.median / baseline.painted.median).toFixed(2)}× |`,
    )
    .join('\n');
  const section = `
## Popup first render: coverage grid vs. database size

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless), tab ${VIEWPORT.width}×${VIEWPORT.height}.

\`popup.html\` opened as a tab of the built extension, ${RUNS} navigations per size after ${WARM_UP} warm-up ones, all in
one profile whose database grows between sizes (records from \`storage/seed.ts\`: admin-console titles, ~150 words
of text, 1–3 controls, 70 % ready / 22 % needs review / 8 % superseded, captured over the last 365 days, with the
coverage index and custody chain). Timed in the page from navigation start (\`performance.timeOrigin\`):
**painted** = the first \`requestAnimationFrame\` callback after the grid's ${results[0].cells} cells are in the DOM;
**present** = the mutation that added them; DOMContentLoaded for the fixed cost of loading the page.
Baseline: the empty database, same run.

| records | painted median (ms) | p90 | min | max | present median | DOMContentLoaded median | vs. empty |
|---:|---:|---:|---:|---:|---:|---:|---:|
${rows}

Goal: grid painted ≤ ${GOAL.medianMs} ms at ${GOAL.records.toLocaleString('en')} records — **${goalMet ? 'met' : 'missed'}**${
    atGoal ? ` (median ${ms(atGoal.painted.median)} ms)` : ' (not measured)'
  }.
Seeding time (not part of the measure): ${results
    .filter((r) => r.seedMs > 0)
    .map((r) => `${(r.seedMs / 1000).toFixed(1)} s to reach ${r.records.toLocaleString('en')}`)
    .join(', ')}.
`;
  writeSection(REPORT, 'popup-render', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await extension.close();
}
