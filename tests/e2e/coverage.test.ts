import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  checkedControls,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  verifyCustodyChain,
  type E2eSession,
  type PopupHandle,
} from './harness';

interface CellView {
  status: string | null;
  label: string | null;
  title: string | null;
  text: string;
}

/** One cell of the popup's control grid, as a screen reader and a sighted user see it. */
function cell(popup: PopupHandle, controlId: string): Promise<CellView | null> {
  return popup.evaluate((id) => {
    const button = document.querySelector<HTMLElement>(
      `[data-testid="control-grid"] button[data-control-id="${id}"]`,
    );
    if (!button) return null;
    return {
      status: button.dataset.status ?? null,
      label: button.getAttribute('aria-label'),
      title: button.getAttribute('title'),
      text: (button.textContent ?? '').trim(),
    };
  }, controlId);
}

async function openPopupWithGrid(session: E2eSession, url: string) {
  const page = await openTab(session.extension.context, url);
  const popup = await clickToolbarButton(session.extension, page);
  await popup.waitFor('[data-testid="control-grid"] button[data-control-id="A.8.13"]');
  return { page, popup };
}

describe('the popup coverage grid', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('turns a control from missing to covered once evidence for it is captured and saved', async () => {
    const url = session.fixture('backup-jobs.html');

    // Before: a fresh profile holds no evidence, so Information backup is missing, in words and icon.
    const first = await openPopupWithGrid(session, url);
    const before = await cell(first.popup, 'A.8.13');
    expect(before).toEqual({
      status: 'missing',
      label: 'A.8.13 Information backup — missing',
      title: 'A.8.13 Information backup — missing',
      text: '✗8.13',
    });
    const untouchedBefore = await cell(first.popup, 'A.5.1');
    expect(untouchedBefore?.label).toMatch(/^A\.5\.1 .+ — missing$/);

    // Capture the backup console through the popup; the rules pre-check A.8.13; save.
    expect(await captureFromPopup(first.popup)).toEqual({ outcome: 'tagging' });
    await first.popup.waitFor('input[type=checkbox][data-control-id="A.8.13"]');
    const tagged = await checkedControls(first.popup);
    expect(tagged).toContain('A.8.13');
    const saved = await saveTagging(first.popup, { notes: 'Nightly backup sessions, coverage e2e.' });
    expect(saved).toMatch(/EV-/);
    await first.popup.close();
    await first.page.close();

    // The record is stored with the control and the custody chain holds.
    const dump = await session.read();
    expect(dump.evidence).toHaveLength(1);
    expect(dump.evidence[0]!.controls).toEqual(expect.arrayContaining(tagged));
    expect(dump.evidence[0]!.status).toBe('ready');
    expect(verifyCustodyChain(dump.custody)).toEqual([]);

    // After: click the toolbar again; the new popup shows the cell covered, in words and icon.
    const second = await openPopupWithGrid(session, url);
    expect(await cell(second.popup, 'A.8.13')).toEqual({
      status: 'covered',
      label: 'A.8.13 Information backup — covered',
      title: 'A.8.13 Information backup — covered',
      text: '✓8.13',
    });
    // Every control the capture was tagged with is covered; a control it was not tagged with is not.
    for (const controlId of tagged) {
      const view = await cell(second.popup, controlId);
      expect(view?.status, controlId).toBe('covered');
      expect(view?.label, controlId).toMatch(new RegExp(`^${controlId.replace(/\./g, '\\.')} .+ — covered$`));
    }
    expect(await cell(second.popup, 'A.5.1')).toEqual(untouchedBefore);
    // A screen reader finds the cell by its accessible name, not by its colour.
    expect(
      await second.popup.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid="control-grid"] [aria-label]')].filter(
            (element) => element.getAttribute('aria-label') === 'A.8.13 Information backup — covered',
          ).length,
      ),
    ).toBe(1);
    await second.popup.close();
    await second.page.close();
  });

  it('captures for a gap from the popup’s gap list: the record is tagged to it and the gap leaves the list', async () => {
    const url = session.fixture('ticket.html');
    const gapIds = (popup: PopupHandle) =>
      popup.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            '[data-testid="coverage-summary"] [data-testid="gap-list"] li.gap',
          ),
        ].map((gap) => gap.dataset.controlId ?? ''),
      );
    const first = await openPopupWithGrid(session, url);
    await first.popup.waitFor('[data-testid="coverage-summary"] [data-testid="gap-capture"]');
    const gapsBefore = await gapIds(first.popup);
    const gap = gapsBefore[0]!;
    // The most urgent gap, whatever it is (a clause of the ISMS or an Annex A control).
    expect(gap).toMatch(/^(A\.)?\d+\.\d+$/);
    const countBefore = (await session.read()).evidence.length;

    // The gap's own button, found by the name a screen reader gives it.
    await first.popup.click(
      `[data-testid="coverage-summary"] button[aria-label="Capture this tab as evidence for ${gap}"]`,
    );
    await first.popup.waitFor('[data-testid="tagging"] input[type=checkbox][data-control-id]', {
      timeout: 20_000,
    });
    // The capture itself is stored as the rules saw the ticket page: the gap's control is not among them.
    const captured = await session.read();
    expect(captured.evidence).toHaveLength(countBefore + 1);
    const stored = captured.evidence.reduce((a, b) => (b.sequence > a.sequence ? b : a));
    expect(stored).toMatchObject({ url, kind: 'visible', status: 'needs-review' });
    expect(stored.controls).not.toContain(gap);
    // The tagging view opens with the gap's control ticked, first.
    const ticked = await checkedControls(first.popup);
    expect(ticked[0]).toBe(gap);
    expect(await saveTagging(first.popup)).toContain(stored.id);

    const dump = await session.read();
    const record = dump.evidence.find((candidate) => candidate.id === stored.id)!;
    expect(record.status).toBe('ready');
    expect(record.controls).toContain(gap);
    expect(record.controls).toEqual(expect.arrayContaining(ticked));
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    // The popup reads coverage again after the save: the gap is gone from the list.
    await first.popup.waitForFunction(
      (id) =>
        document.querySelector('[data-testid="coverage-summary"] [data-testid="gap-list"]') !== null &&
        document.querySelector(
          `[data-testid="coverage-summary"] [data-testid="gap-list"] li.gap[data-control-id="${id}"]`,
        ) === null,
      { args: [gap], description: `the gap ${gap} to leave the list` },
    );
    expect(await gapIds(first.popup)).not.toContain(gap);
    await first.popup.close();
    await first.page.close();

    // A new popup agrees: the control is no longer a gap.
    const second = await openPopupWithGrid(session, url);
    await second.popup.waitFor('[data-testid="coverage-summary"] [data-testid="gap-list"]');
    expect(await gapIds(second.popup)).not.toContain(gap);
    await second.popup.close();
    await second.page.close();
  });
});
