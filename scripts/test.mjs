// `npm test`: unit tests, both builds, the e2e suite in a real Chromium, then the Firefox suite (the add-on
// in headless Firefox, `web-ext lint`, the store packages). Ends with exactly one line, `N passed, N failed`,
// the totals over every suite (CI reads it); exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(tmpdir(), 'isms-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
// The e2e tests record each fault and attack they try here; docs/RELIABILITY.md is written from it.
const reliabilityDir = path.join(reports, 'reliability');
mkdirSync(reliabilityDir);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Runs a vitest suite with the JSON reporter and adds its counts to the totals. */
function suite(name, args, env) {
  const outputFile = path.join(reports, `${name}.json`);
  const status = run(
    bin('vitest'),
    ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`],
    env,
  );
  if (!existsSync(outputFile)) {
    console.error(`\n${name}: vitest wrote no report (exit ${status}); counted as one failure.`);
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  // A file that fails to load has no test results of its own: count it once.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  let failed = report.numFailedTests + brokenFiles.length;
  if (status !== 0 && failed === 0) {
    console.error(`\n${name}: vitest exited with ${status} (unhandled errors?); counted as one failure.`);
    failed = 1;
  }
  totals.passed += report.numPassedTests;
  totals.failed += failed;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

/** A build is no test, but a broken one fails the run; the e2e suite then runs on nothing. */
function build(args) {
  const status = run(bin('wxt'), ['build', ...args]);
  if (status !== 0) {
    console.error(`\nwxt build ${args.join(' ')} failed (exit ${status}); counted as one failure.`);
    totals.failed += 1;
  }
  return status === 0;
}

suite('unit', []);
// The team store against a real Ceph RADOS Gateway on loopback, which the suite starts and stops itself.
suite('store', ['--config', 'vitest.store.config.ts']);
const chromeBuilt = build([]);
const firefoxBuilt = build(['-b', 'firefox']);
// The test build (never packaged) exposes the shortcut/context-menu handler to the gesture test.
const testBuilt = build(['--mode', 'e2e']);
// The e2e suite drives the Chrome build just made.
if (chromeBuilt && testBuilt) {
  suite('e2e', ['--config', 'vitest.e2e.config.ts'], {
    E2E_SKIP_BUILD: '1',
    RELIABILITY_DIR: reliabilityDir,
  });
  if (run(process.execPath, [path.join(root, 'scripts', 'reliability-report.mjs'), reliabilityDir]) !== 0) {
    console.error('\nscripts/reliability-report.mjs failed; counted as one failure.');
    totals.failed += 1;
  }
}
// The Firefox suite drives the Firefox build just made (its packaging test rebuilds both for `npm run zip`).
if (firefoxBuilt) suite('firefox', ['--config', 'vitest.firefox.config.ts'], { E2E_SKIP_BUILD: '1' });

rmSync(reports, { recursive: true, force: true });
if (totals.skipped > 0) console.log(`(${totals.skipped} skipped or todo, counted in neither total)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
