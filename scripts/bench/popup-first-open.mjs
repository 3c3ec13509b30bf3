// `npm run bench` (popup, first open): how soon the popup shows its capture button, against a bare
// extension page (static HTML, one button, no script) measured in the same run. Each round launches a
// fresh profile (so the first popup open creates the database, as a new user's does) and opens, each as a
// new document the way a popup is: the bare page and the popup cold (first open of the profile), then
// both warm. The order alternates per round so neither page always goes first. Timed in the page from
// navigation start to the mutation that adds the capture button (the bare page's one button), and to the frame after the coverage
// grid's cells appear. Writes its section of docs/BENCHMARKS.md.
/* global document, window, requestAnimationFrame, MutationObserver, performance */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, EXTENSION_DIR, launchExtension, REPO_ROOT } from '../../tests/e2e/chromium.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { prepareBenchmark } from './prepare.mjs';

const ROUNDS = Number(process.env.BENCH_POPUP_ROUNDS ?? 5);
const WARM_OPENS = 3;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const BARE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><button type="button" data-testid="capture-visible">Capture</button></body></html>';

prepareBenchmark();

/** Installed before any script of the page: stamps the first button and the painted coverage grid. */
function watchPage() {
  window.__timing = {};
  const observer = new MutationObserver(() => {
    const timing = window.__timing;
    if (timing.button === undefined && document.querySelector('button[data-testid="capture-visible"]'))
      timing.button = performance.now();
    if (
      timing.grid === undefined &&
      document.querySelector('[data-testid="control-grid"] button.grid-cell')
    ) {
      timing.grid = -1;
      requestAnimationFrame(() => (timing.grid = performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** A copy of the built extension with the bare page added (the product never ships it). */
function extensionWithBarePage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'isms-bench-bare-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, 'bare.html'), BARE);
  return dir;
}

async function open(context, url, waitForGrid) {
  const page = await context.newPage();
  await page.addInitScript(watchPage);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (grid) => window.__timing.button !== undefined && (!grid || (window.__timing.grid ?? -1) > 0),
    waitForGrid,
    { timeout: 60_000 },
  );
  const timing = await page.evaluate(() => window.__timing);
  await page.close();
  return timing;
}

const dir = extensionWithBarePage();
const samples = { bareCold: [], popupCold: [], gridCold: [], bareWarm: [], popupWarm: [], gridWarm: [] };
let version = '';
try {
  for (let round = 0; round < ROUNDS; round++) {
    const extension = await launchExtension({ extensionDir: dir });
    try {
      version = extension.context.browser()?.version() ?? version;
      const base = `chrome-extension://${extension.extensionId}/`;
      const bare = () => open(extension.context, `${base}bare.html`, false);
      const popup = () => open(extension.context, `${base}popup.html`, true);
      const record = (kind, timing, isPopup) => {
        if (isPopup) {
          samples[`popup${kind}`].push(timing.button);
          samples[`grid${kind}`].push(timing.grid);
        } else samples[`bare${kind}`].push(timing.button);
      };
      const order = round % 2 === 0 ? [false, true] : [true, false];
      for (const isPopup of order) record('Cold', await (isPopup ? popup() : bare()), isPopup);
      for (let index = 0; index < WARM_OPENS; index++)
        for (const isPopup of order) record('Warm', await (isPopup ? popup() : bare()), isPopup);
    } finally {
      await extension.close();
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  const m = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, summarize(values)]));
  const ms = (value) => value.toFixed(0);
  const ratio = (a, b) => (a.median / b.median).toFixed(2);
  const verdict = (value, goal) => (value <= goal ? 'met' : 'missed');
  const machine = describeMachine(CHROMIUM_PATH, version);
  const section = `
## Popup first open: capture button vs. a bare extension page (fresh profiles)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless). A shared, busy machine: compare the
ratios, which are measured in the same run, rather than the absolute times.

${ROUNDS} rounds, each in a fresh profile; per round one cold open of each page (the popup's creates the database)
and ${WARM_OPENS} warm opens of each, every open a new document. The order alternates per round. Timed in the page
from navigation start to the capture button (\`Capture visible area\`; the bare page's one button); the grid is the frame after the coverage grid's cells appear.

| | bare page median (ms) | popup button median (ms) | button ratio | grid median (ms) | grid ratio |
|---|---:|---:|---:|---:|---:|
| cold | ${ms(m.bareCold.median)} | ${ms(m.popupCold.median)} | ${ratio(m.popupCold, m.bareCold)}× | ${ms(m.gridCold.median)} | ${ratio(m.gridCold, m.bareCold)}× |
| warm | ${ms(m.bareWarm.median)} | ${ms(m.popupWarm.median)} | ${ratio(m.popupWarm, m.bareWarm)}× | ${ms(m.gridWarm.median)} | ${ratio(m.gridWarm, m.bareWarm)}× |

Goals: button within 1.5× of the bare page cold (**${verdict(m.popupCold.median / m.bareCold.median, 1.5)}**) and warm
(**${verdict(m.popupWarm.median / m.bareWarm.median, 1.5)}**); grid painted within 3× of the bare page cold
(**${verdict(m.gridCold.median / m.bareCold.median, 3)}**).
`;
  writeSection(REPORT, 'popup-first-open', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
