/**
 * The internal audit programme and the management reviews where the compliance lead meets them, in the
 * real extension: an audit planned and completed through the dashboard with its report (a capture) and a
 * finding, a review held with every clause 9.3.2 input and one action, the Stage 1 reasons about them
 * disappearing, the exported internal-audits.csv and management-reviews.csv read back with Info-ZIP and
 * Python's csv module (not the writer's code), and the bundle imported back after the records were deleted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  csvFromZip,
  exportToDownload,
  openTab,
  saveTagging,
  startSession,
  unzipMember,
  type E2eSession,
} from './harness';

const NO_AUDIT = 'No internal audit is planned or completed (clause 9.2)';
const PLANNED_ONLY = 'No internal audit is completed yet (clause 9.2); planned: IA-1.';
const NO_REVIEW = 'No management review is planned or held (clause 9.3)';

async function readinessText(page: Page, extensionId: string): Promise<string> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#overview`);
  await page.reload();
  const panel = page.getByTestId('readiness-panel');
  await panel.waitFor();
  for (const button of await panel.getByRole('button', { name: /^Show all/ }).all()) await button.click();
  return (await panel.textContent()) ?? '';
}

async function openRecords(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#records`);
  await page.reload();
  await page.getByTestId('isms-records').waitFor();
}

describe('internal audits and management reviews, from the dashboard to the bundle and back', () => {
  let session: E2eSession;
  let work: string;

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-records-'));
  });

  afterAll(async () => {
    await session?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('plans and completes an audit, holds a review, exports both tables and imports them back', async () => {
    const { context, extensionId } = session.extension;

    // The audit report: a capture through the real popup.
    const page = await openTab(context, session.fixture('access-review.html'));
    const popup = await clickToolbarButton(session.extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    const saved = await saveTagging(popup, { notes: 'Internal audit report IA-1.' });
    const reportId = /EV-[\w-]+/.exec(saved)?.[0] ?? '';
    expect(reportId).not.toBe('');
    await popup.close();
    await page.close();

    const dashboard = await context.newPage();
    const before = await readinessText(dashboard, extensionId);
    expect(before).toContain(NO_AUDIT);
    expect(before).toContain(NO_REVIEW);

    // A finding the audit raises, in the findings register.
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#findings`);
    await dashboard.getByRole('button', { name: 'New finding' }).click();
    await dashboard.getByLabel(/^Description/).fill('Leavers keep console access for weeks');
    const saveFinding = dashboard.getByRole('button', { name: /^Save finding / });
    const findingId = /F-\d+/.exec((await saveFinding.textContent()) ?? '')?.[0] ?? '';
    expect(findingId).not.toBe('');
    await saveFinding.click();
    await dashboard.getByText(`Saved finding ${findingId}.`).waitFor();

    // Plan the audit.
    await openRecords(dashboard, extensionId);
    await dashboard.getByRole('button', { name: 'New internal audit' }).click();
    await dashboard.getByLabel('Title', { exact: true }).fill('Access control');
    await dashboard.getByLabel(/^Scope/).fill('A.5.15–A.5.18 <b>all consoles</b>');
    await dashboard.getByLabel(/^Criteria/).fill('ISO/IEC 27001:2022; access control policy v3');
    await dashboard.getByLabel('Auditor', { exact: true }).fill('Dana Auditor');
    await dashboard.getByLabel('The auditor is independent of the work audited').check();
    await dashboard.getByLabel('Planned date').fill('2026-11-02');
    await dashboard.getByRole('button', { name: 'Save internal audit IA-1' }).click();
    await dashboard.getByRole('status').filter({ hasText: 'Saved IA-1.' }).waitFor();
    const planned = await readinessText(dashboard, extensionId);
    expect(planned).not.toContain(NO_AUDIT);
    expect(planned).toContain(PLANNED_ONLY);

    // Complete it, with its report and its finding.
    await openRecords(dashboard, extensionId);
    await dashboard.getByTestId('internal-audits').getByRole('button', { name: 'Edit' }).click();
    await dashboard.getByLabel('Completed on').fill('2026-11-04');
    await dashboard.getByRole('combobox', { name: /^Status(?! of)/ }).selectOption('completed');
    await dashboard.getByLabel(/^Report/).fill(reportId);
    await dashboard.getByLabel(/^Findings raised/).fill(findingId);
    await dashboard.getByRole('button', { name: 'Save internal audit IA-1' }).click();
    await dashboard.getByRole('status').filter({ hasText: 'Saved IA-1.' }).waitFor();

    // Hold the review: every input, top management, one action, the minutes (the same capture, for brevity).
    await dashboard.getByRole('button', { name: 'New management review' }).click();
    await dashboard.getByLabel('Meeting date').fill('2026-11-20');
    await dashboard.getByRole('combobox', { name: /^Status(?! of)/ }).selectOption('held');
    await dashboard.getByLabel(/^Attendees/).fill('Managing Director\nISMS manager <i>deputy</i>');
    await dashboard.getByLabel('Top management was present').check();
    const inputs = dashboard.locator('input[name="review-input"]');
    expect(await inputs.count()).toBe(10);
    for (const input of await inputs.all()) await input.check();
    await dashboard.getByRole('button', { name: 'Add an action' }).click();
    await dashboard.getByLabel('Action 1', { exact: true }).fill('Automate the leaver process');
    await dashboard.getByLabel('Owner of action 1').fill('Head of IT');
    await dashboard.getByLabel('Due date of action 1').fill('2027-02-28');
    await dashboard.getByLabel(/^Minutes/).fill(reportId);
    await dashboard.getByRole('button', { name: 'Save management review MR-1' }).click();
    await dashboard.getByRole('status').filter({ hasText: 'Saved MR-1.' }).waitFor();

    const after = await readinessText(dashboard, extensionId);
    for (const gone of [
      NO_AUDIT,
      PLANNED_ONLY,
      'completed without a linked report',
      'is not noted as independent',
      NO_REVIEW,
      'No management review has been held yet',
      'Management review MR-1 did not cover',
      'was held without top management',
      'Management review MR-1 links no minutes',
    ])
      expect(after).not.toContain(gone);

    // Export; read both tables with Info-ZIP and Python's csv module.
    const { zipPath, root } = await exportToDownload(context, extensionId, work);
    const audits = csvFromZip(zipPath, `${root}/data/internal-audits.csv`);
    const auditCell = (name: string) => audits[1]?.[audits[0]!.indexOf(name)];
    expect(audits).toHaveLength(2);
    expect(auditCell('Audit ID')).toBe('IA-1');
    expect(auditCell('Scope')).toBe('A.5.15–A.5.18 <b>all consoles</b>');
    expect(auditCell('Auditor independent')).toBe('yes');
    expect(auditCell('Completed date')).toBe('2026-11-04');
    expect(auditCell('Status')).toBe('completed');
    expect(auditCell('Report evidence')).toBe(reportId);
    expect(auditCell('Findings')).toBe(findingId);
    const reviews = csvFromZip(zipPath, `${root}/data/management-reviews.csv`);
    const header = reviews[0]!;
    expect(reviews).toHaveLength(2);
    const reviewCell = (name: string) => reviews[1]?.[header.indexOf(name)];
    expect(reviewCell('Review ID')).toBe('MR-1');
    expect(reviewCell('Attendees')).toBe('Managing Director; ISMS manager <i>deputy</i>');
    expect(reviewCell('Top management present')).toBe('yes');
    const inputColumns = header.filter((column) => column.startsWith('9.3.2 '));
    expect(inputColumns).toHaveLength(10);
    expect(inputColumns.map((column) => reviews[1]?.[header.indexOf(column)])).toEqual(
      Array<string>(10).fill('yes'),
    );
    expect(reviewCell('Actions')).toBe('Automate the leaver process | Head of IT | due 2027-02-28 | open');
    expect(reviewCell('Minutes evidence')).toBe(reportId);
    // index.html lists both, the markup typed into them shown as text.
    const index = String(unzipMember(zipPath, `${root}/data/index.html`));
    const section = index.slice(index.indexOf('<section id="isms-records">'));
    expect(section).toContain('A.5.15–A.5.18 &lt;b&gt;all consoles&lt;/b&gt;');
    expect(section).toContain('ISMS manager &lt;i&gt;deputy&lt;/i&gt;');
    expect(index).not.toContain('<b>all consoles</b>');
    expect(index).not.toContain('<i>deputy</i>');
    expect(section).toContain(`href="#evidence-${reportId}"`);

    // Delete both records (the background's own messages), then import the bundle back.
    const replies = (await dashboard.evaluate(`Promise.all([
      chrome.runtime.sendMessage({ type: 'deleteInternalAudit', payload: { id: 'IA-1' } }),
      chrome.runtime.sendMessage({ type: 'deleteManagementReview', payload: { id: 'MR-1' } }),
    ])`)) as { ok: boolean }[];
    expect(replies.map((reply) => reply.ok)).toEqual([true, true]);
    expect(await readinessText(dashboard, extensionId)).toContain(NO_AUDIT);

    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#export`);
    await dashboard.getByTestId('import-file').waitFor({ state: 'attached' });
    await dashboard.getByTestId('import-file').setInputFiles({
      name: path.basename(zipPath),
      mimeType: 'application/zip',
      buffer: readFileSync(zipPath),
    });
    const preview = dashboard.getByTestId('import-records-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toContain('the bundle holds 1 audit and 1 review');
    expect(await dashboard.getByTestId('import-records-problems').count()).toBe(0);
    await dashboard.getByTestId('import-start').click();
    const restored = dashboard.getByTestId('imported-records');
    await restored.waitFor({ timeout: 30_000 });
    expect(await restored.textContent()).toContain('2 records restored, 0 already held');

    await openRecords(dashboard, extensionId);
    const auditRow = dashboard.getByTestId('internal-audits').locator('tbody tr');
    expect(await auditRow.count()).toBe(1);
    const auditText = (await auditRow.textContent()) ?? '';
    for (const shown of ['IA-1', 'Access control', 'Completed', reportId, findingId])
      expect(auditText).toContain(shown);
    expect(await dashboard.getByTestId('management-reviews').locator('tbody tr').textContent()).toContain(
      '10 of 10',
    );
    const restoredReadiness = await readinessText(dashboard, extensionId);
    expect(restoredReadiness).not.toContain(NO_AUDIT);
    expect(restoredReadiness).not.toContain('Management review MR-1 did not cover');
    await dashboard.close();
  }, 120_000);
});
