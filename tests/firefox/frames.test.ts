import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { parseCsv, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pointerActions, pressKeys, pressShortcut, viewportClip } from './gestures.mjs';
import { readDatabase, waitForEvidence, type DatabaseDump } from './database.mjs';
import { expectHighlightOver } from '../support/highlight-check';

type Record_ = DatabaseDump['evidence'][number];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PICKER = 'isms-evidence-picker';

const ROLES = [
  ['Role', 'Holder', 'Since'],
  ['Global administrator', 'grace.kim@northwind.example', '2024-03-01'],
  ['Security administrator', 'farid.haddad@northwind.example', '2025-01-15'],
  ['Billing administrator', 'ines.okafor@northwind.example', '2025-06-30'],
];

// The framed console shell in Firefox: its tool page is a same-origin frame with a frame of its own inside,
// and the status badge comes from the other loopback port (a frame of another origin). The add-on reads the
// same-origin frames from the top document's content script, with the activeTab grant of the real shortcut.
describe('Firefox: a console that lives in frames', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox;
  let shell: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
    shell = `${new URL('framed/shell.html', server.url).href}?other=${encodeURIComponent(server.crossOriginUrl)}`;
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** The shell with both same-origin frames filled and the other origin's frame loaded. */
  async function openShell(): Promise<string> {
    const page = await openTab(firefox, shell);
    await waitFor(
      firefox,
      page,
      () => {
        const tool = document.querySelector<HTMLIFrameElement>('#tool')?.contentDocument;
        const details = tool?.querySelector<HTMLIFrameElement>('#details')?.contentDocument;
        const status = document.querySelector<HTMLIFrameElement>('#status');
        return (
          tool?.querySelectorAll('#accounts tbody tr').length === 120 &&
          details?.getElementById('roles') !== null &&
          details?.readyState === 'complete' &&
          status?.src.includes('/framed/status.html') === true
        );
      },
      { description: 'the framed console to be loaded' },
    );
    return page;
  }

  /** An element's box in the top viewport, through the frames named by `frames` (iframe selectors, outer first). */
  const boxInTop = (page: string, frames: string[], selector: string) =>
    evaluate(
      firefox,
      page,
      (frameSelectors: string[], target: string) => {
        let doc = document;
        let x = 0;
        let y = 0;
        for (const frameSelector of frameSelectors) {
          const frame = doc.querySelector<HTMLIFrameElement>(frameSelector)!;
          const box = frame.getBoundingClientRect();
          x += box.left + frame.clientLeft;
          y += box.top + frame.clientTop;
          doc = frame.contentDocument!;
        }
        const box = doc.querySelector(target)!.getBoundingClientRect();
        return { x: box.left + x, y: box.top + y, width: box.width, height: box.height };
      },
      frames,
      selector,
    ) as Promise<Box>;

  it('stores the framed tables row by row, their text and DOM, and lists the other origin’s frame', async () => {
    const page = await openShell();
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+E');
    const dump = await waitForEvidence(firefox, before + 1);
    const record = newest(dump);
    expect(record).toMatchObject({ url: shell, kind: 'visible', status: 'needs-review' });
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const named = (name: string) => new TextDecoder().decode(bytesOf(dump, record, name));
    const metadata = JSON.parse(named('metadata.json')) as {
      method: string;
      trigger: string;
      notes: string[];
      tables: { file: string; rows: number; frame?: string }[];
      frames: {
        included: { path: string; url: string; tables: number }[];
        otherOrigins: { origin: string; url: string; reason: string }[];
      };
    };
    expect(metadata).toMatchObject({ method: 'captureVisibleTab', trigger: 'command' });

    // The two same-origin frames, outer first, each with its one table; the badge's frame by origin only.
    const users = new URL('framed/users.html', server.url).href;
    const details = new URL('framed/details.html', server.url).href;
    expect(metadata.frames.included).toEqual([
      { path: '1', url: users, tables: 1 },
      { path: '1.1', url: details, tables: 1 },
    ]);
    const otherOrigin = new URL(server.crossOriginUrl).origin;
    expect(metadata.frames.otherOrigins).toEqual([
      {
        origin: otherOrigin,
        url: new URL('framed/status.html', server.crossOriginUrl).href,
        reason: 'no-permission',
      },
    ]);
    expect(metadata.notes.join('\n')).toContain(otherOrigin);

    // One CSV per frame's table, each saying which frame it came from.
    const tableFiles = record.artifacts.filter((artifact) => artifact.role === 'table').map((a) => a.name);
    expect(tableFiles).toEqual(['table-1.csv', 'table-2.csv']);
    expect(metadata.tables).toEqual([
      expect.objectContaining({ file: 'table-1.csv', rows: 121, frame: users }),
      expect.objectContaining({ file: 'table-2.csv', rows: 4, frame: details }),
    ]);
    const accounts = parseCsv(named('table-1.csv')).rows;
    expect(accounts).toHaveLength(121);
    expect(accounts[0]).toEqual(['User', 'E-mail', 'Role', 'MFA']);
    for (let i = 0; i < 120; i++)
      expect(accounts[i + 1], `row ${i + 1}`).toEqual([
        `user-${String(i + 1).padStart(3, '0')}`,
        `user${i + 1}@northwind.example`,
        i % 10 === 0 ? 'Administrator' : 'Member',
        i % 7 === 0 ? 'Off' : 'On',
      ]);
    expect(parseCsv(named('table-2.csv')).rows).toEqual(ROLES);

    // The text: the shell's, then each frame's under its URL, the other origin's never.
    const text = named('text.txt');
    expect(text).toContain('Northwind Admin portal');
    expect(text).toMatch(/framed\/users\.html[\s\S]*User accounts[\s\S]*user-001[\s\S]*user-120/);
    expect(text).toMatch(/framed\/details\.html[\s\S]*Privileged roles[\s\S]*Billing administrator/);
    expect(text).not.toContain('STATUS-FRAME-TEXT');

    // The DOM snapshot holds each same-origin frame's document in the frame's place, named by its URL.
    const dom = named('dom.html');
    expect(dom).toContain(`data-isms-frame="${users}"`);
    expect(dom).toContain(`data-isms-frame="${details}"`);
    expect(dom).toContain('user-120');
    expect(dom).toContain('Security administrator');
    expect(dom).not.toContain('STATUS-FRAME-TEXT');
    expect(dom).not.toMatch(/<script/i);
    await closeTab(firefox, page);
  });

  it('element capture picks a table two frames deep: Firefox’s pixels of it, its rows only', async () => {
    const page = await openShell();
    // The privileged-roles frame sits below the user list: scroll the pane to it, as the admin would.
    await evaluate(firefox, page, () => {
      const list = document
        .querySelector<HTMLIFrameElement>('#tool')!
        .contentDocument!.getElementById('list')!;
      list.scrollTop = list.scrollHeight;
    });
    const caption = await boxInTop(page, ['#tool', '#details'], '#roles caption');
    const table = await boxInTop(page, ['#tool', '#details'], '#roles');
    const ratio = (await evaluate(firefox, page, () => window.devicePixelRatio)) as number;
    const viewport = (await evaluate(firefox, page, () => ({
      x: 0,
      y: 0,
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    }))) as Box;
    const unpicked = await viewportClip(firefox, page, viewport);
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    // Over the caption inside the inner frame, ↑ to its table.
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(caption.x + 10), y: Math.round(caption.y + caption.height / 2) },
      {
        type: 'pointerMove',
        x: Math.round(caption.x + 20),
        y: Math.round(caption.y + caption.height / 2),
        duration: 50,
      },
    ]);
    await pressKeys(firefox, page, ['\uE013']);
    // The highlight lies over the table inside the inner frame, placed in the top viewport: every pixel
    // inside the table's rectangle is tinted, the page next to it and below it is as it was.
    const highlighted = await viewportClip(firefox, page, viewport);
    const changed = (x: number, y: number) =>
      highlighted.pixel(Math.round(x * ratio), Math.round(y * ratio)).join() !==
      unpicked.pixel(Math.round(x * ratio), Math.round(y * ratio)).join();
    expectHighlightOver(table, changed);
    await pressKeys(firefox, page, ['\uE007']);
    const dump = await waitForEvidence(firefox, before + 1);
    await pickerShown(page, false);

    const record = newest(dump);
    expect(record).toMatchObject({ kind: 'element', url: shell });
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const named = (name: string) => new TextDecoder().decode(bytesOf(dump, record, name));
    const metadata = JSON.parse(named('metadata.json')) as { method: string; element?: { selected: string } };
    expect(metadata.method).toBe('element-crop');
    expect(metadata.element?.selected).toMatch(/^table#roles in the frame http:.*\/framed\/details\.html$/);
    const png = readPng(bytesOf(dump, record, 'original.png'));
    // Every device pixel the table touches (Firefox lays the table out at a fractional width).
    const pixels = devicePixels(table, ratio);
    expect([png.width, png.height]).toEqual([
      Math.round(pixels.width * ratio),
      Math.round(pixels.height * ratio),
    ]);
    // Pixel for pixel what Firefox itself shows there: the crop is placed through both frames.
    expect(samePixels(png, await viewportClip(firefox, page, pixels))).toBe(0);
    const tables = record.artifacts.filter((artifact) => artifact.role === 'table');
    expect(tables.map((artifact) => parseCsv(named(artifact.name)).rows)).toEqual([ROLES]);
    const text = named('text.txt');
    expect(text).toContain('Billing administrator');
    expect(text).not.toContain('user-001');
    expect(named('dom.html')).toContain('Security administrator');
    await closeTab(firefox, page);
  });

  it('region capture inside a frame: that rectangle of Firefox’s pixels, the frame’s table it touches', async () => {
    const page = await openShell();
    const ratio = (await evaluate(firefox, page, () => window.devicePixelRatio)) as number;
    const first = await boxInTop(page, ['#tool'], '#accounts tbody tr');
    const region = { x: Math.round(first.x + 10), y: Math.round(first.y + 2), width: 300, height: 120 };
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: region.x, y: region.y },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerMove', x: region.x + 100, y: region.y + 50, duration: 50 },
      { type: 'pointerMove', x: region.x + region.width, y: region.y + region.height, duration: 50 },
      { type: 'pointerUp', button: 0 },
    ]);
    const dump = await waitForEvidence(firefox, before + 1);
    await pickerShown(page, false);

    const record = newest(dump);
    expect(record.kind).toBe('region');
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const named = (name: string) => new TextDecoder().decode(bytesOf(dump, record, name));
    const metadata = JSON.parse(named('metadata.json')) as { method: string; region?: { selected: string } };
    expect(metadata.method).toBe('region-crop');
    const png = readPng(bytesOf(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([region.width * ratio, region.height * ratio]);
    expect(samePixels(png, await viewportClip(firefox, page, region))).toBe(0);
    // Held by an element of the frame: its text and the accounts table, not the shell's navigation.
    expect(metadata.region?.selected).toMatch(/ in the frame http:.*\/framed\/users\.html$/);
    const tables = record.artifacts
      .filter((artifact) => artifact.role === 'table')
      .map((artifact) => parseCsv(named(artifact.name)).rows);
    expect(tables.map((rows) => rows[0]?.[0])).toEqual(['User']);
    expect(tables[0]).toHaveLength(121);
    const text = named('text.txt');
    expect(text).toContain('user-001');
    expect(text).not.toContain('Audit log');
    await closeTab(firefox, page);
  });

  it('full page: scrolls the pane inside the frame, every row once in order, the sticky header once', async () => {
    const page = await openShell();
    const geometry = await evaluate(firefox, page, () => {
      const frame = document.getElementById('tool')!.getBoundingClientRect();
      const tool = document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!;
      const box = tool.getElementById('list')!.getBoundingClientRect();
      // Right of the user name, inside its coloured cell: the colour alone, no glyph.
      const firstCell = tool.querySelector('#accounts tbody td')!.getBoundingClientRect();
      return {
        dpr: window.devicePixelRatio,
        paneTop: frame.top + box.top,
        rowMiddles: [...tool.querySelectorAll('#accounts tbody tr')].map((row) => {
          const rect = row.getBoundingClientRect();
          return rect.top - box.top + rect.height / 2;
        }),
        cellX: frame.left + firstCell.right - 4,
      };
    });
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+F');
    const dump = await waitForEvidence(firefox, before + 1, { timeout: 60_000 });
    const record = newest(dump);
    expect(record).toMatchObject({ kind: 'full-page', url: shell });
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const metadata = JSON.parse(new TextDecoder().decode(bytesOf(dump, record, 'metadata.json'))) as {
      fullPage: { scrollContainer: string; tiles: unknown[] };
    };
    expect(metadata.fullPage.scrollContainer).toMatch(/^div#list in the frame .*framed\/users\.html$/);
    expect(metadata.fullPage.tiles.length).toBeGreaterThan(1);
    const png = readPng(bytesOf(dump, record, 'original-1.png'));
    const { dpr } = geometry;
    const colourAt = (y: number) =>
      png
        .pixel(Math.round(geometry.cellX * dpr), Math.round(y * dpr))
        .slice(0, 3)
        .join(',');
    // Every row's first cell, in order, where the pane's content puts it below the frame's top.
    for (let i = 0; i < 120; i++)
      expect(colourAt(geometry.paneTop + geometry.rowMiddles[i]!), `row ${i + 1}`).toBe(
        `${(i * 37) % 256},${(i * 91) % 256},50`,
      );
    let headerRows = 0;
    for (let y = 0; y < png.height; y++)
      if (
        png
          .pixel(Math.round(geometry.cellX * dpr), y)
          .slice(0, 3)
          .join(',') === '255,0,255'
      )
        headerRows++;
    expect(headerRows).toBeGreaterThan(0);
    expect(headerRows).toBeLessThanOrEqual(Math.round(31 * dpr)); // once, not on every tile
    // The page is as the admin left it: the pane back at the top.
    expect(
      await evaluate(
        firefox,
        page,
        () =>
          document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!.getElementById('list')!
            .scrollTop,
      ),
    ).toBe(0);
    await closeTab(firefox, page);
  });

  // Last: masking stays switched on for the rest of the profile.
  it('masks e-mail addresses inside the frames, in the pixels as in the text', async () => {
    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    await click(firefox, popup, 'input[data-testid="masking-enabled"]');
    await closeTab(firefox, popup);
    // The popup ticks the box at once and saves through the background: wait until a new popup reads it.
    await expect.poll(() => maskingShownOn(), { timeout: 10_000 }).toBe(true);

    const page = await openShell();
    const cell = await evaluate(firefox, page, () => {
      const frame = document.getElementById('tool')!.getBoundingClientRect();
      const tool = document.querySelector<HTMLIFrameElement>('#tool')!.contentDocument!;
      const box = tool
        .querySelector<HTMLTableRowElement>('#accounts tbody tr')!
        .cells[1]!.getBoundingClientRect();
      return { x: frame.left + box.left + 8, y: frame.top + box.top + box.height / 2, dpr: devicePixelRatio };
    });
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+E');
    const dump = await waitForEvidence(firefox, before + 1);
    const record = newest(dump);
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const named = (name: string) => new TextDecoder().decode(bytesOf(dump, record, name));
    const text = named('text.txt');
    expect(text).toContain('user-001');
    expect(text).toContain('Billing administrator');
    expect(text).not.toContain('@northwind.example');
    for (const artifact of record.artifacts.filter((candidate) => candidate.mimeType.startsWith('text/')))
      expect(named(artifact.name), artifact.name).not.toContain('northwind.example');
    const original = readPng(bytesOf(dump, record, 'original.png'));
    expect(original.pixel(Math.round(cell.x * cell.dpr), Math.round(cell.y * cell.dpr)).slice(0, 3)).toEqual([
      0, 0, 0,
    ]);
    const metadata = JSON.parse(named('metadata.json')) as {
      masking: {
        rules: { ruleId: string; pixelAreas: number }[];
        framesNotScanned: { origin: string; frames: number; reason: string }[];
      };
    };
    expect(metadata.masking.rules.find((count) => count.ruleId === 'email')!.pixelAreas).toBeGreaterThan(5);
    // The status badge's frame is another origin's: masking could not look inside it, and says so by origin.
    expect(metadata.masking.framesNotScanned).toEqual([
      { origin: new URL(server.crossOriginUrl).origin, frames: 1, reason: 'no-permission' },
    ]);
    await closeTab(firefox, page);
  });

  /** Whether a freshly opened popup shows masking switched on (it reads the stored setting). */
  async function maskingShownOn(): Promise<boolean | undefined> {
    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    try {
      const state = await waitFor(
        firefox,
        popup,
        () => {
          const box = document.querySelector<HTMLInputElement>('input[data-testid="masking-enabled"]');
          return box && !box.disabled ? { checked: box.checked } : null;
        },
        { description: 'the masking switch' },
      );
      return state?.checked;
    } finally {
      await closeTab(firefox, popup);
    }
  }

  const pickerShown = (page: string, shown: boolean) =>
    waitFor(
      firefox,
      page,
      (tag: string, wanted: boolean) => (document.querySelector(tag) !== null) === wanted,
      { args: [PICKER, shown], description: `the picker to be ${shown ? 'shown' : 'gone'}` },
    );
});

/** The box of whole device pixels that covers `box` (a CSS-pixel box in the viewport), in CSS pixels. */
function devicePixels(box: Box, ratio: number): Box {
  const x0 = Math.floor(box.x * ratio);
  const y0 = Math.floor(box.y * ratio);
  const x1 = Math.ceil((box.x + box.width) * ratio);
  const y1 = Math.ceil((box.y + box.height) * ratio);
  return { x: x0 / ratio, y: y0 / ratio, width: (x1 - x0) / ratio, height: (y1 - y0) / ratio };
}

function samePixels(actual: ReturnType<typeof readPng>, expected: ReturnType<typeof readPng>): number {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let different = 0;
  for (let y = 0; y < actual.height; y++)
    for (let x = 0; x < actual.width; x++)
      if (actual.pixel(x, y).join() !== expected.pixel(x, y).join()) different++;
  return different;
}

function newest(dump: DatabaseDump): Record_ {
  return [...dump.evidence].sort((a, b) => a.sequence - b.sequence).at(-1)!;
}

function bytesOf(dump: DatabaseDump, record: Record_, name: string): Uint8Array {
  const entry = record.artifacts.find((item) => item.name === name);
  const bytes = entry ? dump.blobs.get(entry.blobKey)?.bytes : null;
  if (!bytes) throw new Error(`${name} is not stored for ${record.id}`);
  return bytes;
}
