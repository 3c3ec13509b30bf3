/**
 * The risk register where the compliance lead meets it, in the real extension: a register CSV imported
 * through the dashboard, its reason shown in the SoA, evidence captured through the popup for a high
 * risk's control making that risk's Stage 2 reason disappear, and the exported bundle's risk-register.csv
 * and traceability.csv read back with Info-ZIP `unzip -p` and Python's csv module (not the writer's code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  checkedControls,
  clickToolbarButton,
  csvFromZip,
  exportToDownload,
  openTab,
  saveTagging,
  startSession,
  type E2eSession,
} from './harness';

const REGISTER = [
  'Risk ID,Name,Risk owner,Probability,Impact,Treatment,Controls,Status',
  'R-1,Backups cannot be restored,Ops lead,4,5,Modify,A.8.13,Open',
  'R-2,Phishing of admins,Security,2,2,Modify,A.6.3,Open',
].join('\r\n');

async function stage2Text(page: Page): Promise<string> {
  const panel = page.getByTestId('readiness-panel');
  await panel.waitFor();
  for (const button of await panel.getByRole('button', { name: /^Show all/ }).all()) await button.click();
  return (await panel.textContent()) ?? '';
}

describe('the risk register, from spreadsheet to auditor bundle', () => {
  let session: E2eSession;
  let work: string;

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-risk-'));
  });

  afterAll(async () => {
    await session?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('imports, reasons the SoA, clears a Stage 2 reason with evidence and exports the trace', async () => {
    const { context, extensionId } = session.extension;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#risks`);

    // Import: the preview maps the spreadsheet's own headers and shows what is new; nothing is written yet.
    await dashboard.getByTestId('risk-import-file').setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(REGISTER),
    });
    const diff = dashboard.getByTestId('risk-import-diff');
    await expect.poll(() => diff.textContent()).toContain('2 new, 0 changed, 0 unchanged.');
    expect(await dashboard.getByTestId('risk-table').count()).toBe(0);
    await dashboard.getByRole('button', { name: 'Import 2 risks' }).click();
    const table = dashboard.getByTestId('risk-table');
    await table.locator('tr[data-risk-id="R-1"]').waitFor();
    expect(await table.locator('tr[data-risk-id="R-1"]').textContent()).toContain('Critical (20)');

    // The SoA gives the risk as the control's reason and writes the justification from it.
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#control/A.8.13`);
    const form = dashboard.getByRole('form', { name: 'Statement of Applicability for A.8.13' });
    await form.waitFor();
    expect(await form.getByRole('list', { name: 'Risks this control treats' }).textContent()).toContain(
      'R-1 Backups cannot be restored',
    );
    expect(await form.getByLabel(/Justification/).inputValue()).toBe('Treats R-1.');
    expect(await dashboard.locator('tr[data-control-id="A.8.13"]').textContent()).toContain('Treats R-1');

    const reason = 'R-1 (Critical) has no evidence in the audit window for A.8.13.';
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#overview`);
    expect(await stage2Text(dashboard)).toContain(reason);

    // Evidence for the high risk's control, captured through the real popup.
    const page = await openTab(context, session.fixture('backup-jobs.html'));
    const popup = await clickToolbarButton(session.extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.waitFor('input[type=checkbox][data-control-id="A.8.13"]');
    expect(await checkedControls(popup)).toContain('A.8.13');
    const saved = await saveTagging(popup, { notes: 'Restore test of the nightly backup.' });
    const evidenceId = /EV-[\w-]+/.exec(saved)?.[0] ?? '';
    expect(evidenceId).not.toBe('');
    await popup.close();
    await page.close();

    await dashboard.reload();
    const after = await stage2Text(dashboard);
    expect(after).not.toContain(reason);
    expect(after).toContain('Stage 2');

    // The traceability view links the cell to that evidence.
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#trace`);
    const cell = dashboard.locator('tr[data-risk-id="R-1"] .trace-cell a');
    await cell.waitFor();
    expect(await cell.getAttribute('href')).toBe(`#evidence/${evidenceId}`);

    // That evidence's detail names the risk it supports, and the link opens the risk in the register.
    await cell.click();
    const detail = dashboard.getByTestId('evidence-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-evidence-id')).toBe(evidenceId);
    const supported = detail.getByRole('list', { name: 'Risks this evidence supports' });
    await supported.waitFor();
    expect(await supported.getByRole('link').allTextContents()).toEqual(['R-1 Backups cannot be restored']);
    await supported.getByRole('link', { name: 'R-1 Backups cannot be restored' }).click();
    await dashboard.getByRole('form', { name: 'Edit R-1' }).waitFor();
    expect(new URL(dashboard.url()).hash).toBe('#risk/R-1');
    await dashboard.close();

    // Export, then read the two tables back with other readers.
    const { zipPath, root } = await exportToDownload(context, extensionId, work);

    const register = csvFromZip(zipPath, `${root}/data/risk-register.csv`);
    const header = register[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    expect(
      register
        .slice(1)
        .map((row) => [row[column('ID')], row[column('Inherent level')], row[column('Controls')]]),
    ).toEqual([
      ['R-1', 'Critical', 'A.8.13'],
      ['R-2', 'Low', 'A.6.3'],
    ]);
    const trace = csvFromZip(zipPath, `${root}/data/traceability.csv`);
    expect(trace[0]).toEqual([
      'Risk',
      'Risk title',
      'Inherent level',
      'Residual level',
      'Treatment',
      'Control',
      'Applicable',
      'Coverage',
      'Newest evidence',
      'Evidence IDs',
    ]);
    const r1 = trace.find((row) => row[0] === 'R-1' && row[5] === 'A.8.13');
    expect(r1?.[6]).toBe('Yes');
    expect(r1?.[9]).toBe(evidenceId);
    const r2 = trace.find((row) => row[0] === 'R-2');
    expect(r2?.[5]).toBe('A.6.3');
    expect(r2?.[9]).toBe('');
  }, 120_000);
});
