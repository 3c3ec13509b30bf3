import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness';

// The README promises a newcomer that `npm start` ends, without a display, with a captured, verified record and an
// exported bundle whose manifest checks out. This runs exactly that script on the suite's build.
describe('npm start without a display', () => {
  it('captures through the popup, verifies the record, exports a bundle and checks its manifest', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--skip-build'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
      timeout: 110_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toContain('running the demo headless');
    expect(output).toMatch(/every SHA-256 matches its stored bytes \(\d+ artifacts\)/);
    expect(output).toMatch(/Custody chain verified: \d+ entries/);
    expect(output).toMatch(/every SHA-256 in manifest-sha256\.txt matches \((\d+) files\)/);
    const zip = /Exported (\S+\.zip)/.exec(output)?.[1];
    expect(zip && existsSync(path.resolve(REPO_ROOT, zip)), output).toBe(true);
  });
});
