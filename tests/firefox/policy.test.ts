import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { FIREFOX_PATH, launchFirefox, REPO_ROOT, type LaunchedFirefox } from './firefox.mjs';
import { evaluate, openTab, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { waitForEvidence } from './database.mjs';

/**
 * Firefox reads enterprise policy from `distribution/policies.json` beside its binary (and, where the build
 * allows, /etc/firefox/policies/). The documented example goes there for this test; whatever was there
 * before is put back afterwards.
 */
const POLICY_FILE = path.join(path.dirname(FIREFOX_PATH), 'distribution', 'policies.json');
const BACKUP = `${POLICY_FILE}.isms-test-backup`;

describe('organisation-wide settings by Firefox policy (the documented policies.json)', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox | undefined;
  let hadPolicy = false;

  beforeAll(async () => {
    hadPolicy = existsSync(POLICY_FILE);
    if (hadPolicy) await rename(POLICY_FILE, BACKUP);
    await mkdir(path.dirname(POLICY_FILE), { recursive: true });
    await writeFile(
      POLICY_FILE,
      await readFile(path.join(REPO_ROOT, 'docs/deployment/firefox-policies.json')),
    );
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    await rm(POLICY_FILE, { force: true });
    if (hadPolicy) await rename(BACKUP, POLICY_FILE);
  });

  it('gives the add-on the managed values, shown as set by the organisation and locked', async () => {
    const settings = await openTab(firefox!, firefox!.extensionUrl('dashboard.html#settings'));
    const managed = await evaluate(firefox!, settings, () =>
      (
        globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }
      ).browser.storage.managed.get(),
    );
    expect(managed).toMatchObject({
      organisation: 'Northwind Finance Ltd',
      locked: ['organisation', 'maskingEnabled'],
    });
    const field = await waitFor(
      firefox!,
      settings,
      () => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="settings-organisation"]');
        return input?.value ? { value: input.value, disabled: input.disabled } : null;
      },
      { description: 'the organisation field' },
    );
    expect(field).toEqual({ value: 'Northwind Finance Ltd', disabled: true });
    expect(
      await evaluate(
        firefox!,
        settings,
        () => document.querySelector('[data-testid="organisation-managed"]')?.textContent,
      ),
    ).toBe('Set by your organisation (cannot be changed here)');
    const masking = await evaluate(firefox!, settings, () => {
      const box = document.querySelector<HTMLInputElement>('[data-testid="settings-masking-enabled"]');
      return { checked: box?.checked, disabled: box?.disabled };
    });
    expect(masking).toEqual({ checked: true, disabled: true });
  });

  it('stamps the organisation into a capture and masks with the policy’s rules', async () => {
    await openTab(firefox!, new URL('access-review.html', server.url).href);
    await pressShortcut(firefox!, 'Alt+Shift+E');
    const dump = await waitForEvidence(firefox!, 1);
    const record = dump.evidence.at(-1)!;
    const artifact = record.artifacts.find((item) => item.name === 'metadata.json')!;
    const metadata = JSON.parse(new TextDecoder().decode(dump.blobs.get(artifact.blobKey)!.bytes!)) as {
      organisation?: string;
      masking?: { enabled: boolean; rules: { ruleId: string }[] };
    };
    expect(metadata.organisation).toBe('Northwind Finance Ltd');
    expect(metadata.masking?.enabled).toBe(true);
    const ruleIds = metadata.masking!.rules.map((rule) => rule.ruleId);
    expect(ruleIds).toContain('policy:employee-id');
    expect(ruleIds).not.toContain('high-entropy-secret');
  });
});
