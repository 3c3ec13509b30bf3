import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  artifactBytes,
  captureFromPopup,
  clickToolbarButton,
  EXTENSION_DIR,
  launchExtension,
  openBackgroundPage,
  openTab,
  readDatabase,
  REPO_ROOT,
  startFixtureServer,
  utf8,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';
import { writePolicyFile, type PolicyFile } from './policy-file';

/** Debian's Chromium reads mandatory policy from here (Google Chrome: /etc/opt/chrome/policies/managed). */
const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * The ID Chromium gives an unpacked extension without a `key`: the SHA-256 of its absolute path,
 * first 32 hex digits, each digit 0–f written as a letter a–p.
 */
function unpackedExtensionId(directory: string): string {
  const hex = createHash('sha256').update(path.resolve(directory)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

describe('organisation-wide settings by browser policy (Chromium, mandatory policy file)', () => {
  it('applies the documented example policy: the organisation shows as locked and is in a capture’s metadata', async () => {
    // A copy at a unique path: a unique extension ID, so the policy touches no other Chromium on this machine.
    const extensionDir = await mkdtemp(path.join(tmpdir(), 'isms-policy-extension-'));
    await cp(EXTENSION_DIR, extensionDir, { recursive: true });
    const extensionId = unpackedExtensionId(extensionDir);
    const example = JSON.parse(
      await readFile(path.join(REPO_ROOT, 'docs/deployment/chrome-policy.json'), 'utf8'),
    ) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
    const values = example['3rdparty'].extensions['<extension-id>']!;
    const policyName = `isms-evidence-collector-e2e-${extensionId}.json`;
    let policyFile: PolicyFile | undefined;
    const server = await startFixtureServer();
    let extension: Awaited<ReturnType<typeof launchExtension>> | undefined;
    try {
      policyFile = await writePolicyFile(POLICY_DIR, policyName, {
        '3rdparty': { extensions: { [extensionId]: values } },
      });
      extension = await launchExtension({ extensionDir });
      // The ID computed from the path is the one Chromium gave (read from the service worker's URL).
      expect(extension.extensionId).toBe(extensionId);

      // By effect: the extension's managed storage holds the policy's values.
      const worker = await extension.serviceWorker();
      const managed = await worker.evaluate('chrome.storage.managed.get(null)');
      expect(managed).toMatchObject({
        organisation: 'Northwind Finance Ltd',
        locked: ['organisation', 'maskingEnabled'],
      });

      const dashboard = await openBackgroundPage(
        extension,
        `chrome-extension://${extensionId}/dashboard.html#settings`,
      );
      const organisation = dashboard.getByTestId('settings-organisation');
      await expect.poll(() => organisation.inputValue()).toBe('Northwind Finance Ltd');
      expect(await organisation.isDisabled()).toBe(true);
      expect(await dashboard.getByTestId('organisation-managed').textContent()).toBe(
        'Set by your organisation (cannot be changed here)',
      );
      expect(await dashboard.getByTestId('settings-masking-enabled').isChecked()).toBe(true);
      expect(await dashboard.getByTestId('settings-masking-enabled').isDisabled()).toBe(true);
      expect(await dashboard.locator('[data-rule-id="policy:employee-id"]').count()).toBe(1);
      expect(await dashboard.getByTestId('managed-mapping-rules').textContent()).toContain('*veeam*/jobs*');
      // The policy switches the generic high-entropy pattern off.
      expect(await dashboard.getByTestId('rule-enabled-high-entropy-secret').isChecked()).toBe(false);

      // The background refuses a locked value whatever the page does.
      const refused = await dashboard.evaluate(
        `chrome.runtime.sendMessage(${JSON.stringify({
          type: 'saveSettings',
          payload: { capturer: 'Mallory', organisation: 'Rogue Ltd' },
        })})`,
      );
      expect(refused).toEqual({
        ok: false,
        error:
          'Not saved: your organisation sets the organisation (set to “Northwind Finance Ltd”) by policy, and it cannot be changed here.',
      });
      await dashboard.getByTestId('settings-capturer').fill('Alice Admin');
      await dashboard.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => dashboard.getByRole('status').first().textContent()).toBe('Settings saved.');
      await dashboard.close();

      // A capture carries the organisation, the user's own name, and masking as the policy keeps it on.
      const page = await openTab(extension.context, new URL('access-review.html', server.url).href);
      const popup = await clickToolbarButton(extension, page);
      expect(await captureFromPopup(popup, 60_000)).toEqual({ outcome: 'tagging' });
      await popup.close();
      const dump = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs: true });
      const record = dump.evidence.at(-1)!;
      expect(record.capturer).toBe('Alice Admin');
      const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as {
        organisation?: string;
        capturer: string;
        masking?: { enabled: boolean; rules: { ruleId: string }[] };
      };
      expect(metadata.organisation).toBe('Northwind Finance Ltd');
      expect(metadata.masking?.enabled).toBe(true);
      const ruleIds = metadata.masking!.rules.map((rule) => rule.ruleId);
      expect(ruleIds).toContain('policy:employee-id');
      expect(ruleIds).not.toContain('high-entropy-secret');
      await page.close();
    } finally {
      await extension?.close();
      await server.close();
      await policyFile?.remove();
      await rm(extensionDir, { recursive: true, force: true });
    }
    expect(existsSync(path.join(POLICY_DIR, policyName))).toBe(false);
  });
});
