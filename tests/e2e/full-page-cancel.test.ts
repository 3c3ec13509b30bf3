import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, startSession, type E2eSession } from './harness';
import { captureFullPage, pageState, storeCounts } from './full-page-steps';

describe('cancelling a full-page capture from the popup', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('stops between tiles, stores nothing and puts the page back as it was', async () => {
    const page = await openTab(session.extension.context, session.fixture('hostile/tall-page.html'));
    await page.evaluate(() => window.scrollTo(0, 3000));
    const before = await pageState(page);
    expect(before.windowY).toBe(3000);
    const counts = await storeCounts(session);

    const popup = await clickToolbarButton(session.extension, page);
    let cancelledAt = '';
    const result = await captureFullPage(popup, {
      whileRunning: async (progress) => {
        // Cancel once the page has really been scrolled: a few tiles in.
        if (!/tile ([3-9]|\d\d+) of \d+/.test(progress)) return false;
        cancelledAt = progress;
        await popup.click('[data-testid="cancel-capture"]');
        return true;
      },
    });
    await popup.close();

    expect(cancelledAt).toMatch(/Capturing tile \d+ of 75/);
    expect(result).toMatchObject({
      outcome: 'error',
      message: 'Capture cancelled. Nothing was stored, and the page was put back as it was.',
    });
    expect(await storeCounts(session)).toEqual(counts);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });
});
