import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { captureFullPage, minimumAlpha, readWholeFullPage, storeCounts } from './full-page-steps';
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
      masking: { rules: { ruleId: string; pixelAreas: number }[] };
    };
    const email = metadata.masking.rules.find((count) => count.ruleId === 'email')!;
    expect(email.pixelAreas).toBeGreaterThan(5);
    await page.close();
  });
});
