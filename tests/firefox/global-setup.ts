import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { firefoxProblem, REPO_ROOT } from './firefox.mjs';
import { releaseEnvironment } from './release-environment';

/** Builds the Firefox add-on once for the suite (skip with E2E_SKIP_BUILD=1 when it was just built). */
export default function setup(): void {
  const problem = firefoxProblem();
  if (problem) throw new Error(problem);
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: releaseEnvironment(),
  });
}
