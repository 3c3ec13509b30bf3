import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { parseCsv, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pressShortcut } from './gestures.mjs';
import { readDatabase, waitForEvidence, type DatabaseDump } from './database.mjs';

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
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    // Over the caption inside the inner frame, ↑ to its table, Enter.
    await pointer(page, [
      { type: 'pointerMove', x: Math.round(caption.x + 10), y: Math.round(caption.y + caption.height / 2) },
      {
        type: 'pointerMove',
        x: Math.round(caption.x + 20),
        y: Math.round(caption.y + caption.height / 2),
        duration: 50,
      },
    ]);
    await keys(page, ['\uE013', '\uE007']);
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
    expect(samePixels(png, await browserClip(page, pixels))).toBe(0);
    const tables = record.artifacts.filter((artifact) => artifact.role === 'table');
    expect(tables.map((artifact) => parseCsv(named(artifact.name)).rows)).toEqual([ROLES]);
    const text = named('text.txt');
    expect(text).toContain('Billing administrator');
    expect(text).not.toContain('user-001');
    expect(named('dom.html')).toContain('Security administrator');
    await closeTab(firefox, page);
  });

  const pickerShown = (page: string, shown: boolean) =>
    waitFor(
      firefox,
      page,
      (tag: string, wanted: boolean) => (document.querySelector(tag) !== null) === wanted,
      { args: [PICKER, shown], description: `the picker to be ${shown ? 'shown' : 'gone'}` },
    );
  const pointer = (page: string, actions: object[]) =>
    firefox.bidi.send('input.performActions', {
      context: page,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  const keys = (page: string, names: string[]) =>
    firefox.bidi.send('input.performActions', {
      context: page,
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: names.flatMap((value) => [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]),
        },
      ],
    });
  /** Firefox's own screenshot of a viewport box (BiDi): an independent source of the same pixels. */
  const browserClip = async (page: string, box: Box) => {
    const { data } = (await firefox.bidi.send('browsingContext.captureScreenshot', {
      context: page,
      origin: 'viewport',
      clip: { type: 'box', ...box },
    })) as { data: string };
    return readPng(new Uint8Array(Buffer.from(data, 'base64')));
  };
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
