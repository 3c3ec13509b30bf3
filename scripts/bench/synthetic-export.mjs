// `npm run bench` (synthetic): a many-file, multi-GiB export with the bundle writer in Node, checked by
// readers other than the writer. Runs scripts/bench/synthetic-export.run.ts through vitest with its
// own config (never part of `npm test`), then `unzip -t` and Python's zipfile testzip() on the zip,
// writes its section of docs/BENCHMARKS.md and deletes every file it made.
// BENCH_SYNTHETIC_FILES (default 70,000 entries) and BENCH_SYNTHETIC_GIB (default 5) size the run.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { describeMachine, writeSection } from './report.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const FILES = Number(process.env.BENCH_SYNTHETIC_FILES ?? 70_000);
const GIB = Number(process.env.BENCH_SYNTHETIC_GIB ?? 5);
const BYTES = Math.round(GIB * 1024 ** 3);
const MB = 1e6;

function timed(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** True when the zip ends with a ZIP64 end-of-central-directory record and locator. */
function hasZip64End(file) {
  const size = statSync(file).size;
  const length = Math.min(size, 128 * 1024);
  const tail = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tail, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return (
    tail.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])) &&
    tail.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))
  );
}

const PYTHON_CHECK = `
import json, sys, time, zipfile
started = time.time()
with zipfile.ZipFile(sys.argv[1]) as z:
    infos = z.infolist()
    bad = z.testzip()
    print(json.dumps({'entries': len(infos), 'bad': bad, 'bytes': sum(i.file_size for i in infos),
                      'seconds': time.time() - started}))
`;

const free = Number(
  spawnSync('df', ['--output=avail', '-B1', os.tmpdir()], { encoding: 'utf8' }).stdout.split('\n')[1],
);
if (free && free < BYTES * 1.3) {
  console.error(
    `Not enough space in ${os.tmpdir()} for a ${GIB} GiB zip (${(free / 1024 ** 3).toFixed(1)} GiB free).`,
  );
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-bench-synthetic-'));
try {
  console.log(`Synthetic export: ${FILES} entries, ${GIB} GiB, into ${dir}…`);
  const run = spawnSync(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'scripts/bench/vitest.bench.config.ts'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_SYNTHETIC_DIR: dir,
        BENCH_SYNTHETIC_FILES: String(FILES),
        BENCH_SYNTHETIC_BYTES: String(BYTES),
      },
    },
  );
  if (run.status !== 0) throw new Error(`The synthetic export run failed (exit ${run.status}).`);
  const result = JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'));

  console.log('unzip -t …');
  const unzip = timed('unzip', ['-tq', result.zipPath]);
  const unzipOk = unzip.status === 0 && /No errors detected/.test(unzip.stdout);
  console.log('python3 zipfile testzip() …');
  const python = timed('python3', ['-c', PYTHON_CHECK, result.zipPath]);
  const py = python.status === 0 ? JSON.parse(python.stdout) : null;
  const pythonOk = py !== null && py.bad === null && py.entries === result.entries;
  const zip64 = hasZip64End(result.zipPath);
  const needsZip64 = result.entries > 65_535 || result.zipBytes > 0xffffffff;

  const machine = describeMachine(process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', 'not used');
  const throughput = result.zipBytes / MB / result.seconds;
  const gib = (bytes) => (bytes / 1024 ** 3).toFixed(2);
  const section = `
## Synthetic export: many files, several GiB (bundle writer in Node)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}. \`writeBundle\` (utils/bundle/writer.ts) run in Node through vitest
(\`scripts/bench/vitest.bench.config.ts\`, not part of \`npm test\`), streaming into a file on disk.
Evidence: ${result.evidenceCount.toLocaleString('en')} records of original.png + stamped.png (incompressible, PNG
signature; a pool of 64 distinct blobs, so they are hashed once up front) + text.txt, and the writer's record.json.

| | value |
|---|---:|
| zip entries | ${result.entries.toLocaleString('en')} |
| payload | ${gib(result.payloadBytes)} GiB in ${result.payloadFiles.toLocaleString('en')} files |
| zip size | ${gib(result.zipBytes)} GiB (${result.zipBytes.toLocaleString('en')} bytes) |
| write time | ${result.seconds.toFixed(1)} s |
| throughput | ${throughput.toFixed(1)} MB/s |
| Node RSS before → peak | ${(result.memoryBefore.rss / MB).toFixed(0)} → ${(result.memoryPeak.rss / MB).toFixed(0)} MB |
| V8 heap used, before → peak | ${(result.memoryBefore.heapUsed / MB).toFixed(0)} → ${(result.memoryPeak.heapUsed / MB).toFixed(0)} MB |
| ArrayBuffers, before → peak | ${(result.memoryBefore.arrayBuffers / MB).toFixed(0)} → ${(result.memoryPeak.arrayBuffers / MB).toFixed(0)} MB |
| ZIP64 end records present | ${zip64 ? 'yes' : 'no'} (${needsZip64 ? 'needed: over 65,535 entries or 4 GiB' : 'not needed at this size'}) |
| \`unzip -t\` (Info-ZIP) | ${unzipOk ? '**no errors**' : `**failed** (exit ${unzip.status}): ${(unzip.stdout + unzip.stderr).trim().split('\n').slice(-3).join(' / ')}`}, ${unzip.seconds.toFixed(1)} s |
| Python \`zipfile\` testzip() | ${pythonOk ? `**no errors**, ${py.entries.toLocaleString('en')} entries read` : `**failed**: ${py ? `bad entry ${py.bad}, ${py.entries} entries` : python.stderr.trim().split('\n').at(-1)}`}, ${python.seconds.toFixed(1)} s |

Valid under both readers: **${unzipOk && pythonOk && (zip64 || !needsZip64) ? 'yes' : 'no'}**.${
    FILES < 70_000 || GIB < 5
      ? ` Sized down from the goal (70,000 files, 5 GiB) for this run: ${FILES.toLocaleString('en')} entries, ${GIB} GiB.`
      : ''
  }
`;
  writeSection(REPORT, 'synthetic-export', section);
  console.log(section);
  if (!(unzipOk && pythonOk)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
