import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHighlightOver } from '../support/highlight-check';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { cdpClip, samePixels, type Box } from './browser-pixels';
import {
  captureFullPage,
  minimumAlpha,
  readWholeFullPage,
  storeCounts,
  type StoreCounts,
} from './full-page-steps';
import {
  artifactBytes,
  captureFromPopup,
  clickToolbarButton,
  openTab,
  parseCsv,
  startSession,
  utf8,
  type E2eSession,
} from './harness';

// A console shell whose tool page is a same-origin frame (with a frame of its own inside, and its own
// scrolling pane), and a status badge from the other loopback port: a frame of another origin.
describe('capturing a console that lives in frames', () => {
  let session: E2eSession;
  let shell: string;

  beforeAll(async () => {
    session = await startSession();
    shell = `${session.fixture('framed/shell.html')}?other=${encodeURIComponent(session.server.crossOriginUrl)}`;
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openShell(): Promise<Page> {
    const page = await openTab(session.extension.context, shell);
    await page.waitForFunction(() => {
      const tool = document.querySelector<HTMLIFrameElement>('#tool')?.contentDocument;
      const details = tool?.querySelector<HTMLIFrameElement>('#details')?.contentDocument;
      return tool?.querySelectorAll('#accounts tbody tr').length === 120 && details?.getElementById('roles');
    });
    return page;
  }

  const PICKER = 'isms-evidence-picker';

  /** An element's box in the top viewport, through the frames named by `frames` (iframe selectors, outer first). */
  const boxInTop = (page: Page, frames: string[], selector: string): Promise<Box> =>
    page.evaluate(
      ({ frames, selector }) => {
        let doc = document;
        let x = 0;
        let y = 0;
        for (const frameSelector of frames) {
          const frame = doc.querySelector<HTMLIFrameElement>(frameSelector)!;
          const box = frame.getBoundingClientRect();
          x += box.left + frame.clientLeft;
          y += box.top + frame.clientTop;
          doc = frame.contentDocument!;
        }
        const box = doc.querySelector(selector)!.getBoundingClientRect();
        return { x: box.left + x, y: box.top + y, width: box.width, height: box.height };
      },
      { frames, selector },
    );

  /** The popup's element button: the popup closes and the picker is in the page. */
  async function pickFromPopup(page: Page): Promise<void> {
    const popup = await clickToolbarButton(session.extension, page);
    await popup.click('button[data-testid="capture-element"]');
    await page.waitForSelector(PICKER, { state: 'attached', timeout: 10_000 });
    await popup.close();
  }

  /** Waits for the one record stored after `before`, with every blob. */
  async function nextRecord(before: StoreCounts) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const dump = await session.read({ withBlobs: true });
      if (dump.evidence.length > before.evidence) {
        expect(dump.evidence).toHaveLength(before.evidence + 1);
        const record = dump.evidence.reduce((a, b) => (b.sequence > a.sequence ? b : a));
        const named = (name: string) => utf8(artifactBytes(dump, record, name));
        const tables = record.artifacts
          .filter((artifact) => artifact.role === 'table')
          .map((artifact) => parseCsv(named(artifact.name)).rows);
        const metadata = JSON.parse(named('metadata.json')) as {
          method: string;
          pageChanges: string[];
          element?: { selected: string };
          region?: { selected: string };
        };
        return {
          dump,
          record,
          named,
          tables,
          metadata,
          png: readPng(artifactBytes(dump, record, 'original.png')),
        };
      }
      if (Date.now() > deadline) throw new Error('No evidence was stored within 30 s.');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('element capture picks a table two frames deep: the browser’s pixels of it, its rows only', async () => {
    const page = await openShell();
    // The privileged-roles frame sits below the user list: scroll the pane to it, as the admin would.
    await page.evaluate(() => {
      const list = document
        .querySelector<HTMLIFrameElement>('#tool')!
        .contentDocument!.getElementById('list')!;
      list.scrollTop = list.scrollHeight;
    });
    const caption = await boxInTop(page, ['#tool', '#details'], '#roles caption');
    const table = await boxInTop(page, ['#tool', '#details'], '#roles');
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const viewport = await page.evaluate(() => ({
      x: 0,
      y: 0,
      width: window.innerWidth,
      height: window.innerHeight,
    }));
    const unpicked = await cdpClip(page, viewport);
    const counts = await storeCounts(session);
    await pickFromPopup(page);
    // Over the caption inside the inner frame, ↑ to its table, Enter.
    await page.mouse.move(caption.x + 10, caption.y + caption.height / 2);
    await page.mouse.move(caption.x + 20, caption.y + caption.height / 2, { steps: 2 });
    await page.keyboard.press('ArrowUp');
    // The highlight lies over the table inside the inner frame, placed in the top viewport: every pixel
    // inside the table's rectangle is tinted, the page next to it and below it is as it was.
    const highlighted = await cdpClip(page, viewport);
    const changed = (x: number, y: number) =>
      highlighted.pixel(Math.round(x * dpr), Math.round(y * dpr)).join() !==
      unpicked.pixel(Math.round(x * dpr), Math.round(y * dpr)).join();
    expectHighlightOver(table, changed);
    await page.keyboard.press('Enter');
    const { record, named, tables, metadata, png } = await nextRecord(counts);
    expect(await page.locator(PICKER).count()).toBe(0);

    expect(record).toMatchObject({ kind: 'element', url: page.url() });
    expect(metadata.method).toBe('element-crop');
    expect(metadata.element?.selected).toMatch(/^table#roles in the frame http:.*\/framed\/details\.html$/);
    expect([png.width, png.height]).toEqual([Math.round(table.width * dpr), Math.round(table.height * dpr)]);
    // Pixel for pixel what the browser itself shows there: the crop is placed through both frames.
    expect(samePixels(png, await cdpClip(page, table))).toBe(0);
    expect(tables).toEqual([
      [
        ['Role', 'Holder', 'Since'],
        ['Global administrator', 'grace.kim@northwind.example', '2024-03-01'],
        ['Security administrator', 'farid.haddad@northwind.example', '2025-01-15'],
        ['Billing administrator', 'ines.okafor@northwind.example', '2025-06-30'],
      ],
    ]);
    const text = named('text.txt');
    expect(text).toContain('Billing administrator');
    expect(text).not.toContain('user-001');
    expect(named('dom.html')).toContain('Security administrator');
    await page.close();
  });

  it('region capture inside a frame: that rectangle of pixels, the frame’s table it touches', async () => {
    const page = await openShell();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const first = await boxInTop(page, ['#tool'], '#accounts tbody tr');
    const region = {
      x: Math.round(first.x + 10),
      y: Math.round(first.y + 2),
      width: 300,
      height: 120,
    };
    const counts = await storeCounts(session);
    await pickFromPopup(page);
    await page.mouse.move(region.x, region.y);
    await page.mouse.down();
    await page.mouse.move(region.x + 100, region.y + 50, { steps: 4 });
    await page.mouse.move(region.x + region.width, region.y + region.height, { steps: 4 });
    await page.mouse.up();
    const { record, named, tables, metadata, png } = await nextRecord(counts);

    expect(record.kind).toBe('region');
    expect(metadata.method).toBe('region-crop');
    expect([png.width, png.height]).toEqual([region.width * dpr, region.height * dpr]);
    expect(samePixels(png, await cdpClip(page, region))).toBe(0);
    // Held by an element of the frame: its text and the accounts table, not the shell's navigation.
    expect(metadata.region?.selected).toMatch(/ in the frame http:.*\/framed\/users\.html$/);
    expect(tables.map((rows) => rows[0]?.[0])).toEqual(['User']);
    expect(tables[0]).toHaveLength(121);
    const text = named('text.txt');
    expect(text).toContain('user-001');
    expect(text).not.toContain('Audit log');
    await page.close();
  });

  it('element capture of a framed table taller than the screen: re-rendered whole, every row', async () => {
    const page = await openShell();
    const cell = await boxInTop(page, ['#tool'], '#accounts tbody td');
    const counts = await storeCounts(session);
    await pickFromPopup(page);
    await page.mouse.move(cell.x + 10, cell.y + cell.height / 2);
    await page.mouse.move(cell.x + 20, cell.y + cell.height / 2, { steps: 2 });
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key); // td → tr → tbody → table
    await page.keyboard.press('Enter');
    const { tables, metadata, png } = await nextRecord(counts);
    const table = await boxInTop(page, ['#tool'], '#accounts');
    const dpr = await page.evaluate(() => window.devicePixelRatio);

    expect(metadata.method).toBe('html2canvas');
    expect(metadata.element?.selected).toMatch(/^table#accounts in the frame /);
    expect([png.width, png.height]).toEqual([Math.round(table.width * dpr), Math.round(table.height * dpr)]);
    // The last row's coloured cell is drawn where it lies in the table.
    const lastRow = await boxInTop(page, ['#tool'], '#accounts tbody tr:last-child td');
    const at = png
      .pixel(
        Math.round((lastRow.x - table.x + 4) * dpr),
        Math.round((lastRow.y - table.y + lastRow.height / 2) * dpr),
      )
      .slice(0, 3);
    expect(at).toEqual([(119 * 37) % 256, (119 * 91) % 256, 50]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toHaveLength(121);
    // The attribute that marked the element for the renderer is gone again, in the frame too.
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector<HTMLIFrameElement>('#tool')!
            .contentDocument!.querySelectorAll('[data-isms-evidence-render]').length,
      ),
    ).toBe(0);
    await page.close();
  });

  it('stores the framed tables row by row, their text and DOM, and lists the other origin’s frame', async () => {
    const page = await openShell();
    const counts = await storeCounts(session);
    const popup = await clickToolbarButton(session.extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await popup.close();
    const dump = await session.read({ withBlobs: true });
    expect(dump.evidence).toHaveLength(counts.evidence + 1);
    const record = dump.evidence.reduce((a, b) => (b.sequence > a.sequence ? b : a));
    const named = (name: string) => utf8(artifactBytes(dump, record, name));
    const tables = record.artifacts
      .filter((artifact) => artifact.role === 'table')
      .map((artifact) => parseCsv(named(artifact.name)).rows);
    const accounts = tables.find((rows) => rows[0]?.[0] === 'User')!;
    expect(accounts).toHaveLength(121);
    for (let i = 0; i < 120; i++)
      expect(accounts[i + 1]).toEqual([
        `user-${String(i + 1).padStart(3, '0')}`,
        `user${i + 1}@northwind.example`,
        i % 10 === 0 ? 'Administrator' : 'Member',
        i % 7 === 0 ? 'Off' : 'On',
      ]);
    const roles = tables.find((rows) => rows[0]?.[0] === 'Role')!;
    expect(roles).toEqual([
      ['Role', 'Holder', 'Since'],
      ['Global administrator', 'grace.kim@northwind.example', '2024-03-01'],
      ['Security administrator', 'farid.haddad@northwind.example', '2025-01-15'],
      ['Billing administrator', 'ines.okafor@northwind.example', '2025-06-30'],
    ]);
    const text = named('text.txt');
    expect(text).toContain('Northwind Admin portal');
    expect(text).toMatch(/framed\/users\.html[\s\S]*User accounts[\s\S]*user-120/);
    expect(text).toContain('Global administrator');
    expect(text).not.toContain('STATUS-FRAME-TEXT');
    const dom = named('dom.html');
    expect(dom).toContain('user-120');
    expect(dom).toContain('Billing administrator');
    expect(dom).not.toContain('STATUS-FRAME-TEXT');
    const metadata = JSON.parse(named('metadata.json')) as {
      frames: {
        included: { url: string; tables: number }[];
        otherOrigins: { origin: string; reason: string }[];
      };
    };
    expect(metadata.frames.included.map((frame) => new URL(frame.url).pathname)).toEqual([
      '/framed/users.html',
      '/framed/details.html',
    ]);
    expect(metadata.frames.otherOrigins).toEqual([
      expect.objectContaining({
        origin: new URL(session.server.crossOriginUrl).origin,
        reason: 'no-permission',
      }),
    ]);
    await page.close();
  });

  it('full page: scrolls the pane inside the frame, every row once in order, the sticky header once', async () => {
    const page = await openShell();
    const geometry = await page.evaluate(() => {
      const frame = document.getElementById('tool')!.getBoundingClientRect();
      const tool = document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!;
      const list = tool.getElementById('list')!;
      const box = list.getBoundingClientRect();
      // Right of the user name, inside its coloured cell: the colour alone, no glyph.
      const firstCell = tool.querySelector('#accounts tbody td')!.getBoundingClientRect();
      return {
        dpr: window.devicePixelRatio,
        paneTop: frame.top + box.top,
        // Where each row's middle is in the pane's content, as laid out (borders make rows 30.x px).
        rowMiddles: [...tool.querySelectorAll('#accounts tbody tr')].map((row) => {
          const rect = row.getBoundingClientRect();
          return rect.top - box.top + rect.height / 2;
        }),
        cellX: frame.left + firstCell.right - 4,
        scrollHeight: list.scrollHeight,
      };
    });
    const counts = await storeCounts(session);
    const popup = await clickToolbarButton(session.extension, page);
    const result = await captureFullPage(popup);
    await popup.close();
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    const stored = await readWholeFullPage(session, counts);
    expect(stored.metadata.fullPage.scrollContainer).toMatch(/^div#list in the frame .*framed\/users\.html$/);
    expect(stored.metadata.fullPage.tiles.length).toBeGreaterThan(1);
    const [png] = stored.parts;
    const { dpr } = geometry;
    const at = (y: number) =>
      png!
        .pixel(Math.round(geometry.cellX * dpr), Math.round(y * dpr))
        .slice(0, 3)
        .join(',');
    // Every row's first cell, in order, where the pane's content puts it below the frame's top.
    for (let i = 0; i < 120; i++) {
      const y = geometry.paneTop + geometry.rowMiddles[i]!;
      expect(at(y), `row ${i + 1}`).toBe(`${(i * 37) % 256},${(i * 91) % 256},50`);
    }
    const column = Array.from({ length: png!.height }, (_, y) =>
      png!
        .pixel(Math.round(geometry.cellX * dpr), y)
        .slice(0, 3)
        .join(','),
    );
    const headerRows = column.filter((colour) => colour === '255,0,255').length;
    expect(headerRows).toBeGreaterThan(0);
    expect(headerRows).toBeLessThanOrEqual(Math.round(31 * dpr)); // once, not on every tile
    for (const part of stored.parts) expect(minimumAlpha(part)).toBe(255);
    // The page is as the admin left it: the pane back at the top.
    expect(
      await page.evaluate(
        () =>
          document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!.getElementById('list')!
            .scrollTop,
      ),
    ).toBe(0);
    await page.close();
  });

  it('masks e-mail addresses inside the frames, in the pixels as in the text', async () => {
    const page = await openShell();
    const cell = await page.evaluate(() => {
      const frame = document.getElementById('tool')!.getBoundingClientRect();
      const tool = document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!;
      const box = tool
        .querySelector<HTMLTableRowElement>('#accounts tbody tr')!
        .cells[1]!.getBoundingClientRect();
      return {
        x: frame.left + box.left + 8,
        y: frame.top + box.top + box.height / 2,
        dpr: window.devicePixelRatio,
      };
    });
    const counts = await storeCounts(session);
    const popup = await clickToolbarButton(session.extension, page);
    const masking = 'input[data-testid="masking-enabled"]';
    await popup.waitFor(`${masking}:not([disabled])`);
    if (
      !(await popup.evaluate(
        (selector) => document.querySelector<HTMLInputElement>(selector)!.checked,
        masking,
      ))
    )
      await popup.click(masking);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    // The status badge's frame is another origin's: masking could not look inside it, and says so by origin.
    const otherOrigin = new URL(session.server.crossOriginUrl).origin;
    const warning = (await popup.text('[data-testid="masking-warnings"]')) ?? '';
    expect(warning).toContain(`Not masked: 1 frame from ${otherOrigin} could not be scanned`);
    expect(warning).not.toContain(new URL(shell).origin);
    await popup.close();
    const dump = await session.read({ withBlobs: true });
    expect(dump.evidence).toHaveLength(counts.evidence + 1);
    const record = dump.evidence.reduce((a, b) => (b.sequence > a.sequence ? b : a));
    const text = utf8(artifactBytes(dump, record, 'text.txt'));
    expect(text).toContain('user-001');
    expect(text).not.toContain('@northwind.example');
    const original = readPng(artifactBytes(dump, record, 'original.png'));
    expect(original.pixel(Math.round(cell.x * cell.dpr), Math.round(cell.y * cell.dpr)).slice(0, 3)).toEqual([
      0, 0, 0,
    ]);
    const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as {
      masking: {
        rules: { ruleId: string; pixelAreas: number }[];
        problems: string[];
        framesNotScanned: { origin: string; frames: number; reason: string }[];
      };
    };
    const email = metadata.masking.rules.find((count) => count.ruleId === 'email')!;
    expect(email.pixelAreas).toBeGreaterThan(5);
    expect(metadata.masking.framesNotScanned).toEqual([
      { origin: otherOrigin, frames: 1, reason: 'no-permission' },
    ]);
    expect(metadata.masking.problems).toEqual([warning]);
    await page.close();
  });
});
