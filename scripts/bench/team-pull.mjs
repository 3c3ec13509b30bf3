// `npm run bench` (team-pull): the compliance lead's pull of a team store against a loopback Ceph RGW 16
// (scripts/bench/team-pull.run.ts through vitest, the extension's pull, verification and cache code in Node),
// then writes its section of docs/BENCHMARKS.md. Size with BENCH_TEAM_INSTALLATIONS × BENCH_TEAM_RECORDS
// (default 20 × 500). Run it (or `npm run bench`) under `flock /tmp/isms-e2e.lock`: it starts an RGW.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, writeSection } from './report.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const GOAL = { records: 200_000, pullSeconds: 60, viewMs: 300 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-bench-team-pull-'));
try {
  const resultFile = path.join(dir, 'result.json');
  const vitest = path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest');
  const run = spawnSync(vitest, ['run', '--config', 'scripts/bench/vitest.bench.config.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RUN_FILE: 'scripts/bench/team-pull.run.ts', BENCH_TEAM_OUT: resultFile },
  });
  if (run.status !== 0) throw new Error(`The team pull run failed (exit ${run.status}).`);
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  const machine = describeMachine();
  const n = (value) => Math.round(value).toLocaleString('en-US');
  const s = (value) => `${value.toFixed(1)} s`;
  const measuredAtGoal = r.records >= GOAL.records;
  const pullMet = measuredAtGoal && r.pullVerifyCoverageSeconds <= GOAL.pullSeconds;
  const section = `
## Team pull: pull + verify + team coverage against a real Ceph RGW

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores, shared), ${machine.memory} memory,
${machine.os}, Node ${machine.node}. Loopback Ceph RGW 16 (tests/support/ceph-rgw.sh: one memstore OSD), the
extension's pull, verification and cache code (utils/team-store/pull.ts, team-verify.ts, storage/team-cache.ts)
in Node on fake-indexeddb, ${r.concurrency} GETs in flight. ${n(r.installations)} installations × ${n(r.records / r.installations)} records = ${n(r.records)} records,
each one small blob, one custody entry and one record object (${n(r.objects)} objects), seeded straight through S3.

| step | measured |
| --- | ---: |
| seeding: ${n(r.objects)} PUTs, 32 in flight | ${s(r.seedSeconds)} (${n(r.seedObjectsPerSecond)} objects/s) |
| baseline: the engine's GET rate, ${n(r.rawGets)} blob GETs and nothing else | ${s(r.rawGetSeconds)} (**${n(r.rawGetsPerSecond)} GETs/s**) |
| baseline: plain ListObjectVersions of ${n(r.listedVersions)} versions | ${s(r.baselineListingSeconds)} |
| **pull + verify + team coverage** (${n(r.pulledVersions)} version GETs, ${n(r.blobsFetched)} blob GETs, every check) | **${s(r.pullVerifyCoverageSeconds)}** (${n(r.pullObjectsPerSecond)} objects/s, ${n(r.recordsPerSecond)} records/s) |
| a second pull with nothing new (${n(r.noChangeFetched)} fetched) | ${s(r.noChangePullSeconds)} |
| team coverage afterwards (read digests + coverage, Node) | ${r.teamCoverageViewMs.toFixed(0)} ms |

Verified records: ${n(r.verifiedRecords)}, findings: ${r.findings}. Daemons' resident memory after the run: ${Object.entries(
    r.daemonRssMiB,
  )
    .map(([name, mib]) => `${name} ${mib} MiB`)
    .join(', ')}.

Pull / engine GET rate: **${(r.pullObjectsPerSecond / r.rawGetsPerSecond).toFixed(2)}×** — the pull reads every object once and
spends the rest of its time in the engine. ${
    measuredAtGoal
      ? `Goal ${n(GOAL.records)} records in ≤ ${GOAL.pullSeconds} s: **${pullMet ? 'met' : 'missed'}**.`
      : `**Not measured at ${n(GOAL.records)} records.** Extrapolated linearly, a first pull of ${n(GOAL.records)} records takes
about ${n(r.extrapolated200kSeconds)} s; even an ideal client is bound by the engine: ${n(GOAL.records * (r.objects / r.records))} objects at
${n(r.rawGetsPerSecond)} GETs/s is ${n(r.engineFloor200kSeconds)} s. Goal ≤ ${GOAL.pullSeconds} s: **missed** on this engine and machine — it would
need ${n((GOAL.records * (r.objects / r.records)) / GOAL.pullSeconds)} GETs/s.`
  }
`;
  writeSection(REPORT, 'team-pull', section);
  console.log(section);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
