import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  checkedControls,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  type E2eSession,
} from './harness';

// The monitoring dashboard of the corpus: its panels and alerts name backups, NTP, replication, firewalls,
// deployments and a vendor. The old rules ticked ten controls; only monitoring fits.
describe('control suggestions in the tagging view', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('ticks only the strong match, offers the rest unticked and explains each on focus', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('consoles/monitoring.html'));
    const popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.waitFor('input[type=checkbox][data-control-id="A.5.19"]');
    expect(await checkedControls(popup)).toEqual(['A.8.16']);

    const offered = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="tagging"] input[data-control-id]')].map(
        (box) => box.dataset.controlId,
      ),
    );
    expect(offered[0]).toBe('A.8.16');
    expect(offered).toEqual(expect.arrayContaining(['A.8.13', 'A.8.17', 'A.5.19']));

    // Hidden until the control has focus (or the pointer); then it names where and which words matched.
    const reason = (controlId: string) =>
      popup.evaluate((id) => {
        const box = document.querySelector<HTMLInputElement>(`input[data-control-id="${id}"]`)!;
        const text = document.getElementById(box.getAttribute('aria-describedby') ?? '');
        return { display: text ? getComputedStyle(text).display : 'none', text: text?.textContent ?? '' };
      }, controlId);
    expect((await reason('A.5.19')).display).toBe('none');
    await popup.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[data-control-id="A.5.19"]')!.focus(),
    );
    expect(await reason('A.5.19')).toEqual({
      display: 'block',
      text: expect.stringMatching(/^Not ticked, a weaker match: the text says “vendor”/),
    });
    await popup.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[data-control-id="A.8.16"]')!.focus(),
    );
    expect((await reason('A.8.16')).text).toMatch(/^Ticked because .*“monitoring”/);

    await saveTagging(popup, { notes: 'Production monitoring, alert rules firing and resolved.' });
    const dump = await session.read();
    const record = dump.evidence.find((entry) => entry.url.endsWith('consoles/monitoring.html'))!;
    expect(record.controls).toEqual(['A.8.16']);
    await popup.close();
    await page.close();
  });
});
