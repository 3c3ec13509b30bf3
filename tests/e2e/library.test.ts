import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  verifyCustodyChain,
  type E2eSession,
} from './harness';

async function gridStatus(session: E2eSession, page: Page, controlId: string): Promise<string | null> {
  const popup = await clickToolbarButton(session.extension, page);
  await popup.waitFor(`[data-testid="control-grid"] button[data-control-id="${controlId}"]`);
  const status = await popup.evaluate(
    (id) =>
      document.querySelector<HTMLElement>(`[data-testid="control-grid"] button[data-control-id="${id}"]`)
        ?.dataset.status ?? null,
    controlId,
  );
  await popup.close();
  return status;
}

describe('the evidence library', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('retags a capture in the dashboard, logs it, and the popup coverage follows', async () => {
    const consolePage = await openTab(session.extension.context, session.fixture('backup-jobs.html'));
    const popup = await clickToolbarButton(session.extension, consolePage);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Backup job history, library e2e.' });
    await popup.close();
    const [captured] = (await session.read()).evidence;
    expect(captured!.controls).toContain('A.8.13');
    expect(captured!.controls).not.toContain('A.5.30');
    expect(await gridStatus(session, consolePage, 'A.8.13')).toBe('covered');
    expect(await gridStatus(session, consolePage, 'A.5.30')).toBe('missing');

    // The lead finds the capture by its captured text, opens it and moves it from A.8.13 to A.5.30.
    const dashboard = await openTab(
      session.extension.context,
      `chrome-extension://${session.extension.extensionId}/dashboard.html#evidence`,
    );
    await dashboard.getByTestId('library-search').fill('Frankfurt');
    const row = dashboard.locator(`[data-testid="library-row"][data-evidence-id="${captured!.id}"]`);
    await row.click();
    const edit = dashboard.getByTestId('evidence-edit');
    await edit.getByRole('button', { name: 'Remove A.8.13' }).click();
    await edit.getByTestId('control-search').fill('A.5.30');
    await edit.locator('[data-testid="control-result"][data-control-id="A.5.30"]').click();
    await edit.getByTestId('save-edit').click();
    await expect
      .poll(async () => (await session.read()).evidence[0]!.controls.includes('A.5.30'), { timeout: 5_000 })
      .toBe(true);
    await dashboard.close();

    const after = await session.read();
    expect(after.evidence[0]!.controls).not.toContain('A.8.13');
    const retag = after.custody.filter(
      (entry) => entry.event === 'retag' && entry.evidenceId === captured!.id,
    );
    expect(retag.at(-1)?.details).toMatchObject({ to: expect.arrayContaining(['A.5.30']) });
    expect(verifyCustodyChain(after.custody)).toEqual([]);

    expect(await gridStatus(session, consolePage, 'A.5.30')).toBe('covered');
    expect(await gridStatus(session, consolePage, 'A.8.13')).toBe('missing');
    await consolePage.close();
  });
});
