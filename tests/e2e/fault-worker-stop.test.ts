import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  listTargets,
  openTab,
  saveTagging,
  startSession,
  verifyArtifacts,
  verifyCustodyChain,
  type E2eSession,
  type EvidenceDump,
} from './harness';
import { recordOutcome } from './reliability';

type Popup = Awaited<ReturnType<typeof clickToolbarButton>>;

/** What a partial write would leave: blobs or custody entries without their record, records without bytes. */
function partialWrites(dump: EvidenceDump): string[] {
  const ids = new Set(dump.evidence.map((record) => record.id));
  const problems = dump.evidence.flatMap((record) => verifyArtifacts(record, dump.blobs));
  for (const [key, blob] of dump.blobs) {
    if (!ids.has(blob.evidenceId)) problems.push(`blob ${key} belongs to no record`);
  }
  for (const entry of dump.custody) {
    if (entry.event === 'capture' && !ids.has(entry.evidenceId ?? '')) {
      problems.push(`custody entry ${entry.sequence} names a record that is not stored`);
    }
  }
  return problems;
}

/** Waits (bounded) until the popup shows a full-page progress text, a result or an error. */
async function waitForTiles(popup: Popup): Promise<string> {
  return popup.waitForFunction(
    () => {
      const progress = document.querySelector('[data-testid="capture-progress"]')?.textContent ?? '';
      const match = /tile (\d+) of \d+/.exec(progress);
      return match && Number(match[1]) >= 2 ? progress : '';
    },
    { timeout: 60_000, description: 'the second tile of the full-page capture' },
  );
}

describe('the service worker stopped in the middle of a full-page capture', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores the capture whole or not at all, and the extension works again with the chain intact', async () => {
    const { extension } = session;
    const ticket = await openTab(extension.context, session.fixture('ticket.html'));
    let popup = await clickToolbarButton(extension, ticket);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Stored before the worker was stopped.' });
    await popup.close();
    const before = await session.read();

    const pane = await openTab(extension.context, session.fixture('hostile/scroll-pane.html'));
    const pageState = () =>
      pane.evaluate(() => ({
        paneTop: document.getElementById('pane')!.scrollTop,
        styles: [...document.querySelectorAll('*')].map((element) => element.getAttribute('style')),
      }));
    const untouched = await pageState();
    popup = await clickToolbarButton(extension, pane);
    await popup.click('button[data-testid="capture-full-page"]');
    const progress = await waitForTiles(popup);

    // DevTools' own "Stop" for service workers: the worker dies mid-capture, as MV3 may stop it.
    const workers = (await listTargets(extension.browserSession)).filter(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://`),
    );
    expect(workers).toHaveLength(1);
    const pageSession = await extension.context.newCDPSession(pane);
    await pageSession.send('ServiceWorker.enable');
    await pageSession.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(
        async () => (await listTargets(extension.browserSession)).some((t) => t.type === 'service_worker'),
        {
          timeout: 10_000,
        },
      )
      .toBe(false);
    await pageSession.detach();
    const popupSaw = await popup
      .waitForFunction(
        () =>
          document.querySelector('[data-testid="capture-error"]')?.textContent ??
          (document.querySelector('[data-testid="tagging"]') ? 'tagging' : ''),
        { timeout: 20_000, description: 'the popup to report the stopped capture' },
      )
      .catch(() => 'nothing (popup still waiting)');
    await popup.close();

    // The page agent notices the lull and puts the page back by itself: scroll position, every style.
    await expect.poll(pageState, { timeout: 60_000, interval: 1_000 }).toEqual(untouched);

    const after = await session.read({ withBlobs: true });
    expect(partialWrites(after)).toEqual([]);
    // Either the capture finished before the worker died (whole) or the user is told it did not.
    const added = after.evidence.length - before.evidence.length;
    expect(popupSaw).toMatch(added === 1 ? /^tagging$/ : /background stopped before it answered/);
    expect([0, 1]).toContain(added);
    for (const old of before.evidence) expect(after.evidence).toContainEqual(old);
    expect(verifyCustodyChain(after.custody)).toEqual([]);

    // The browser starts the worker again on the next gesture; capturing works.
    popup = await clickToolbarButton(extension, ticket);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Stored after the worker came back.' });
    await popup.close();
    const recovered = await session.read({ withBlobs: true });
    expect(recovered.evidence).toHaveLength(after.evidence.length + 1);
    expect(partialWrites(recovered)).toEqual([]);
    expect(verifyCustodyChain(recovered.custody)).toEqual([]);
    await ticket.close();
    await pane.close();

    recordOutcome('worker-stopped-mid-capture', {
      observed: `stopped at “${progress.trim()}”; popup: “${popupSaw.trim().slice(0, 70)}”; ${added} full-page record stored; page restored by itself; next capture stored`,
      evidenceLost: before.evidence.filter((old) => !after.evidence.some((r) => r.id === old.id)).length,
    });
  });
});
