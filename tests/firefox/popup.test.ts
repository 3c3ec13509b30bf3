import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { readDatabase, waitForEvidence } from './database.mjs';

const NOTES = 'Nightly backups, week 39, captured in Firefox.';

/** The popup's control-grid cell for a control: its status and what a screen reader hears. */
const gridCell = (id: string) => {
  const button = document.querySelector<HTMLElement>(
    `[data-testid="control-grid"] button[data-control-id="${id}"]`,
  );
  return button ? { status: button.dataset.status ?? null, label: button.getAttribute('aria-label') } : null;
};

// The popup's capture, tagging and coverage, and the dashboard, in Firefox. Headless automation cannot
// open the toolbar panel, so the popup page runs in a background tab of the same window: it acts on the
// active tab, which the shortcut (a real gesture) has granted activeTab to, exactly as a click would.
describe('Firefox: popup tagging, coverage and the dashboard', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox;
  let url: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
    url = new URL('backup-jobs.html', server.url).href;
    await openTab(firefox, url);
    await pressShortcut(firefox, 'Alt+Shift+E');
    await waitForEvidence(firefox, 1);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('captures from the popup, saves the tagging, and the control grid shows the control covered', async () => {
    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    await waitFor(firefox, popup, gridCell, { args: ['A.8.13'], description: 'the control grid' });

    await click(firefox, popup, 'button[data-testid="capture-visible"]');
    await waitFor(
      firefox,
      popup,
      () => document.querySelector('[data-testid="tagging"], [data-testid="capture-error"]')?.textContent,
      { timeout: 20_000, description: 'the tagging view' },
    );
    expect(
      await evaluate(firefox, popup, () => document.querySelector('[data-testid="capture-error"]')),
    ).toBeNull();
    const suggested = await evaluate(firefox, popup, () =>
      [
        ...document.querySelectorAll<HTMLInputElement>(
          '[data-testid="tagging"] input[type=checkbox][data-control-id]',
        ),
      ]
        .filter((box) => box.checked)
        .map((box) => box.dataset.controlId),
    );
    expect(suggested).toContain('A.8.13');

    await evaluate(
      firefox,
      popup,
      (notes) => {
        const field = document.querySelector<HTMLTextAreaElement>('textarea[data-testid="notes"]')!;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, notes);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      },
      NOTES,
    );
    await click(firefox, popup, 'button[data-testid="save-tagging"]');
    await waitFor(firefox, popup, () => document.querySelector('[data-testid="saved-message"]') !== null);

    const dump = await readDatabase(firefox);
    expect(dump.evidence).toHaveLength(2);
    const saved = dump.evidence.find((record) => record.notes === NOTES);
    expect(saved).toMatchObject({ url, status: 'ready', kind: 'visible' });
    expect(saved!.controls).toContain('A.8.13');
    expect(dump.custody.find((entry) => entry.evidenceId === saved!.id)?.details).toMatchObject({
      trigger: 'popup',
    });
    expect(verifyArtifacts(saved!, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);

    await closeTab(firefox, popup);
    const reopened = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    const cell = await waitFor(firefox, reopened, gridCell, {
      args: ['A.8.13'],
      description: 'the control grid',
    });
    expect(cell).toMatchObject({ status: 'covered' });
    await closeTab(firefox, reopened);
  });

  it('shows readiness and lists both captures in the dashboard library', async () => {
    const overview = await openTab(firefox, firefox.extensionUrl('dashboard.html'));
    const readiness = await waitFor(
      firefox,
      overview,
      () => document.querySelector('[data-testid="readiness-panel"]')?.textContent,
      { description: 'the readiness panel' },
    );
    expect(readiness).toContain('Stage 1');
    expect(readiness).toContain('Stage 2');

    const library = await openTab(firefox, firefox.extensionUrl('dashboard.html#evidence'));
    const count = await waitFor(
      firefox,
      library,
      () => {
        const text = document.querySelector('[data-testid="library-count"]')?.textContent ?? '';
        return /evidence items/.test(text) ? text : null;
      },
      { description: 'the library count' },
    );
    expect(count).toMatch(/^2 of 2 evidence items/);
    const ids = (await readDatabase(firefox)).evidence.map((record) => record.id);
    const rows = await evaluate(firefox, library, () =>
      [...document.querySelectorAll('[data-testid="library-row"]')].map((row) => row.textContent ?? ''),
    );
    for (const id of ids) expect(rows.some((row) => row.includes(id))).toBe(true);
  });
});
