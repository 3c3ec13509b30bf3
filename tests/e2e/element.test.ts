import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { cdpClip, samePixels } from './browser-pixels';
import {
  artifactBytes,
  clickToolbarButton,
  launchExtension,
  openBackgroundPage,
  openTab,
  parseCsv,
  popupTab,
  readDatabase,
  readPageTable,
  REPO_ROOT,
  startFixtureServer,
  utf8,
  verifyArtifacts,
  verifyCustodyChain,
  type EvidenceDump,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';

// The test build (`wxt build --mode e2e`) is the production build plus the keyboard hook that
// gesture.test.ts checks is absent from the shipped file; everything else here is the same code.
const TEST_BUILD_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3-e2e');

type HookedWorker = {
  handleCaptureTrigger: (request: { tabId: number; trigger: string; scope: string }) => Promise<void>;
};

interface Metadata {
  method: string;
  capturer: string;
  organisation?: string;
  trigger: string;
  notes: string[];
  pageChanges: string[];
  element?: Record<string, unknown>;
  region?: Record<string, unknown>;
}

const PICKER = 'isms-evidence-picker';

/** The browser and fixture server of the describe block running now. */
const ctx = {} as { server: FixtureServer; extension: LaunchedExtension };
const read = (withBlobs = false) =>
  readDatabase<StoredEvidence, StoredCustodyEntry>(ctx.extension, { withBlobs });

function launchWith(extensionDir?: string) {
  beforeAll(async () => {
    ctx.server = await startFixtureServer();
    ctx.extension = await launchExtension(extensionDir ? { extensionDir } : {});
    // Who and for whom: both belong in an element capture's metadata as in any other.
    const page = await openBackgroundPage(
      ctx.extension,
      `chrome-extension://${ctx.extension.extensionId}/dashboard.html`,
    );
    const reply = await page.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({
        type: 'saveSettings',
        payload: { capturer: 'Element Tester', organisation: 'Northwind Demo' },
      })})`,
    );
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  });
  afterAll(async () => {
    await ctx.extension?.close();
    await ctx.server?.close();
  });
}

async function openFixture(): Promise<Page> {
  return openTab(ctx.extension.context, new URL('element-picker.html', ctx.server.url).href);
}

/** The toolbar button, then the popup's element button: the popup closes and the picker is in the page. */
async function pickFromPopup(page: Page, options: { masking?: boolean } = {}): Promise<number> {
  const popup = await clickToolbarButton(ctx.extension, page);
  const { tabId } = await popupTab(popup);
  if (options.masking !== undefined) {
    const box = 'input[data-testid="masking-enabled"]';
    // Until the popup has read the setting the box is disabled and unticked: read it only once it is enabled.
    await popup.waitFor(`${box}:not([disabled])`);
    if (
      (await popup.evaluate(
        (selector) => document.querySelector<HTMLInputElement>(selector)?.checked,
        box,
      )) !== options.masking
    ) {
      await popup.click(box);
      // The popup waits for the setting to be saved before it starts the picker.
    }
  }
  await popup.click('button[data-testid="capture-element"]');
  await page.waitForSelector(PICKER, { state: 'attached', timeout: 10_000 });
  await popup.close();
  return tabId;
}

const boxOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.left, y: box.top, width: box.width, height: box.height };
  });

/** Waits until one record more than `before` is stored, and returns it with every blob. */
async function nextRecord(before: EvidenceDump) {
  const known = new Set(before.evidence.map((record) => record.id));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const dump = await read(true);
    const added = dump.evidence.filter((record) => !known.has(record.id));
    if (added.length > 0) {
      expect(added).toHaveLength(1);
      return { dump, record: added[0]! };
    }
    if (Date.now() > deadline) throw new Error('No evidence was stored within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const metadataOf = (dump: EvidenceDump, record: StoredEvidence) =>
  JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as Metadata;

function tablesOf(dump: EvidenceDump, record: StoredEvidence): string[][][] {
  return record.artifacts
    .filter((artifact) => artifact.role === 'table')
    .map((artifact) => parseCsv(utf8(artifactBytes(dump, record, artifact.name))).rows);
}

describe('element and region capture from the popup (production build)', () => {
  launchWith();

  it('hover and click a table: real pixels cropped to it, and only its rows as CSV', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const box = await boxOf(page, '#summary');
    const expected = await readPageTable(page, '#summary');
    const before = await read();
    await pickFromPopup(page);

    // Hover a cell, then the table's own padding, and click there.
    await page.mouse.move(box.x + 30, box.y + 45);
    await page.mouse.move(box.x + 3, box.y + 3, { steps: 3 });
    await page.mouse.click(box.x + 3, box.y + 3);
    const { dump, record } = await nextRecord(before);
    expect(await page.locator(PICKER).count()).toBe(0);

    expect(record).toMatchObject({ kind: 'element', status: 'needs-review', url: page.url() });
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const metadata = metadataOf(dump, record);
    expect(metadata).toMatchObject({
      method: 'element-crop',
      trigger: 'popup',
      capturer: 'Element Tester',
      organisation: 'Northwind Demo',
    });
    expect(metadata.element?.selected).toBe('table#summary');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([Math.round(box.width * dpr), Math.round(box.height * dpr)]);
    expect(metadata.element).toMatchObject({ cropPx: { width: png.width, height: png.height } });
    // Pixel for pixel what the browser itself shows there (its own screenshot, taken over CDP).
    expect(samePixels(png, await cdpClip(page, box))).toBe(0);
    // Only this table's rows: one CSV, the header and its five rows.
    const tables = tablesOf(dump, record);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual([expected.header, ...expected.rows]);
    const text = utf8(artifactBytes(dump, record, 'text.txt'));
    expect(text).toContain('Repo-Frankfurt-01');
    expect(text).not.toContain('Grace Kim');
    expect(text).not.toContain('JOB-1000');
    expect(utf8(artifactBytes(dump, record, 'dom.html'))).not.toContain('JOB-1000');
    await page.close();
  });

  it('scrolls an element that fits but is partly off screen into view, crops it, and scrolls back', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    await page.evaluate(() => window.scrollTo(0, 150));
    const partly = await boxOf(page, '#summary');
    expect(partly.y).toBeLessThan(0);
    const before = await read();
    await pickFromPopup(page);
    // The table's own bottom padding, the part still on screen.
    await page.mouse.move(partly.x + 3, partly.y + partly.height - 3);
    await page.mouse.click(partly.x + 3, partly.y + partly.height - 3);
    const { dump, record } = await nextRecord(before);

    const metadata = metadataOf(dump, record);
    expect(metadata).toMatchObject({ method: 'element-crop' });
    expect(metadata.element?.selected).toBe('table#summary');
    expect(metadata.pageChanges.join(' ')).toMatch(/Scrolled table#summary into view .* restored/);
    expect(await page.evaluate(() => window.scrollY)).toBe(150);
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([
      Math.round(partly.width * dpr),
      Math.round(partly.height * dpr),
    ]);
    // The same scroll as the capture made, then the browser's own pixels of it.
    await page.evaluate(() =>
      document.getElementById('summary')!.scrollIntoView({ block: 'nearest', behavior: 'instant' }),
    );
    expect(samePixels(png, await cdpClip(page, await boxOf(page, '#summary')))).toBe(0);
    await page.close();
  });

  it('says in a sentence why a browser page cannot be picked from, and keeps the popup open', async () => {
    const page = await openTab(ctx.extension.context, 'chrome://version/');
    const popup = await clickToolbarButton(ctx.extension, page);
    await popup.click('button[data-testid="capture-element"]');
    await popup.waitFor('[data-testid="capture-error"]');
    const message = await popup.text('[data-testid="capture-error"]');
    expect(message).toMatch(/^Capture failed: .{20,}\.$/);
    expect(message).not.toMatch(/undefined|TypeError|\[object/);
    await popup.close();
    await page.close();
  });

  it('works on a page whose Content-Security-Policy forbids inline styles', async () => {
    const page = await openTab(ctx.extension.context, new URL('strict-csp.html', ctx.server.url).href);
    const box = await boxOf(page, '#policy');
    const before = await read();
    await pickFromPopup(page);
    // The overlay is laid out as designed (its styles were not refused), above everything.
    expect(
      await page.locator(PICKER).evaluate((host) => {
        const style = getComputedStyle(host);
        return [style.position, style.zIndex, style.pointerEvents];
      }),
    ).toEqual(['fixed', '2147483647', 'none']);
    await page.mouse.move(box.x + 5, box.y + 5);
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const { dump, record } = await nextRecord(before);
    expect(metadataOf(dump, record).element?.selected).toBe('table#policy');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    // This page's table sits at fractional coordinates: the crop takes every pixel it touches.
    const touched = {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.ceil(box.x + box.width) - Math.floor(box.x),
      height: Math.ceil(box.y + box.height) - Math.floor(box.y),
    };
    expect(samePixels(png, await cdpClip(page, touched))).toBe(0);
    await page.close();
  });

  it('drags a region: exactly that rectangle of browser pixels', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const before = await read();
    await pickFromPopup(page);
    const region = { x: 300, y: 100, width: 500, height: 150 };
    await page.mouse.move(region.x, region.y);
    await page.mouse.down();
    await page.mouse.move(region.x + 100, region.y + 50, { steps: 4 });
    await page.mouse.move(region.x + region.width, region.y + region.height, { steps: 4 });
    await page.mouse.up();
    const { dump, record } = await nextRecord(before);

    expect(record.kind).toBe('region');
    const metadata = metadataOf(dump, record);
    expect(metadata.method).toBe('region-crop');
    expect(metadata.region).toMatchObject({ rectCss: region });
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([region.width * dpr, region.height * dpr]);
    expect(samePixels(png, await cdpClip(page, region))).toBe(0);
    // The region touches two tables (summary and owners), not the job list below.
    const headers = tablesOf(dump, record).map((rows) => rows[0]?.[0]);
    expect(headers).toEqual(['Repository', 'Owner']);
    // The whole visible area it was cropped from is kept, the browser's bytes.
    const viewport = readPng(artifactBytes(dump, record, 'viewport.png'));
    expect(viewport.width).toBe(Math.round((await page.evaluate(() => window.innerWidth)) * dpr));
    await page.close();
  });

  it('re-renders an element taller than the viewport with html2canvas, full height, and says so', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const before = await read();
    await pickFromPopup(page);
    const cell = await boxOf(page, '#jobs caption');
    await page.mouse.move(cell.x + 30, cell.y + 5);
    await page.keyboard.press('ArrowUp'); // caption → table
    await page.keyboard.press('Enter');
    const { dump, record } = await nextRecord(before);
    const box = await boxOf(page, '#jobs');
    expect(box.height).toBeGreaterThan(await page.evaluate(() => window.innerHeight));

    const metadata = metadataOf(dump, record);
    expect(metadata.method).toBe('html2canvas');
    expect(String(metadata.element?.pixels)).toMatch(/DOM re-rendering .* not the browser’s own pixels/);
    expect(metadata.element?.selected).toBe('table#jobs');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([Math.round(box.width * dpr), Math.round(box.height * dpr)]);
    const rows = tablesOf(dump, record);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(201);
    // The attribute that marked the element for the renderer is gone again.
    expect(await page.locator('[data-isms-evidence-render]').count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('Esc cancels: nothing stored and no trace left in the page', async () => {
    const page = await openFixture();
    const html = () => page.evaluate(() => document.documentElement.outerHTML);
    const untouched = await html();
    const before = await read();
    await pickFromPopup(page);
    const box = await boxOf(page, '#owners');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.keyboard.press('Escape');
    await page.waitForSelector(PICKER, { state: 'detached' });
    // A click after cancelling belongs to the page again.
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.mouse.click(box.x + 10, box.y + 10);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    expect(await html()).toBe(untouched);
    const after = await read();
    expect(after.evidence).toHaveLength(before.evidence.length);
    expect(after.custody).toHaveLength(before.custody.length);
    await page.close();
  });

  it('refuses a picker answer from another tab or without the token, then takes the real one', async () => {
    const other = await openFixture();
    const otherPopup = await clickToolbarButton(ctx.extension, other); // access to run a script there
    const { tabId: otherTabId } = await popupTab(otherPopup);
    await otherPopup.close();
    const page = await openFixture();
    const before = await read();
    const tabId = await pickFromPopup(page);

    const worker = await ctx.extension.serviceWorker();
    // Content scripts in each tab send what a compromised or confused picker could: the real token from the
    // wrong tab, no token, a guessed token, and a privileged request.
    const replies = (await worker.evaluate(`(async () => {
      const key = 'pickerSession:${tabId}';
      const token = (await chrome.storage.session.get(key))[key].token;
      const send = (target, message) =>
        chrome.scripting
          .executeScript({ target: { tabId: target }, func: (m) => chrome.runtime.sendMessage(m), args: [message] })
          .then(([injection]) => injection.result);
      const choice = { kind: 'element', description: 'body' };
      return {
        otherTab: await send(${otherTabId}, { type: 'pickerResult', token, choice }),
        noToken: await send(${tabId}, { type: 'pickerResult', choice }),
        guessed: await send(${tabId}, { type: 'pickerResult', token: '0'.repeat(32), choice }),
        privileged: await send(${tabId}, { type: 'captureTab', payload: { tabId: ${tabId}, trigger: 'popup' } }),
        stillOpen: (await chrome.storage.session.get(key))[key] !== undefined,
      };
    })()`)) as Record<string, { ok: boolean; error?: string } | boolean>;
    expect(replies).toEqual({
      otherTab: {
        ok: false,
        error: expect.stringMatching(/^Refused: no element picker is open in this tab/),
      },
      noToken: { ok: false, error: expect.stringMatching(/^Refused/) },
      guessed: { ok: false, error: expect.stringMatching(/^Refused: .*picker token/) },
      privileged: { ok: false, error: expect.stringMatching(/^Refused/) },
      stillOpen: true,
    });
    expect((await read()).evidence).toHaveLength(before.evidence.length);

    // The user's own pick still works, once.
    const swatch = await boxOf(page, '#swatch');
    await page.mouse.click(swatch.x + 50, swatch.y + 50);
    const { record, dump } = await nextRecord(before);
    expect(metadataOf(dump, record).element?.selected).toBe('div#swatch.swatch');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect(png.pixel(10, 10).slice(0, 3)).toEqual([0xc0, 0x39, 0x2b]);
    expect(png.pixel(png.width - 10, 10).slice(0, 3)).toEqual([0x27, 0xae, 0x60]);
    // A narrow capture gets a band wide enough for the whole stamp; the image below it is unscaled.
    const stamped = readPng(artifactBytes(dump, record, 'stamped.png'));
    expect(stamped.width).toBe(Math.max(png.width, 640));
    const band = stamped.height - png.height;
    expect(band).toBeGreaterThan(40);
    expect(stamped.pixel(10, band + 10)).toEqual(png.pixel(10, 10));
    if (process.env.ELEMENT_DUMP)
      writeFileSync(process.env.ELEMENT_DUMP, artifactBytes(dump, record, 'stamped.png'));
    await page.close();
    await other.close();
  });

  it('navigating away ends the picker: nothing stored, the session closed', async () => {
    const page = await openFixture();
    const before = await read();
    const tabId = await pickFromPopup(page);
    await page.goto(new URL('ticket.html', ctx.server.url).href);
    const worker = await ctx.extension.serviceWorker();
    await expect
      .poll(() =>
        worker.evaluate(
          `chrome.storage.session.get('pickerSession:${tabId}').then((items) => Object.keys(items).length)`,
        ),
      )
      .toBe(0);
    expect(await page.locator(PICKER).count()).toBe(0);
    await page.mouse.click(100, 100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await read()).evidence).toHaveLength(before.evidence.length);
    await page.close();
  });

  it('masks secrets in the element’s pixels, text and tables when masking is on', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const table = await boxOf(page, '#owners');
    const email = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('owner-email')!);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    const before = await read();
    await pickFromPopup(page, { masking: true });
    await page.mouse.move(table.x + 20, table.y + 45);
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const { dump, record } = await nextRecord(before);

    expect(metadataOf(dump, record).element?.selected).toBe('table#owners');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    const at = (x: number, y: number) =>
      png.pixel(Math.round((x - table.x) * dpr), Math.round((y - table.y) * dpr)).slice(0, 3);
    expect(at(email.x, email.y)).toEqual([0, 0, 0]);
    expect(at(email.x - 40, email.y)).toEqual([0, 0, 0]);
    for (const artifact of record.artifacts.filter((candidate) => candidate.mimeType.startsWith('text/'))) {
      expect(utf8(artifactBytes(dump, record, artifact.name)), artifact.name).not.toContain(
        'vaultline.example',
      );
    }
    expect(utf8(artifactBytes(dump, record, 'table-1.csv'))).toContain('Grace Kim');
    const viewport = readPng(artifactBytes(dump, record, 'viewport.png'));
    expect(viewport.pixel(Math.round(email.x * dpr), Math.round(email.y * dpr)).slice(0, 3)).toEqual([
      0, 0, 0,
    ]);
    await page.close();
  });

  it('masks secrets in a re-rendered element too, where the rendering puts them', async () => {
    const page = await openFixture();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const caption = await boxOf(page, '#jobs caption');
    const owner = await boxOf(page, '#jobs-owner');
    const before = await read();
    await pickFromPopup(page, { masking: true });
    await page.mouse.move(caption.x + 30, caption.y + 5);
    await page.keyboard.press('ArrowUp'); // caption → table
    await page.keyboard.press('Enter');
    const { dump, record } = await nextRecord(before);

    const metadata = metadataOf(dump, record);
    expect(metadata.method).toBe('html2canvas');
    const table = await boxOf(page, '#jobs');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    const at = (x: number, y: number) =>
      png.pixel(Math.round((x - table.x) * dpr), Math.round((y - table.y) * dpr)).slice(0, 3);
    expect(at(owner.x + owner.width / 2, owner.y + owner.height / 2)).toEqual([0, 0, 0]);
    // The rest of the caption is not blacked out.
    expect(at(caption.x + 4, caption.y + caption.height / 2)).not.toEqual([0, 0, 0]);
    for (const artifact of record.artifacts.filter((candidate) => candidate.mimeType.startsWith('text/')))
      expect(utf8(artifactBytes(dump, record, artifact.name)), artifact.name).not.toContain(
        'vaultline.example',
      );
    await page.close();
  });
});

describe('element capture from the keyboard shortcut', () => {
  launchWith(TEST_BUILD_DIR);

  it('selects the whole table with the keyboard (shortcut hook, ↑ to the parent, Enter)', async () => {
    const page = await openFixture();
    const popup = await clickToolbarButton(ctx.extension, page); // grants activeTab, as the shortcut would
    const { tabId } = await popupTab(popup);
    await popup.close();
    const box = await boxOf(page, '#owners');
    const expected = await readPageTable(page, '#owners');
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const before = await read();
    const worker = await ctx.extension.serviceWorker();
    await worker.evaluate(
      (id) =>
        (self as unknown as HookedWorker).handleCaptureTrigger({
          tabId: id,
          trigger: 'command',
          scope: 'element',
        }),
      tabId,
    );
    await page.waitForSelector(PICKER, { state: 'attached' });
    // A data cell, then ↑ td → tr → tbody → table, then Enter.
    await page.mouse.move(box.x + 20, box.y + 45);
    for (const key of ['ArrowUp', 'ArrowUp', '[']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const { dump, record } = await nextRecord(before);

    const metadata = metadataOf(dump, record);
    expect(metadata).toMatchObject({ method: 'element-crop', trigger: 'command' });
    expect(metadata.element?.selected).toBe('table#owners');
    const png = readPng(artifactBytes(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([Math.round(box.width * dpr), Math.round(box.height * dpr)]);
    expect(samePixels(png, await cdpClip(page, box))).toBe(0);
    const tables = tablesOf(dump, record);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual([expected.header, ...expected.rows]);
    const custody = dump.custody.find((entry) => entry.event === 'capture' && entry.evidenceId === record.id);
    expect(custody?.details).toMatchObject({ trigger: 'command' });
    await page.close();
  });
});
