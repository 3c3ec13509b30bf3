// `npm run bench` (trace): the dashboard's traceability view for 500 risks × 93 treating controls with 10,000
// evidence records, in a real Chromium. Each run is a fresh navigation to dashboard.html#trace, timed in the page
// from navigation start to the first animation frame after the matrix's rows are in the DOM. Baseline, same
// profile and run, alternating: a fresh navigation to dashboard.html#overview until the overview is painted —
// the same snapshot read (10,000 evidence summaries, the register, the criteria) and the same coverage
// computation, so the ratio is what the trace view itself adds. Writes its section of docs/BENCHMARKS.md.
/* global document, window, requestAnimationFrame, MutationObserver, performance, location */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CHROMIUM_PATH,
  launchExtension,
  openBackgroundPage,
  REPO_ROOT,
  VIEWPORT,
} from '../../tests/e2e/chromium.mjs';
import { prepareBenchmark } from './prepare.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { riskSeedingScript } from './risk-seed.mjs';

const RISKS = 500;
const EVIDENCE = 10_000;
const RUNS = Number(process.env.BENCH_RUNS_TRACE ?? 15);
const WARM_UP = 2;
const GOAL_MS = 300;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');

/** 10,000 records (no blobs), then 500 risks written as a confirmed import (each with its custody entry). */
function seed(page) {
  return page.evaluate(
    async ({ risks, evidence }) => {
      const { seedEvidence, syntheticRisks, EvidenceDatabase, applyRiskImport } = globalThis.__benchRisks;
      const db = new EvidenceDatabase();
      try {
        await seedEvidence(db, evidence, { seed: 14, blobs: false });
        const register = syntheticRisks(risks, { seed: 14 });
        const preview = { mapping: [], problems: [], added: register, changed: [], unchanged: 0 };
        await applyRiskImport(db, preview, 'Benchmark', new Date().toISOString());
        const controls = new Set(register.flatMap((risk) => risk.controls));
        return {
          evidence: await db.evidence.count(),
          risks: await db.risks.count(),
          controls: controls.size,
          links: register.reduce((sum, risk) => sum + risk.controls.length, 0),
        };
      } finally {
        db.close();
      }
    },
    { risks: RISKS, evidence: EVIDENCE },
  );
}

/** Installed before any page script: stamps the frame after the matrix rows (or the overview) appear. */
function watchContent() {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/dashboard.html')) return;
  const targets = {
    trace: '[data-testid="trace-matrix"] tr[data-risk-id]',
    overview: '[data-testid="overview"]',
  };
  const observer = new MutationObserver(() => {
    for (const [kind, selector] of Object.entries(targets)) {
      if (!document.querySelector(selector)) continue;
      observer.disconnect();
      const present = performance.now();
      const rows = document.querySelectorAll(targets.trace).length;
      const cells = document.querySelectorAll('[data-testid="trace-matrix"] td.trace-cell').length;
      const summary = document.querySelector('#section p[role="status"]')?.textContent ?? '';
      requestAnimationFrame(() => {
        window.__content = { kind, present, painted: performance.now(), rows, cells, summary };
      });
      return;
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

prepareBenchmark();
const extension = await launchExtension();
try {
  const base = `chrome-extension://${extension.extensionId}/dashboard.html`;
  const seeder = await openBackgroundPage(
    extension,
    `chrome-extension://${extension.extensionId}/popup.html?bench-seed`,
  );
  await seeder.evaluate(await riskSeedingScript());
  console.log(`Seeding ${EVIDENCE.toLocaleString('en')} evidence records and ${RISKS} risks…`);
  const started = Date.now();
  const seeded = await seed(seeder);
  const seedSeconds = (Date.now() - started) / 1000;
  if (seeded.evidence !== EVIDENCE || seeded.risks !== RISKS || seeded.controls !== 93)
    throw new Error(
      `Seeded ${JSON.stringify(seeded)}, expected ${EVIDENCE} records, ${RISKS} risks, 93 controls.`,
    );
  await seeder.close();
  await sleep(3_000);

  const page = await extension.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(watchContent);
  const load = async (hash, kind) => {
    // A hash change alone would be a same-document navigation: leave the page first.
    await page.goto('about:blank');
    await page.goto(`${base}#${hash}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__content !== undefined, null, { timeout: 60_000 });
    const timing = await page.evaluate(() => ({
      ...window.__content,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
    }));
    if (timing.kind !== kind) throw new Error(`#${hash} showed ${timing.kind} first.`);
    return timing;
  };
  const trace = [];
  const overview = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const timed = await load('trace', 'trace');
    const other = await load('overview', 'overview');
    if (run < WARM_UP) continue;
    trace.push(timed);
    overview.push(other);
  }
  const shown = trace.at(-1);
  // The whole matrix is there: scrolled to the bottom, the last risk's row is rendered.
  await load('trace', 'trace');
  const lastRow = await page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="trace-matrix"]');
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rows = document.querySelectorAll('[data-testid="trace-matrix"] tr[data-risk-id]');
    return rows[rows.length - 1]?.getAttribute('aria-rowindex');
  });
  if (Number(lastRow) !== RISKS + 1) throw new Error(`Scrolled to the end, the last row is ${lastRow}.`);

  const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
  const t = summarize(trace.map((sample) => sample.painted));
  const tPresent = summarize(trace.map((sample) => sample.present));
  const o = summarize(overview.map((sample) => sample.painted));
  const dcl = summarize(trace.map((sample) => sample.domContentLoaded));
  const ms = (value) => value.toFixed(1);
  const met = t.median <= GOAL_MS;
  const row = (label, s) =>
    `| ${label} | ${s.runs} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${ms(s.max)} |`;
  const section = `
## Traceability view: 500 risks × 93 controls with 10,000 evidence records

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless), tab ${VIEWPORT.width}×${VIEWPORT.height}.

The database holds ${EVIDENCE.toLocaleString('en')} evidence records (tests/support/seed.ts, no blobs) and a register of
${RISKS} risks (tests/support/risk-seed.ts: 1–4 treating controls each, ${seeded.links.toLocaleString('en')} risk–control links, every one of the
93 Annex A controls treating at least one risk), written with the register's own import write
(storage/risk-repository.ts, one custody entry per thousand risks); seeding took ${seedSeconds.toFixed(1)} s. Each run is a fresh navigation,
timed in the page from navigation start (\`performance.timeOrigin\`) to the first \`requestAnimationFrame\` callback after
the matrix's first rows are in the DOM (a \`MutationObserver\` installed before any page script). ${RUNS} runs after ${WARM_UP}
warm-up runs, alternating with the baseline: a fresh navigation to \`#overview\` until the overview is painted — the
same snapshot read (evidence summaries, register, criteria) and coverage, without the matrix.
The view read "${shown.summary}"; it renders only the rows in view (${shown.rows} rows, ${shown.cells} linked cells in the
first render; scrolled to the end, row ${lastRow} of ${RISKS + 1} is there).

| ms | runs | median | p90 | min | max |
|---|---:|---:|---:|---:|---:|
${row('baseline: #overview painted', o)}
${row('#trace: matrix rows present', tPresent)}
${row('#trace: matrix painted', t)}

DOMContentLoaded of #trace, median ${ms(dcl.median)} ms. Trace / overview, medians: **${(t.median / o.median).toFixed(2)}×**.
Goal: the view painted ≤ ${GOAL_MS} ms after navigation (median) — **${met ? 'met' : 'missed'}** (median ${ms(t.median)} ms, p90 ${ms(t.p90)} ms).
`;
  writeSection(REPORT, 'trace', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await extension.close();
}
