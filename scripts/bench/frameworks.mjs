// `npm run bench` (frameworks): coverage for ISO, SOC 2 and NIST CSF 2.0 at once at 10,000 records against ISO
// alone, same run (scripts/bench/frameworks.run.ts through vitest), then writes its section of docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, summarize, writeSection } from './report.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const GOAL = 1.5;

const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-bench-frameworks-'));
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
        BENCH_RUN_FILE: 'scripts/bench/frameworks.run.ts',
        BENCH_RESULT_FILE: resultFile,
      },
    },
  );
  if (run.status !== 0) throw new Error(`The frameworks coverage run failed (exit ${run.status}).`);
  const { records, result } = JSON.parse(readFileSync(resultFile, 'utf8'));
  const machine = describeMachine();
  const two = (value) => value.toFixed(2);
  const rows = Object.entries(result).map(([shape, samples]) => {
    const iso = summarize(samples.iso);
    const three = summarize(samples.three);
    return { shape, iso, three, ratio: three.median / iso.median };
  });
  const consoles = rows.find((row) => row.shape === 'consoles');
  const met = consoles.ratio <= GOAL;
  const body = `## Coverage in three frameworks at once

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}. The machine was shared (load average ${os.loadavg()[0].toFixed(1)} at the end): absolute times are
noisy, the ratio of alternating runs is the measure.

Node through vitest (\`scripts/bench/frameworks.run.ts\`, not part of \`npm test\`), ${records.toLocaleString('en')} evidence
summaries (70 % ready, 22 % needs review, 8 % superseded, dated over the last 365 days), ${rows[0].iso.runs} runs of each,
alternating, after 20 warm-up runs. **ISO alone** is \`computeCoverage\` (utils/coverage/coverage.ts), what the popup and
the dashboard run today; **three at once** is \`coverageInFrameworks(['iso27001', 'soc2', 'nist-csf'])\`
(utils/crosswalk/framework-coverage.ts): the ISO result identical to computeCoverage's, and SOC 2 and NIST CSF 2.0
derived through the mapping, from one pass over the evidence. Tags: **consoles** = the admin-console sources of
tests/support/seed.ts (the same few sets of tags recur); **random** = 1–3 of the 118 ISO items at random (the worst
case: sets hardly repeat, so each record is counted tag by tag).

| tags | ISO alone median (ms) | p90 | three at once median (ms) | p90 | three / ISO |
|---|---:|---:|---:|---:|---:|
${rows.map((row) => `| ${row.shape} | ${two(row.iso.median)} | ${two(row.iso.p90)} | ${two(row.three.median)} | ${two(row.three.p90)} | ${two(row.ratio)}× |`).join('\n')}

Goal: three frameworks at once within ${GOAL}× of ISO alone at 10,000 records — **${met ? 'met' : 'not met'}**
(${two(consoles.ratio)}× on console-shaped tags).
`;
  writeSection(REPORT, 'frameworks', body);
  console.log(body);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
