import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  openTab,
  popupTab,
  readDatabase,
  REPO_ROOT,
  saveTagging,
  startFixtureServer,
  verifyArtifacts,
  verifyCustodyChain,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';
import { recordOutcome } from './reliability';

// The test build, for its one hook (handleCaptureTrigger, see gesture.test.ts): two captures must start
// at the same moment, and a popup closes when another window takes the focus.
const TEST_BUILD_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3-e2e');
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

type HookedWorker = {
  handleCaptureTrigger: (request: { tabId: number; trigger: string }) => Promise<void>;
};

describe('clock and concurrency faults', () => {
  let server: FixtureServer;
  let extension: LaunchedExtension;
  const read = () => readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs: true });

  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchExtension({ extensionDir: TEST_BUILD_DIR });
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('keeps the sequence and flags the anomaly when the clock moves backwards between captures', async () => {
    const page = await openTab(extension.context, new URL('ticket.html', server.url).href);
    let popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Captured with the clock right.' });
    await popup.close();

    // The worker's clock goes back a day, as after a wrong NTP step or a manual change: every
    // `new Date()` and `Date.now()` in the background reads a day earlier. No hook in the extension.
    const worker = await extension.serviceWorker();
    await worker.evaluate((shiftMs) => {
      const RealDate = Date;
      class ShiftedDate extends RealDate {
        constructor(...args: [] | [string | number | Date]) {
          super(args.length === 0 ? RealDate.now() + shiftMs : args[0]);
        }
        static override now() {
          return RealDate.now() + shiftMs;
        }
      }
      globalThis.Date = ShiftedDate as DateConstructor;
    }, -ONE_DAY_MS);
    popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.close();
    await page.close();

    const dump = await read();
    const [first, second] = [...dump.evidence].sort((a, b) => a.sequence - b.sequence);
    expect([first!.sequence, second!.sequence]).toEqual([1, 2]);
    expect(second!.capturedAt < first!.capturedAt).toBe(true);
    const anomaly = dump.custody.find((entry) => entry.event === 'clock-anomaly');
    expect(anomaly).toMatchObject({ evidenceId: second!.id });
    expect(anomaly!.details).toMatchObject({ capturedAt: second!.capturedAt });
    const order = dump.custody.map((entry) => entry.event);
    expect(order.indexOf('clock-anomaly')).toBeGreaterThan(order.indexOf('capture'));
    for (const record of dump.evidence) expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    await worker.evaluate(() => {
      globalThis.Date = Object.getPrototypeOf(Date) as DateConstructor;
    });

    recordOutcome('clock-backwards', {
      observed: `sequences 1, 2 in commit order; capture 2 dated ${second!.capturedAt.slice(0, 10)} < ${first!.capturedAt.slice(0, 10)}; clock-anomaly logged; chain verifies`,
      evidenceLost: 0,
    });
  });

  it('stores two captures started at once from two windows, with one linear chain', async () => {
    const before = await read();
    const openInNewWindow = async (file: string): Promise<Page> => {
      const url = new URL(file, server.url).href;
      const opened = extension.context.waitForEvent('page', { predicate: (page) => page.url() === url });
      await extension.browserSession.send('Target.createTarget', { url, newWindow: true });
      const page = await opened;
      await page.waitForLoadState('load');
      return page;
    };
    const pages = [await openInNewWindow('access-review.html'), await openInNewWindow('backup-jobs.html')];
    const tabs: { tabId: number; windowId: number }[] = [];
    for (const page of pages) {
      const popup = await clickToolbarButton(extension, page); // grants activeTab, as the gesture would
      tabs.push(await popupTab(popup));
      await popup.close();
    }
    expect(new Set(tabs.map((tab) => tab.windowId)).size).toBe(2);

    const worker = await extension.serviceWorker();
    await worker.evaluate(
      (ids) =>
        Promise.all(
          ids.map((tabId) =>
            (self as unknown as HookedWorker).handleCaptureTrigger({ tabId, trigger: 'command' }),
          ),
        ),
      tabs.map((tab) => tab.tabId),
    );

    const after = await read();
    const added = after.evidence.filter((record) => !before.evidence.some((old) => old.id === record.id));
    expect(added.map((record) => record.url).sort()).toEqual(pages.map((page) => page.url()).sort());
    const sequences = after.evidence.map((record) => record.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    for (const record of added) expect(verifyArtifacts(record, after.blobs)).toEqual([]);
    expect(after.custody.map((entry) => entry.sequence)).toEqual(after.custody.map((_, index) => index + 1));
    expect(verifyCustodyChain(after.custody)).toEqual([]);
    for (const page of pages) await page.close();

    recordOutcome('two-windows-at-once', {
      observed: `${added.length} of 2 stored whole; sequences ${sequences.join(', ')}; custody 1..${after.custody.length} linear`,
      evidenceLost: 2 - added.length,
    });
  });
});
