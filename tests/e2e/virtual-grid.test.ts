import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, parseCsv, startSession, type E2eSession } from './harness';
import { captureFullPage, pageState, readWholeFullPage, storeCounts } from './full-page-steps';

describe('full-page capture of a virtualised grid', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('puts every one of the 500 rows in the CSV exactly once, in order', async () => {
    const page = await openTab(session.extension.context, session.fixture('hostile/virtual-grid.html'));
    // The page's own data, read independently of the extension; and proof that it is virtualised.
    const users = (await page.evaluate(
      () => (window as unknown as { users: string[][] }).users,
    )) as string[][];
    expect(users).toHaveLength(500);
    const rowsInDom = await page.evaluate(() => document.querySelectorAll('#spacer [role="row"]').length);
    expect(rowsInDom).toBeLessThan(40);
    await page.evaluate(() => {
      document.getElementById('viewport')!.scrollTop = 3200;
    });
    const before = await pageState(page);
    const counts = await storeCounts(session);

    const popup = await clickToolbarButton(session.extension, page);
    const result = await captureFullPage(popup);
    await popup.close();
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    // The page re-rendered its rows after being scrolled back: compare where it is, not its rows.
    const after = await pageState(page);
    expect(after).toEqual({ ...before, elements: after.elements, attributes: after.attributes });
    expect(after.scrolled).toEqual({ viewport: 3200 });

    const stored = await readWholeFullPage(session, counts);
    expect(stored.metadata.fullPage.scrollContainer).toBe('div#viewport');
    const header = ['User ID', 'Name', 'Role', 'Last sign-in'];
    const grids = stored.tables
      .map((csv) => parseCsv(csv).rows.filter((row) => row.some((cell) => cell !== '')))
      .filter((rows) => rows[0]?.join('|') === header.join('|'));
    expect(grids).toHaveLength(1);
    expect(grids[0]).toEqual([header, ...users]);
    expect(stored.metadata.notes.join(' ')).toMatch(
      /500 rows of the grid "Users" were collected while scrolling/,
    );
    await page.close();
  });
});
