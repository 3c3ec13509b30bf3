/**
 * One capture, several frameworks: SOC 2 turned on in the dashboard's settings, a backup console captured
 * from the popup and tagged to A.8.13, the popup switched to SOC 2 showing the criterion it maps to as
 * covered, and the bundle's SOC 2 register read back with Info-ZIP and Python's csv module, every row
 * counted through the mapping marked "mapped from A.8.13", never as tagged directly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  unzipMember,
  type E2eSession,
} from './harness';

describe('one capture counted for SOC 2 through the mapping', () => {
  let session: E2eSession;
  let work: string;

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-frameworks-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('turns SOC 2 on, shows the mapped criterion covered in the popup and marks it mapped in the bundle', async () => {
    const { extension } = session;
    const { context, extensionId } = extension;

    const settings = await context.newPage();
    await settings.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    const soc2 = settings.getByTestId('framework-soc2');
    await soc2.check();
    await settings.getByTestId('frameworks-save').click();
    await settings.getByTestId('framework-scope').getByRole('status').waitFor();
    await settings.close();

    const page = await openTab(context, session.fixture('backup-jobs.html'));
    let popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    expect(await checkedControls(popup)).toContain('A.8.13');
    const saved = await saveTagging(popup, { notes: 'Nightly backup jobs.' });
    const evidenceId = /EV-[0-9]{8}-[0-9A-Z]+/.exec(saved)?.[0] ?? '';
    expect(evidenceId, saved).not.toBe('');
    await popup.close();

    // A new popup: ISO first, then SOC 2 at a click; A1.3 (recovery tested) is covered through A.8.13.
    popup = await clickToolbarButton(extension, page);
    await popup.waitFor('[data-testid="framework-switch"] button[data-framework="soc2"]');
    await popup.waitFor('.grid-cell[data-control-id="A.8.13"][data-status="covered"]');
    await popup.click('[data-testid="framework-switch"] button[data-framework="soc2"]');
    await popup.waitFor('.grid-cell[data-control-id="A1.3"]');
    expect(
      await popup.evaluate(() =>
        document.querySelector('.grid-cell[data-control-id="A1.3"]')?.getAttribute('data-status'),
      ),
    ).toBe('covered');
    // An ISO ID is no cell of the SOC 2 grid.
    expect(await popup.exists('.grid-cell[data-control-id="A.8.13"]')).toBe(false);
    await popup.close();
    await page.close();

    const { zipPath, root } = await exportToDownload(context, extensionId, work);

    const register = csvFromZip(zipPath, `${root}/data/soc2-register.csv`);
    const header = register[0] ?? [];
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    const ours = register.slice(1).filter((row) => at(row, 'Evidence ID') === evidenceId);
    expect(ours.map((row) => at(row, 'Entry'))).toContain('A1.3');
    for (const row of ours) {
      expect(at(row, 'Mapped from (ISO/IEC 27001:2022)')).toBe('A.8.13');
      expect(at(row, 'Counted as')).toMatch(/mapped from A\.8\.13/);
    }
    const index = unzipMember(zipPath, `${root}/data/index.html`).toString('utf8');
    expect(index).toContain('mapped from A.8.13');
    expect(index).not.toMatch(/<script/i);
    // No NIST CSF register: that framework is not in scope.
    const listing = spawnSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).stdout;
    expect(listing).not.toContain('nist-csf-register.csv');
  });
});
