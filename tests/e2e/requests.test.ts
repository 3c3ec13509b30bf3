/**
 * A request list from end to end in the real extension: imported through the dashboard, a page captured from
 * the popup against sample item 2, the progress seen in the dashboard, and the bundle for that list read back
 * with Python's csv module (not the extension's CSV code) and Info-ZIP.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  nameOrganisationIfAsked,
  openTab,
  startSession,
  verifyCustodyChain,
  type E2eSession,
} from './harness';

const CAPTURER = 'Alice Admin';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const REQUEST_LIST = [
  'Ref,Evidence requested,Annex A,Due,Assigned to,Sample population,Sampled items',
  `R-1,Information security policy approval,A.5.1,${inDays(20)},Bob,,`,
  `R-2,Change tickets for sampled changes,A.8.32,${inDays(5)},${CAPTURER},Changes Q3,CHG-101; CHG-102; CHG-103`,
].join('\n');

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, input });
  if (result.error) throw result.error;
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** requests.csv parsed by Python's csv module: an independent reader of the file the auditor opens. */
function pythonCsv(text: string): Record<string, string>[] {
  const script = 'import csv, json, sys\nprint(json.dumps(list(csv.DictReader(sys.stdin))))';
  return JSON.parse(run('python3', ['-c', script], text)) as Record<string, string>[];
}

describe('a request list: import, capture for a sample item, progress, and its own bundle', () => {
  let session: E2eSession;
  let work: string;
  let evidenceId = '';

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-requests-'));
  });

  afterAll(async () => {
    await session?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const dashboardUrl = (hash: string) =>
    `chrome-extension://${session.extension.extensionId}/dashboard.html#${hash}`;

  it('imports a list with a sample request through the dashboard, after its preview', async () => {
    const dashboard = await openTab(session.extension.context, dashboardUrl('settings'));
    await dashboard.getByTestId('settings-capturer').fill(CAPTURER);
    await dashboard.getByTestId('settings-organisation').fill('Example Ltd');
    await dashboard.locator('form[aria-labelledby="settings-heading"] button[type=submit]').click();
    await dashboard.getByText('Settings saved.').waitFor();

    await dashboard.goto(dashboardUrl('requests'));
    await dashboard.getByTestId('import-requests').click();
    await dashboard.getByTestId('import-audit').fill('Stage 2');
    await dashboard.getByTestId('request-import-file').setInputFiles({
      name: 'stage-2-requests.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(REQUEST_LIST),
    });
    await dashboard.getByTestId('import-preview').getByText('2 requests to import').waitFor();
    await dashboard.getByTestId('confirm-import').click();
    const progress = dashboard.getByTestId('request-progress');
    await expect.poll(() => progress.textContent()).toBe('0 of 2 provided');
    await dashboard.close();
  });

  it('captures a page from the popup against item 2 of the sample request', async () => {
    const page = await openTab(session.extension.context, session.fixture('ticket.html'));
    const popup = await clickToolbarButton(session.extension, page);
    const button = 'button[data-testid="capture-visible"]';
    await popup.waitFor(button);
    const top = () =>
      popup.evaluate((selector) => document.querySelector(selector)!.getBoundingClientRect().top, button);
    const before = await top();
    const item2 = 'button[aria-label="Capture for R-2 (item 2 of 3)"]';
    await popup.waitFor(item2);
    // The list arrives below the capture buttons: they stay where they were painted.
    expect(await top()).toBe(before);
    await popup.click(item2);
    await popup.waitFor('[data-testid="tagging"] select[data-testid="file-against"]', { timeout: 20_000 });
    const chosen = await popup.evaluate(
      () =>
        document.querySelector<HTMLSelectElement>('[data-testid="file-against"]')!.selectedOptions[0]
          ?.textContent,
    );
    expect(chosen).toBe('R-2 (item 2 of 3) — Change tickets for sampled changes');
    await popup.click('button[data-testid="save-tagging"]');
    await popup.waitFor('[data-testid="saved-message"]');
    expect(await popup.text('[data-testid="saved-message"]')).toContain('Filed against R-2 (item 2 of 3).');
    await popup.close();
    await page.close();

    const dump = await session.read();
    expect(dump.evidence).toHaveLength(1);
    const [record] = dump.evidence;
    evidenceId = record!.id;
    expect(record!.controls).toContain('A.8.32');
    expect(record!.status).toBe('ready');
    const filed = dump.custody.filter((entry) => entry.event === 'request-file');
    expect(filed.map((entry) => [entry.evidenceId, entry.actor, entry.details])).toEqual([
      [evidenceId, CAPTURER, { audit: 'Stage 2', reference: 'R-2', item: 1 }],
    ]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
  });

  it('shows the progress in the dashboard and records "provided" with who and when', async () => {
    const dashboard = await openTab(session.extension.context, dashboardUrl('requests'));
    const row = dashboard.locator('[data-testid="request-list"] tr[data-reference="R-2"]');
    await expect.poll(() => row.textContent()).toContain('0/3 items');
    expect(await row.textContent()).toContain('1 item');
    await dashboard.getByRole('button', { name: 'Open request R-2' }).click();
    const item = dashboard.locator('[data-testid="request-items"] li[data-item="2"]');
    await expect.poll(() => item.textContent()).toContain(evidenceId);
    await dashboard.getByTestId('request-evidence').getByText(evidenceId).waitFor();
    await item.getByTestId('status-select').selectOption('provided');
    await item.getByTestId('status-apply').click();
    await expect
      .poll(() =>
        dashboard.locator('[data-testid="request-items"] li[data-item="2"]').getAttribute('data-status'),
      )
      .toBe('provided');
    await dashboard.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => row.textContent()).toContain('1/3 items');
    await dashboard.close();

    const { custody } = await session.read();
    const status = custody.filter((entry) => entry.event === 'request-status');
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({
      actor: CAPTURER,
      details: { reference: 'R-2', item: 1, from: 'in-progress', to: 'provided' },
    });
    expect(Date.now() - Date.parse(status[0]!.at)).toBeLessThan(120_000);
  });

  it('exports the evidence for this request list; requests.csv names the evidence and its files in the bag', async () => {
    const { context, extensionId } = session.extension;
    const page = await context.newPage();
    await page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
    });
    await page.goto(`chrome-extension://${extensionId}/export.html`);
    await nameOrganisationIfAsked(page);
    await page.getByTestId('export-request-list').selectOption('Stage 2');
    await page
      .getByTestId('export-estimate')
      .filter({ hasText: /^1 evidence records/ })
      .waitFor();
    const [saved] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('export-start').click(),
    ]);
    const zipPath = path.join(work, saved.suggestedFilename());
    await saved.saveAs(zipPath);
    await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
    await page.close();
    const bag = saved.suggestedFilename().replace(/\.zip$/, '');

    const rows = pythonCsv(run('unzip', ['-p', zipPath, `${bag}/data/requests.csv`]));
    expect(
      rows.map((row) => [row.Request, row.Item, row['Sample item'], row.Status, row['Evidence IDs']]),
    ).toEqual([
      ['R-1', '', '', 'open', ''],
      ['R-2', '', '', 'in-progress', ''],
      ['R-2', '1', 'CHG-101', 'open', ''],
      ['R-2', '2', 'CHG-102', 'provided', evidenceId],
      ['R-2', '3', 'CHG-103', 'open', ''],
    ]);
    const files = rows[3]!.Files!.split('; ');
    expect(files).toEqual(expect.arrayContaining([`data/evidence/${evidenceId}/original.png`]));
    const listing = run('unzip', ['-Z1', zipPath]).split('\n');
    const manifest = run('unzip', ['-p', zipPath, `${bag}/manifest-sha256.txt`]);
    for (const file of files) {
      expect(listing).toContain(`${bag}/${file}`);
      expect(manifest).toContain(`  ${file}\n`);
    }
    // Only the evidence filed against the list is in the bag, and the index opens with the Requests section.
    expect(
      listing.filter((name) => /\/data\/evidence\/[^/]+\/$/.test(name) || name.endsWith('/record.json')),
    ).toEqual([`${bag}/data/evidence/${evidenceId}/record.json`]);
    const index = run('unzip', ['-p', zipPath, `${bag}/data/index.html`]);
    const main = index.slice(index.indexOf('<main>'));
    expect(main.startsWith('<main>\n<section id="requests">')).toBe(true);
    expect(main).toContain(`<a href="#evidence-${evidenceId}">${evidenceId}</a>`);
  });
});
