import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { startRgw, stopRgw, type LoopbackRgw } from '../support/ceph-rgw';
import { createTestBucket, rgwStore } from '../support/team-bucket';
import { readDatabase, waitForEvidence } from './database.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { mouseClick, pressShortcut } from './gestures.mjs';
import { click, evaluate, openTab, waitFor } from './pages.mjs';

// The team store in Firefox against a real Ceph RGW with Object Lock on loopback: the settings page saves the
// store (asking for its one origin with permissions.request, from a real click), a capture syncs into the
// documented layout, and the Team section pulls and verifies it back.
//
// The host permission: Firefox shows its optional-permission doorhanger, which headless automation cannot
// answer. The profile sets `extensions.webextOptionalPermissionPrompts = false`, Firefox's own switch for its
// test suites: permissions.request is still called by the page and still demands a real user gesture (the
// click below is a trusted BiDi mouse click), and Firefox then grants the origin as if "Allow" was chosen.

const PREFIX = 'firefox-team';
const BUCKET = 'team-evidence';

let rgw: LoopbackRgw | undefined;
let server: FixtureServer | undefined;
let firefox: LaunchedFirefox | undefined;
let installationId = '';

/** Types into a field as a person would: the value, then the input event Preact listens to. */
function fill(testId: string, value: string) {
  const field = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** The origins the add-on holds, as its own page reads them. */
function grantedOrigins() {
  const api = (
    globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }
  ).browser;
  return api.permissions.getAll().then((all) => all.origins ?? []);
}

const text = (testId: string) =>
  document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';

describe('Firefox: configure the team store, capture, sync, pull', () => {
  beforeAll(async () => {
    rgw = await startRgw('firefox-team');
    await createTestBucket(rgwStore(rgw, BUCKET, PREFIX), true);
    server = await startFixtureServer();
    firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  }, 90_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (rgw) stopRgw(rgw);
  });

  it('saves the store in settings: only its origin is granted, and the probe finds it tamper-proof', async () => {
    const ff = firefox!;
    const settings = await openTab(ff, ff.extensionUrl('dashboard.html#settings'));
    await waitFor(ff, settings, () => document.querySelector('[data-testid="team-store-panel"]') !== null);
    for (const [id, value] of [
      ['team-store-endpoint', rgw!.endpoint],
      ['team-store-region', 'us-east-1'],
      ['team-store-bucket', BUCKET],
      ['team-store-prefix', PREFIX],
      ['team-store-accessKeyId', rgw!.accessKeyId],
      ['team-store-secret', rgw!.secretAccessKey],
    ] as const)
      await evaluate(ff, settings, fill, id, value);
    if (
      !(await evaluate(
        ff,
        settings,
        () => document.querySelector<HTMLInputElement>('[data-testid="team-store-pathStyle"]')!.checked,
      ))
    )
      await click(ff, settings, '[data-testid="team-store-pathStyle"]');
    expect(await evaluate(ff, settings, grantedOrigins)).toEqual([]);

    await mouseClick(ff, settings, '[data-testid="team-store-save"]');
    const summary = await waitFor(
      ff,
      settings,
      (id) => {
        const probe = document.querySelector('[data-testid="team-store-probe"]');
        return probe?.getAttribute('data-checked-at')
          ? (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '')
          : '';
      },
      { args: ['team-store-probe-summary'], timeout: 30_000, description: 'the probe' },
    );
    expect(summary).toMatch(
      /^Tamper-proof: Object Lock is on, every object is kept 1 days in COMPLIANCE mode/,
    );
    // Exactly the store's origin was asked for and granted, nothing else.
    const origin = new URL(rgw!.endpoint);
    expect(await evaluate(ff, settings, grantedOrigins)).toEqual([
      `${origin.protocol}//${origin.hostname}/*`,
    ]);
    expect(await evaluate(ff, settings, text, 'team-store-secret-saved')).not.toBe('');
  });

  it('a capture syncs into the documented layout in the bucket', async () => {
    const ff = firefox!;
    await openTab(ff, new URL('backup-jobs.html', server!.url).href);
    await pressShortcut(ff, 'Alt+Shift+E');
    const dump = await waitForEvidence(ff, 1);
    const [record] = dump.evidence;
    const store = rgwStore(rgw!, BUCKET, PREFIX);
    const missing = async () => {
      const now = await readDatabase(ff);
      const keys = (await store.listObjects(`${PREFIX}/`)).objects.map((object) => object.key);
      const found = keys
        .map((key) => /installations\/([^/]+)\/records\/([^/]+)\//.exec(key))
        .find((match) => match?.[2] === record!.id);
      if (!found) return ['the record object'];
      installationId = found[1]!;
      const expected = [
        ...record!.artifacts.map((artifact) => `${PREFIX}/blobs/sha256/${artifact.sha256}`),
        ...now.custody.map(
          (entry) =>
            `${PREFIX}/installations/${installationId}/custody/${String(entry.sequence).padStart(12, '0')}-${entry.hash}.json`,
        ),
      ];
      return expected.filter((key) => !keys.includes(key));
    };
    const deadline = Date.now() + 45_000;
    let left = await missing();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      left = await missing();
    }
    expect(left).toEqual([]);
    // No key was written twice.
    const versions = (await store.listVersions(`${PREFIX}/`)).versions.map((version) => version.key);
    expect(versions.length).toBe(new Set(versions).size);
  });

  it('the Team section pulls it back and verifies it', async () => {
    const ff = firefox!;
    const team = await openTab(ff, ff.extensionUrl('dashboard.html#team'));
    await click(ff, team, '[data-testid="team-pull"]');
    const message = await waitFor(ff, team, text, {
      args: ['team-pull-message'],
      timeout: 30_000,
      description: 'the pull to finish',
    });
    expect(message).toMatch(/^Pull finished: [1-9]\d* new object versions, 1 installation verified again\.$/);
    expect(await evaluate(ff, team, text, 'team-summary')).toMatch(
      /^1 verified evidence record from 1 installation\./,
    );
    expect(await evaluate(ff, team, text, 'team-tampering')).toContain('Nothing failed verification');
    const row = await evaluate(
      ff,
      team,
      (id) =>
        [...document.querySelectorAll(`[data-testid="team-capturers"] tr[data-installation="${id}"] td`)].map(
          (cell) => cell.textContent,
        ),
      installationId,
    );
    expect(row).toEqual([installationId, '1', expect.stringMatching(/^\d+%$/), 'verifies', '0']);
  });
});
