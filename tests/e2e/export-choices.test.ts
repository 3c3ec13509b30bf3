/**
 * The export page's two report choices, in the real extension with a fresh profile: the organisation's
 * name is asked for when none is set (and the bundle carries it, not `organisation`), and the auditor's
 * index.html holds the readiness self-assessment unless the compliance lead switches it off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2eSession } from './harness';

/** Reads one member of the zip with Info-ZIP `unzip -p`, never through a shell. */
function unzipMember(zipPath: string, member: string): string {
  const result = spawnSync('unzip', ['-p', zipPath, member], { encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Opens the export page on the download path (no file picker), as in Firefox. */
async function openExportPage(session: E2eSession): Promise<Page> {
  const { context, extensionId } = session.extension;
  const page = await context.newPage();
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
  });
  await page.goto(`chrome-extension://${extensionId}/export.html`);
  await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
  return page;
}

async function download(page: Page, dir: string) {
  const [saved] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId('export-start').click(),
  ]);
  const zipPath = path.join(dir, saved.suggestedFilename());
  await saved.saveAs(zipPath);
  await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
  const name = saved.suggestedFilename().replace(/\.zip$/, '');
  return { zipPath, name };
}

describe('the export page asks for the organisation and lets the readiness section be left out', () => {
  let session: E2eSession;
  let work: string;

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-export-choices-'));
  });

  afterAll(async () => {
    await session?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('asks for the name when none is set, and names the bundle and its bag-info after it', async () => {
    const page = await openExportPage(session);
    const name = page.getByTestId('export-organisation');
    await name.waitFor();
    expect(await page.getByTestId('export-start').isDisabled()).toBe(true);
    await name.fill('Example Ltd');
    await expect.poll(() => page.getByTestId('export-start').isEnabled()).toBe(true);
    expect(await page.getByTestId('include-readiness').isChecked()).toBe(true);
    const bundle = await download(page, mkdtempSync(path.join(work, 'first-')));
    expect(bundle.name).toMatch(/^isms-evidence_example-ltd_\d{4}-\d{2}-\d{2}$/);
    expect(unzipMember(bundle.zipPath, `${bundle.name}/bag-info.txt`)).toMatch(
      /^Source-Organization: Example Ltd$/m,
    );
    const index = unzipMember(bundle.zipPath, `${bundle.name}/data/index.html`);
    expect(index).toContain('<section id="readiness">');
    expect(index).toContain('Stage 1 (documentation review)');
    await page.close();
  });

  it('remembers the name, and leaves the self-assessment out of index.html when switched off', async () => {
    const page = await openExportPage(session);
    expect(await page.getByTestId('export-organisation').count()).toBe(0);
    expect(await page.getByTestId('export-panel').textContent()).toContain('Bundle for Example Ltd');
    await page.getByTestId('include-readiness').uncheck();
    const bundle = await download(page, mkdtempSync(path.join(work, 'second-')));
    expect(bundle.name).toMatch(/^isms-evidence_example-ltd_/);
    const index = unzipMember(bundle.zipPath, `${bundle.name}/data/index.html`);
    expect(index).not.toContain('id="readiness"');
    expect(index).not.toContain('Stage 1 (documentation review)');
    expect(index).toContain('<section id="summary">');
    await page.close();
  });
});
