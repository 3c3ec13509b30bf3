import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  openTab,
  saveTagging,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
  nameOrganisationIfAsked,
} from './harness';
import { leavesTheMachine, loggedRequests } from './netlog.mjs';

describe('privacy: the extension makes no network requests of its own', () => {
  let server: FixtureServer;
  let extension: LaunchedExtension;
  let dir: string;
  let netLogPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'isms-netlog-'));
    netLogPath = path.join(dir, 'netlog.json');
    server = await startFixtureServer();
    extension = await launchExtension({ netLogPath });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('captures, tags, opens the dashboard and exports with every request staying on this machine', async () => {
    for (const file of ['access-review.html', 'backup-jobs.html', 'ticket.html']) {
      const page = await openTab(extension.context, new URL(file, server.url).href);
      const popup = await clickToolbarButton(extension, page);
      expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
      await saveTagging(popup, { notes: `Privacy run: ${file}` });
      await popup.close();
      await page.close();
    }
    const { context, extensionId } = extension;
    const page = await context.newPage();
    // No save picker: the export takes the download path, which Playwright can catch.
    await page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
    });
    for (const section of ['overview', 'controls', 'evidence', 'export']) {
      await page.goto(`chrome-extension://${extensionId}/dashboard.html#${section}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`chrome-extension://${extensionId}/export.html`);
    await nameOrganisationIfAsked(page);
    await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('export-start').click(),
    ]);
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    // The control: a request an extension page does make is in the log, attributed to the extension.
    const probe = new URL('index.html?probe-from-extension', server.url).href;
    await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then((response) => response.type), probe);
    await extension.close(); // flushes the NetLog

    const requests = await loggedRequests(netLogPath);
    const origin = `chrome-extension://${extensionId}`;
    const fromExtension = requests.filter((request) => request.initiator === origin);
    expect(fromExtension.map((request) => request.url)).toContain(probe);
    expect(fromExtension.filter((request) => leavesTheMachine(request.url))).toEqual([]);
    // Nothing but the probe left the extension at all, even to this machine.
    expect(new Set(fromExtension.map((request) => request.url))).toEqual(new Set([probe]));
  });
});
