import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  EXTENSION_DIR,
  launchExtension,
  openTab,
  popupTab,
  readDatabase,
  REPO_ROOT,
  startFixtureServer,
  verifyArtifacts,
  verifyCustodyChain,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';

// Headless Chromium cannot press a keyboard shortcut or open a context menu. The test build
// (`wxt build --mode e2e`) exposes the one handler both listeners call; production builds do not.
const TEST_BUILD_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3-e2e');

type HookedWorker = {
  handleCaptureTrigger: (request: { tabId: number; trigger: string }) => Promise<void>;
};

describe('keyboard command and context-menu captures', () => {
  let server: FixtureServer;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchExtension({ extensionDir: TEST_BUILD_DIR });
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('ships no test hook in the production build', () => {
    const background = readFileSync(path.join(EXTENSION_DIR, 'background.js'), 'utf8');
    expect(background).not.toContain('handleCaptureTrigger');
    expect(readFileSync(path.join(TEST_BUILD_DIR, 'background.js'), 'utf8')).toContain(
      'handleCaptureTrigger',
    );
  });

  it.each(['command', 'context-menu'])('stores a %s capture at once, marked for review', async (trigger) => {
    const page = await openTab(extension.context, new URL('backup-jobs.html', server.url).href);
    const popup = await clickToolbarButton(extension, page); // grants activeTab, as the gesture would
    const { tabId } = await popupTab(popup);
    await popup.close();
    const before = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension);
    const worker = await extension.serviceWorker();
    await worker.evaluate(
      ({ id, how }) => (self as unknown as HookedWorker).handleCaptureTrigger({ tabId: id, trigger: how }),
      { id: tabId, how: trigger },
    );
    const after = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs: true });
    const added = after.evidence.filter((record) => !before.evidence.some((old) => old.id === record.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ status: 'needs-review', url: page.url() });
    expect(added[0]!.controls).toContain('A.8.13');
    const capture = after.custody.find(
      (entry) => entry.event === 'capture' && entry.evidenceId === added[0]!.id,
    );
    expect(capture?.details).toMatchObject({ trigger });
    expect(verifyArtifacts(added[0]!, after.blobs)).toEqual([]);
    expect(verifyCustodyChain(after.custody)).toEqual([]);
    await page.close();
  });
});
