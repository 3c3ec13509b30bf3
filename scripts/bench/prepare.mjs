// Every benchmark starts the same way: Chromium must be there, and the extension built (unless the caller,
// `npm run bench`, already built it and says so with BENCH_SKIP_BUILD=1).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromiumProblem, REPO_ROOT } from '../../tests/e2e/chromium.mjs';

/** Exits with the reason when Chromium is missing or the build fails. */
export function prepareBenchmark() {
  const problem = chromiumProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const build = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}
