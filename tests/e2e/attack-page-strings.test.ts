import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  type E2eSession,
} from './harness';
import { recordOutcome } from './reliability';

const HOSTILE_NOTES = `<script>document.title='PWNED'</script> =cmd|' /C calc'!A0 <img src=x onerror=alert(5)>`;
// The query and fragment end up in the recorded URL, as typed into the address bar.
const HOSTILE_QUERY = `?q="'><svg onload=alert(3)>&next=javascript:alert(4)#<img src=x onerror=alert(6)>`;

/** What a string that became markup would leave behind, in any document. */
const INJECTED = 'img[src="x"], svg[onload], [onerror], [onload], script:not([src]), iframe, object, embed';
const inertness = (selector: string) => ({
  injected: document.querySelectorAll(selector).length,
  javascriptLinks: [...document.querySelectorAll('a[href]')].filter((link) =>
    /^\s*javascript:/i.test(link.getAttribute('href') ?? ''),
  ).length,
  title: document.title,
  text: document.body.innerText,
});

describe('hostile page titles, URLs, table cells and notes in the popup and dashboard', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows every page-controlled string as text, never as markup or a javascript: link', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture(`hostile-title.html${HOSTILE_QUERY}`));
    const pageTitle = await page.title();
    let popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    const tagging = await popup.evaluate(inertness, INJECTED);
    expect(tagging).toMatchObject({ injected: 0, javascriptLinks: 0 });
    expect(tagging.text).toContain(pageTitle);
    await saveTagging(popup, { notes: HOSTILE_NOTES });
    await popup.close();

    // A second capture left for review: its title is listed in the popup's review list.
    popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.close();
    popup = await clickToolbarButton(extension, page);
    await popup.waitFor('[data-testid="needs-review"]');
    const review = await popup.evaluate(inertness, INJECTED);
    await popup.close();
    expect(review).toMatchObject({ injected: 0, javascriptLinks: 0 });
    expect(review.text).toContain(pageTitle);

    // The dashboard: the library lists both, and a record's detail shows title, URL and notes.
    const dashboard = await extension.context.newPage();
    await dashboard.goto(`chrome-extension://${extension.extensionId}/dashboard.html#evidence`);
    await dashboard.getByTestId('library-count').filter({ hasText: '2 of 2 evidence items' }).waitFor();
    await dashboard.locator('[data-testid="library-row"]').first().click();
    await dashboard.getByTestId('evidence-edit').waitFor();
    const library = await dashboard.evaluate(inertness, INJECTED);
    expect(library).toMatchObject({ injected: 0, javascriptLinks: 0 });
    expect(library.title).not.toBe('PWNED');
    expect(library.text).toContain(pageTitle);
    for (const section of ['overview', 'controls']) {
      await dashboard.goto(`chrome-extension://${extension.extensionId}/dashboard.html#${section}`);
      await dashboard.waitForLoadState('load');
      expect(await dashboard.evaluate(inertness, INJECTED)).toMatchObject({
        injected: 0,
        javascriptLinks: 0,
      });
    }
    await dashboard.close();
    await page.close();

    recordOutcome('hostile-page-strings', {
      observed:
        'title, URL query/fragment, table cells and notes shown as text in the tagging view, review list, library and detail; 0 injected elements, 0 javascript: links',
      evidenceLost: 0,
      tries: 4,
    });
  });
});
