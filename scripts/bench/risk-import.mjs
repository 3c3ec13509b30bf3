// `npm run bench` (risk-import): the CSV import of a 10,000-risk register through the dashboard's Risks section in a
// real Chromium. Each run empties the register, opens dashboard.html#risks, hands the file to the import's file
// input and times, in the page: the preview (file read, parse, header mapping, every row validated, the diff by ID)
// until the Confirm button is painted enabled, then the confirmed write (10,000 risks and their chained custody
// entries, one per thousand risks, in one transaction, and the register read back) until the "imported" message is painted.
// Then a re-import of the same register with 1,000 rows changed (preview with the diff, and its write).
// Baseline, same page and run: the same File read and split by the product's RFC 4180 reader (utils/csv) alone,
// no mapping or validation. Writes its section of docs/BENCHMARKS.md.
/* global document, window, requestAnimationFrame, MutationObserver, performance, File */
import path from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM_PATH, launchExtension, openBackgroundPage, REPO_ROOT } from '../../tests/e2e/chromium.mjs';
import { prepareBenchmark } from './prepare.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { riskSeedingScript } from './risk-seed.mjs';

const RISKS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS_RISK_IMPORT ?? 5);
const GOAL_MS = 3_000;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');

async function csvReaderScript() {
  const result = await build({
    stdin: {
      contents: "export { parseCsv } from './utils/csv/csv.ts';",
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-csv.ts',
      loader: 'ts',
    },
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    globalName: '__benchCsv',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return `${result.outputFiles[0].text}\nglobalThis.__benchCsv = __benchCsv;`;
}

/** Page code: stores in window[name] the time from the file input's change event to the frame after `done()` holds. */
function arm(name, done) {
  window[name] = undefined;
  let start = null;
  document.addEventListener('change', () => (start ??= performance.now()), { capture: true, once: true });
  window[`${name}Start`] = () => (start = performance.now());
  const observer = new MutationObserver(() => {
    if (start === null || !done()) return;
    observer.disconnect();
    requestAnimationFrame(() => (window[name] = performance.now() - start));
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
}

/** Evaluated as a string (the page's CSP forbids eval inside it, not over CDP). */
function armTimer(page, name, doneSource) {
  return page.evaluate(`(${arm.toString()})(${JSON.stringify(name)}, ${doneSource})`);
}

prepareBenchmark();
const extension = await launchExtension();
try {
  const seeder = await openBackgroundPage(
    extension,
    `chrome-extension://${extension.extensionId}/popup.html?bench-seed`,
  );
  await seeder.evaluate(await riskSeedingScript());
  const files = await seeder.evaluate((count) => {
    const { syntheticRisks, riskRegisterCsv, DEFAULT_RISK_CRITERIA } = globalThis.__benchRisks;
    const register = syntheticRisks(count, { seed: 27 });
    const revised = register.map((risk, index) =>
      index % 10 === 0 ? { ...risk, notes: 'Re-assessed after the restore test.', likelihood: 1 } : risk,
    );
    return [
      riskRegisterCsv(DEFAULT_RISK_CRITERIA, register),
      riskRegisterCsv(DEFAULT_RISK_CRITERIA, revised),
    ];
  }, RISKS);
  const [fresh, revised] = files.map((text) => Buffer.from(text));
  const clearRegister = () =>
    seeder.evaluate(async () => {
      const db = new globalThis.__benchRisks.EvidenceDatabase();
      try {
        await db.risks.clear();
      } finally {
        db.close();
      }
    });

  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const csvReader = await csvReaderScript();
  const url = `chrome-extension://${extension.extensionId}/dashboard.html#risks`;
  const input = page.getByTestId('risk-import-file');
  const confirmReady = (count) =>
    `() => { const b = [...document.querySelectorAll('[data-testid="risk-import-preview"] button.primary')].find((x) => x.textContent === 'Import ${count} risks'); return b !== undefined && !b.disabled; }`;
  const imported = (count) =>
    `() => [...document.querySelectorAll('.risk-import p[role="status"]')].some((p) => p.textContent.startsWith('${count} risks imported'))`;

  /** One import: file → preview painted, then Confirm → written and shown. */
  const importOnce = async (buffer, count) => {
    await armTimer(page, '__preview', confirmReady(count));
    await input.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer });
    await page.waitForFunction(() => window.__preview !== undefined, null, { timeout: 120_000 });
    const preview = await page.evaluate(() => window.__preview);
    // The diff's first sentence: "10000 new, 0 changed, 0 unchanged."
    const diff = /^[^.]*\./.exec((await page.getByTestId('risk-import-diff').textContent()) ?? '')?.[0] ?? '';
    await armTimer(page, '__write', imported(count));
    await page.evaluate(() => {
      window.__writeStart();
      document.querySelector('[data-testid="risk-import-preview"] button.primary').click();
    });
    await page.waitForFunction(() => window.__write !== undefined, null, { timeout: 300_000 });
    return { preview, write: await page.evaluate(() => window.__write), diff };
  };
  /** The baseline: the same bytes as a File, read and split into rows, nothing else. */
  const baselineOnce = (text) =>
    page.evaluate(
      async ({ text }) => {
        const file = new File([text], 'register.csv', { type: 'text/csv' });
        const start = performance.now();
        const rows = globalThis.__benchCsv.parseCsv(await file.text());
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { ms: performance.now() - start, rows: rows.length };
      },
      { text },
    );

  const samples = { baseline: [], freshPreview: [], freshWrite: [], revisedPreview: [], revisedWrite: [] };
  let diffs = {};
  for (let run = 0; run < RUNS; run++) {
    await clearRegister();
    await page.goto('about:blank');
    await page.goto(url);
    await input.waitFor();
    await page.evaluate(csvReader);
    const base = await baselineOnce(fresh.toString('utf8'));
    if (base.rows !== RISKS + 1) throw new Error(`The baseline read ${base.rows} rows.`);
    const first = await importOnce(fresh, RISKS);
    const again = await importOnce(revised, RISKS / 10);
    samples.baseline.push(base.ms);
    samples.freshPreview.push(first.preview);
    samples.freshWrite.push(first.write);
    samples.revisedPreview.push(again.preview);
    samples.revisedWrite.push(again.write);
    diffs = { fresh: first.diff, revised: again.diff };
    console.log(
      `run ${run + 1}: baseline ${base.ms.toFixed(0)} ms, preview ${first.preview.toFixed(0)} + write ${first.write.toFixed(0)} ms, re-import ${again.preview.toFixed(0)} + ${again.write.toFixed(0)} ms`,
    );
  }
  const stored = await seeder.evaluate(async () => {
    const db = new globalThis.__benchRisks.EvidenceDatabase();
    try {
      return { risks: await db.risks.count(), custody: await db.custody.count() };
    } finally {
      db.close();
    }
  });
  if (stored.risks !== RISKS) throw new Error(`The register holds ${stored.risks} risks after the runs.`);
  // One custody entry per thousand risks written (storage/risk-repository.ts): each run's import and re-import.
  const logged = RUNS * (Math.ceil(RISKS / 1000) + Math.ceil(RISKS / 10 / 1000));
  if (stored.custody !== logged)
    throw new Error(`The custody log holds ${stored.custody} entries, not ${logged}.`);

  const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
  const s = Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, summarize(list)]));
  const totals = summarize(samples.freshPreview.map((ms, index) => ms + samples.freshWrite[index]));
  const revisedTotals = summarize(
    samples.revisedPreview.map((ms, index) => ms + samples.revisedWrite[index]),
  );
  const ms = (value) => value.toFixed(0);
  const row = (label, x) =>
    `| ${label} | ${x.runs} | ${ms(x.median)} | ${ms(x.p90)} | ${ms(x.min)} | ${ms(x.max)} |`;
  const met = totals.median <= GOAL_MS && revisedTotals.median <= GOAL_MS;
  const section = `
## Risk register CSV import: 10,000 risks through the dashboard

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless).

A register of ${RISKS.toLocaleString('en')} risks (tests/support/risk-seed.ts, written as the register's own CSV export:
${(fresh.length / 2 ** 20).toFixed(1)} MiB, 24 columns) handed to the file input of the dashboard's Risks section (Playwright
\`setInputFiles\`), ${RUNS} runs, each on an emptied register. Timed in the page with \`performance.now()\`:
**preview** = from the input's \`change\` event to the frame after the Confirm button is enabled (file read, RFC 4180 parse,
header mapping, every row validated against the criteria and the catalogue, the diff by ID: "${diffs.fresh}");
**write** = from the Confirm click to the frame after "10000 risks imported" is shown (one transaction: the risks and
one chained custody entry per thousand risks with each one's before and after, then the dashboard reads its snapshot again). **Re-import**: the same register with
every tenth risk re-assessed, on the register just written ("${diffs.revised}").
Baseline, same page, each run: the same bytes as a \`File\`, \`file.text()\` and the product's RFC 4180 reader
(utils/csv \`parseCsv\`) alone, no mapping or validation.

| ms | runs | median | p90 | min | max |
|---|---:|---:|---:|---:|---:|
${row('baseline: read + split 10,000 rows', s.baseline)}
${row('import: preview painted', s.freshPreview)}
${row('import: confirmed write shown', s.freshWrite)}
${row('import: preview + write', totals)}
${row('re-import (1,000 changed): preview painted', s.revisedPreview)}
${row('re-import: confirmed write shown', s.revisedWrite)}
${row('re-import: preview + write', revisedTotals)}

Preview / baseline, medians: **${(s.freshPreview.median / s.baseline.median).toFixed(1)}×**. Goal: 10,000 risks parsed, validated,
previewed and written ≤ ${GOAL_MS / 1000} s (median of preview + write, for the import and the re-import) — **${met ? 'met' : 'missed'}**.
After the runs the register holds ${stored.risks.toLocaleString('en')} risks and the custody log ${stored.custody.toLocaleString('en')} entries.
`;
  writeSection(REPORT, 'risk-import', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await extension.close();
}
