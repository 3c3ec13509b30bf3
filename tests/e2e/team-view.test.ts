import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5, toBase64 } from '../../utils/team-store/md5';
import { startRgw, stopRgw, type LoopbackRgw } from '../support/ceph-rgw';
import {
  launchExtension,
  readPageTable,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
} from './harness';
import { recordOutcome } from './reliability';
import { teamStoreSteps, type TeamStoreSteps } from './team-store';

// The compliance lead's side of the team store: two admins (two browser profiles) capture and sync to a
// loopback Ceph RGW with Object Lock; a third profile sets the store up through the settings page, pulls, sees
// team coverage with both capturers, exports a team bundle that stock sha256sum verifies, and is told when an
// object in the store is changed behind everyone's back (a new version of a record key written through S3).

const PREFIX = 'northwind';
const BUCKET = 'team-evidence';
const ADMINS = [
  { name: 'Ana Admin', file: 'access-review.html', notes: 'Ana: quarterly access review' },
  { name: 'Ben Admin', file: 'backup-jobs.html', notes: 'Ben: nightly backup jobs' },
];

let rgw: LoopbackRgw | undefined;
let server: FixtureServer | undefined;
let dir: string | undefined;
let steps: TeamStoreSteps;
const profiles: LaunchedExtension[] = [];
const synced: { name: string; installationId: string; evidenceId: string; controls: string[] }[] = [];
/** A control neither admin's capture claims: the forged record below claims it. */
const FORGED_CONTROL = 'A.7.4';
let lead: LaunchedExtension;
let team: Page;

async function pull(page: Page): Promise<string> {
  const message = page.getByTestId('team-pull-message');
  const before = (await message.count()) > 0 ? await message.textContent() : null;
  await page.getByTestId('team-pull').click();
  await expect.poll(async () => (await message.count()) > 0 && (await message.textContent()) !== before, {
    timeout: 30_000,
  });
  await expect.poll(() => page.getByTestId('team-pull').isEnabled()).toBe(true);
  return (await message.textContent()) ?? '';
}

/** A control's status in the team coverage grid. */
function gridStatus(controlId: string): Promise<string | null> {
  return team
    .locator(`[aria-labelledby="team-coverage-heading"] [data-control-id="${controlId}"]`)
    .getAttribute('data-status');
}

describe('the team view against a real Ceph RGW with Object Lock', () => {
  beforeAll(async () => {
    rgw = await startRgw('e2e-team-view');
    server = await startFixtureServer();
    steps = teamStoreSteps(rgw, server, PREFIX);
    await steps.createBucket(BUCKET, true);
    dir = await mkdtemp(path.join(tmpdir(), 'isms-team-view-'));
  }, 60_000);

  afterAll(async () => {
    for (const profile of profiles) await profile.close().catch(() => undefined);
    await server?.close();
    if (rgw) stopRgw(rgw);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('two admins, each in their own profile, capture and sync', async () => {
    for (const admin of ADMINS) {
      const extension = await launchExtension();
      profiles.push(extension);
      await steps.nameCapturer(extension, admin.name);
      await steps.allowSite(extension);
      const settings = await steps.openSettings(extension);
      expect(await steps.configure(settings, BUCKET)).toMatch(/^Tamper-proof/);
      await settings.close();
      await steps.capture(extension, admin.file, admin.notes);
      await steps.waitForSynced(extension, BUCKET);
      const installationId = await steps.installationOf(extension, BUCKET);
      const { dump } = await steps.expectedKeys(extension, installationId);
      expect(dump.evidence).toHaveLength(1);
      const [record] = dump.evidence;
      expect(record!.controls.length, 'the capture is tagged with the suggested controls').toBeGreaterThan(0);
      expect(record!.controls).not.toContain(FORGED_CONTROL);
      synced.push({ name: admin.name, installationId, evidenceId: record!.id, controls: record!.controls });
      // The library shows where the record is, and the delete dialog says what a delete cannot undo there.
      const library = await extension.context.newPage();
      await library.goto(`chrome-extension://${extension.extensionId}/dashboard.html#evidence/${record!.id}`);
      const state = library.getByTestId('record-sync-state');
      await state.waitFor();
      const sentence = /^In the team store \(revision (\d+)\)\. Object version IDs:$/.exec(
        (await state.textContent()) ?? '',
      );
      expect(sentence, 'the record is in the team store').not.toBeNull();
      const recordKey = `${PREFIX}/installations/${installationId}/records/${record!.id}/${sentence![1]}.json`;
      const versions = await steps.s3(BUCKET).listVersions(recordKey);
      await library.getByTestId('record-sync').locator('summary').click();
      expect(await library.getByTestId('record-sync-versions').textContent()).toContain(
        `${recordKey} ${versions.versions[0]!.versionId}`,
      );
      await library.getByTestId('delete-form').locator('xpath=ancestor::details').locator('summary').click();
      expect(await library.getByTestId('delete-team-store-warning').textContent()).toContain(
        'stay in the store until its retention period ends',
      );
      await library.close();
      // The admin's work is in the store; the profile is no longer needed (one browser less on the machine).
      await extension.close();
    }
    expect(synced[0]!.installationId).not.toBe(synced[1]!.installationId);
  });

  it('the lead sets the store up in settings, pulls, and sees team coverage with both capturers', async () => {
    lead = await launchExtension();
    profiles.push(lead);
    await steps.nameCapturer(lead, 'Lee Lead');
    await steps.allowSite(lead);
    team = await steps.openSettings(lead);
    expect(await steps.configure(team, BUCKET)).toMatch(/^Tamper-proof/);
    await team.goto(`chrome-extension://${lead.extensionId}/dashboard.html#team`);
    await team.getByTestId('team-view').waitFor();
    expect(await team.getByText('Nothing pulled yet.').count()).toBe(1);

    expect(await pull(team)).toMatch(
      /^Pull finished: \d+ new object versions, \d installations? verified again\.$/,
    );
    expect(await team.getByTestId('team-summary').textContent()).toMatch(
      /^2 verified evidence records from [23] installations\./,
    );
    expect(await team.getByTestId('team-tampering').textContent()).toContain('Nothing failed verification');

    const capturers = await readPageTable(team, '[data-testid="team-capturers"]');
    expect(capturers.header).toEqual([
      'Capturer',
      'Installation',
      'Verified records',
      'Controls covered',
      'Custody chain',
      'Findings',
    ]);
    for (const admin of synced) {
      const row = capturers.rows.find((cells) => cells[1] === admin.installationId);
      expect(row, admin.name).toBeDefined();
      expect(row![0]).toBe(admin.name);
      expect(row![2]).toBe('1');
      expect(row![3]).toMatch(/^\d+%$/);
      expect(row!.slice(4)).toEqual(['verifies', '0']);
    }

    const library = await readPageTable(team, '[data-testid="team-library"]');
    expect(library.rows.map((cells) => [cells[0], cells[2]]).sort()).toEqual(
      synced.map((admin) => [admin.evidenceId, admin.name]).sort(),
    );
    // Team coverage is the union of both admins' captures: every control either one tagged is fresh.
    for (const control of synced.flatMap((admin) => admin.controls))
      expect(await gridStatus(control), control).toMatch(/^(covered|due-soon)$/);
    expect(await gridStatus(FORGED_CONTROL)).toBe('missing');
  });

  it('exports a team bundle that stock sha256sum -c verifies, with each installation’s chain', async () => {
    const [download] = await Promise.all([
      team.waitForEvent('download', { timeout: 30_000 }),
      team.getByTestId('team-export').click(),
    ]);
    const zipPath = path.join(dir!, download.suggestedFilename());
    await download.saveAs(zipPath);
    await team.getByTestId('team-export-message').filter({ hasText: '2 evidence records' }).waitFor();
    const extracted = path.join(dir!, 'bundle');
    execFileSync('unzip', ['-q', zipPath, '-d', extracted]);
    const [root] = await readdir(extracted);
    const bag = path.join(extracted, root!);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], {
      cwd: bag,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    for (const admin of synced) {
      expect(check.stdout).toContain(`data/team/${admin.installationId}/custody-log.jsonl: OK`);
      const chain = (
        await readFile(path.join(bag, `data/team/${admin.installationId}/custody-log.jsonl`), 'utf8')
      )
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { sequence: number; evidenceId: string | null });
      expect(chain.map((entry) => entry.sequence)).toEqual(chain.map((_, index) => index + 1));
      expect(chain.some((entry) => entry.evidenceId === admin.evidenceId)).toBe(true);
    }
    const register = await readFile(path.join(bag, 'data/register.csv'), 'utf8');
    for (const admin of synced) {
      expect(register).toContain(admin.evidenceId);
      expect(register).toContain(admin.name);
    }
  });

  it('reports a record key given a new version through S3, and leaves that record out', async () => {
    const ana = synced[0]!;
    const key = `${PREFIX}/installations/${ana.installationId}/records/${ana.evidenceId}/1.json`;
    const store = steps.s3(BUCKET);
    const original = JSON.parse(new TextDecoder().decode(await store.getObject(key))) as {
      record: { controls: string[]; capturer: string };
    };
    // Someone with write access to the bucket rewrites history: the record now claims more controls.
    original.record.controls = [...original.record.controls, FORGED_CONTROL];
    const forged = new TextEncoder().encode(JSON.stringify(original));
    const written = await store.request(
      'PUT',
      key,
      '',
      { 'content-type': 'application/json', 'content-md5': toBase64(md5(forged)) },
      forged,
    );
    expect(written.status).toBe(200);
    expect((await store.listVersions(key)).versions).toHaveLength(2);

    expect(await pull(team)).toMatch(/^Pull finished: [1-9]\d* new object versions/);
    const findings = team.getByTestId('team-tampering');
    expect(await findings.getByRole('alert').textContent()).toMatch(/^[1-9]\d* findings?\./);
    const forgedFinding = findings.locator('li[data-kind="conflicting-versions"]');
    expect(await forgedFinding.count()).toBe(1);
    expect(await forgedFinding.locator('code').textContent()).toBe(key);
    expect(await team.getByTestId('team-summary').textContent()).toMatch(
      /^1 verified evidence record from [23] installations\. 1 record is left out because verification failed/,
    );
    const library = await readPageTable(team, '[data-testid="team-library"]');
    expect(library.rows.map((cells) => cells[0])).toEqual([synced[1]!.evidenceId]);
    const capturers = await readPageTable(team, '[data-testid="team-capturers"]');
    const anaRow = capturers.rows.find((cells) => cells[1] === ana.installationId);
    expect(Number(anaRow?.[5])).toBeGreaterThan(0);
    // What the forged version claims is not merged into team coverage.
    expect(await gridStatus(FORGED_CONTROL)).toBe('missing');
    recordOutcome('team-store-forged-version', {
      observed: `reported as conflicting versions at ${key.split('/').slice(-2).join('/')}; the record left out, ${FORGED_CONTROL} still missing; the other admin's record still verified`,
      evidenceLost: 0,
    });
  });
});
