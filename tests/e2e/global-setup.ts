import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { releaseEnvironment } from '../firefox/release-environment';
import { chromiumProblem, REPO_ROOT } from './chromium.mjs';

/**
 * Builds the Chrome extension once for the whole e2e run (skip with E2E_SKIP_BUILD=1): the production
 * build, the test build (`--mode e2e`, in .output/chrome-mv3-e2e) for the gesture test only, and the Firefox
 * build the store-listing test reads.
 */
export default function setup(): void {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  if (process.env.E2E_SKIP_BUILD === '1') return;
  for (const args of [['build'], ['build', '--mode', 'e2e'], ['build', '-b', 'firefox']]) {
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), args, {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      // Built as released: vitest's NODE_ENV=test would bundle Preact's development JSX instead.
      env: releaseEnvironment(),
    });
  }
}
