import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness';

// The README promises a newcomer that `npm start` ends, without a display, with a captured, verified record and an
// exported bundle whose manifest checks out. This runs exactly that script on the suite's build.
describe('npm start without a display', () => {
  it('seeds a risk register shown in the traceability view, captures through the popup, verifies the record, exports a bundle and checks its manifest', () => {
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
    // The seeded register fills the dashboard's traceability view; the seeded documents cover some cells.
    expect(output).toContain('a risk register of 10 IT-operations risks');
    const trace = /Traceability view: (\d+) risks \(([^)]*)\), (\d+) covered cells/.exec(output);
    expect(trace?.[1], output).toBe('10');
    expect(trace?.[2]?.split(', ').sort()).toEqual(
      ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-8', 'R-9', 'R-10'].sort(),
    );
    expect(Number(trace?.[3])).toBeGreaterThanOrEqual(1);
    expect(output).toMatch(/R-1 × A\.8\.13: covered, newest evidence \d{4}-\d{2}-\d{2}/);
    expect(output).toMatch(/R-2 × A\.5\.18: covered/);
    const zip = /Exported (\S+\.zip)/.exec(output)?.[1];
    expect(zip && existsSync(path.resolve(REPO_ROOT, zip)), output).toBe(true);
  });
});
