import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  nameOrganisationIfAsked,
  openTab,
  startSession,
  type E2eSession,
} from './harness';

// `npm run screenshots` sets this: the README's pictures come from this run of the real build.
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.join(process.cwd(), 'docs', 'screenshots')
  : null;
const SCREENSHOTS: Record<string, { file: string; width: number }> = {
  'popup.html': { file: 'popup.png', width: 420 },
  'dashboard.html#overview': { file: 'dashboard.png', width: 1280 },
  'dashboard.html#evidence': { file: 'library.png', width: 1280 },
  'data/index.html': { file: 'bundle-index.png', width: 1100 },
};

async function screenshot(page: Page, screen: string): Promise<void> {
  const shot = SCREENSHOTS[screen];
  if (!SCREENSHOT_DIR || !shot) return;
  await page.setViewportSize({ width: shot.width, height: 900 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, shot.file) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const AXE_SOURCE = readFile(path.join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations of the page as it stands. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(await AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => node.target.join(' ')),
    }));
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  let session: E2eSession;
  let dir: string;
  let indexUrl: string;

  beforeAll(async () => {
    session = await startSession();
    dir = await mkdtemp(path.join(tmpdir(), 'isms-axe-'));
    // Content for every screen: one capture saved for review, one tagged.
    for (const [file, save] of [
      ['access-review.html', true],
      ['backup-jobs.html', false],
    ] as const) {
      const page = await openTab(session.extension.context, session.fixture(file));
      const popup = await clickToolbarButton(session.extension, page);
      expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
      if (save) await popup.click('[data-testid="save-tagging"]');
      await popup.close();
      await page.close();
    }
    // A real bundle, for its index page.
    const { context, extensionId } = session.extension;
    const exporter = await context.newPage();
    await exporter.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
    });
    await exporter.goto(`chrome-extension://${extensionId}/export.html`);
    await nameOrganisationIfAsked(exporter);
    await exporter.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
    const [download] = await Promise.all([
      exporter.waitForEvent('download', { timeout: 30_000 }),
      exporter.getByTestId('export-start').click(),
    ]);
    const zipPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(zipPath);
    await exporter.close();
    execFileSync('unzip', ['-q', zipPath, '-d', dir]);
    const [bag] = (await readdir(dir)).filter((name) => !name.endsWith('.zip'));
    indexUrl = `file://${path.join(dir, bag!, 'data', 'index.html')}`;
  });

  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const screens = [
    'popup.html',
    'dashboard.html#overview',
    'dashboard.html#controls',
    'dashboard.html#plan',
    'dashboard.html#findings',
    'dashboard.html#evidence',
    'dashboard.html#export',
    'dashboard.html#settings',
    'export.html',
  ];

  it('reports a page that breaks the rules (the check itself works)', async () => {
    const page = await session.extension.context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>x</title><main><img src="x.png"></main></html>',
    );
    expect((await seriousViolations(page)).map((violation) => violation.id)).toContain('image-alt');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`holds in the popup, the dashboard, the export page and the bundle's index page (${colorScheme})`, async () => {
      const { context, extensionId } = session.extension;
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      const found: Record<string, Violation[]> = {};
      for (const screen of screens) {
        await page.goto(`chrome-extension://${extensionId}/${screen}`);
        await page.waitForLoadState('networkidle');
        if (screen === 'dashboard.html#evidence') {
          await page.locator('[data-testid="library-row"]').first().click();
          await page.getByTestId('evidence-detail').waitFor();
        }
        found[screen] = await seriousViolations(page);
        if (colorScheme === 'light') await screenshot(page, screen);
      }
      await page.goto(indexUrl);
      found['data/index.html'] = await seriousViolations(page);
      if (colorScheme === 'light') await screenshot(page, 'data/index.html');
      await page.close();
      expect(found['popup.html']).toBeDefined();
      for (const [screen, violations] of Object.entries(found)) expect(violations, screen).toEqual([]);
    });
  }
});
