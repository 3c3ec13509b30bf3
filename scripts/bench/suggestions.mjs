// `npm run bench` (suggestions): precision and recall of the pre-ticked controls on the admin-console corpus
// (tests/support/suggestion-corpus.ts), today's ranking against the baseline of the same run — the rules as
// they stood before ranking, every match ticked. Runs scripts/bench/suggestions.run.ts through vitest (the
// pages read by the collector in the test DOM), then writes its section of docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, writeSection } from './report.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const GOAL = { precision: 0.8, recall: 0.8 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-bench-suggestions-'));
try {
  const resultFile = path.join(dir, 'result.json');
  const run = spawnSync(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'scripts/bench/vitest.bench.config.ts'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_RUN_FILE: 'scripts/bench/suggestions.run.ts',
        BENCH_RESULT_FILE: resultFile,
      },
    },
  );
  if (run.status !== 0) throw new Error(`The suggestion corpus run failed (exit ${run.status}).`);
  const { ranked, baseline, rows } = JSON.parse(readFileSync(resultFile, 'utf8'));
  const machine = describeMachine();
  const two = (value) => value.toFixed(2);
  const list = (ids) => (ids.length === 0 ? '—' : ids.join(', '));
  const met = ranked.precision >= GOAL.precision && ranked.recall >= GOAL.recall;
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rankMs = median(rows.map((row) => row.rankMs));
  const baselineMs = median(rows.map((row) => row.baselineMs));
  const section = `
## Control suggestions: precision and recall of what starts ticked

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}. ${rows.length} admin-console pages of ${new Set(rows.map((row) => row.kind)).size} kinds
(tests/support/suggestion-corpus.ts, the expected controls written down for each), read by the collector
(content/collect-page.ts) in the test DOM, scored micro-averaged over the corpus. Baseline in the same run: the
built-in rules as they stood before ranking (tests/support/baseline-rules.ts), where every match was ticked.

| | ticked right | ticked wrong | missed | precision | recall |
| --- | ---: | ---: | ---: | ---: | ---: |
| baseline: every match ticked | ${baseline.truePositives} | ${baseline.falsePositives} | ${baseline.falseNegatives} | ${two(baseline.precision)} | ${two(baseline.recall)} |
| ranked, strong matches only (≤ 3) | ${ranked.truePositives} | ${ranked.falsePositives} | ${ranked.falseNegatives} | **${two(ranked.precision)}** | **${two(ranked.recall)}** |

Goal precision ≥ ${GOAL.precision} and recall ≥ ${GOAL.recall}: **${met ? 'met' : 'missed'}**. Ranking costs ${two(rankMs)} ms per page
(median over the pages, ${'baseline'} ${two(baselineMs)} ms): ${two(rankMs / baselineMs)}× the baseline. The corpus and the
rules were written by the same team; a page kind the corpus lacks may score lower.

| page | kind | expected | ticked | offered unticked | baseline ticked |
| --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.file} | ${row.kind} | ${list(row.expected)} | ${list(row.ticked)} | ${list(row.offered)} | ${list(row.baseline)} |`).join('\n')}
`;
  writeSection(REPORT, 'suggestions', section);
  console.log(
    `Suggestions: precision ${two(ranked.precision)} (baseline ${two(baseline.precision)}), recall ${two(ranked.recall)} (baseline ${two(baseline.recall)}).`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
