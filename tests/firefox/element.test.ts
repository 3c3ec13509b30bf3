import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { parseCsv, sha256Hex, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { click, closeTab, evaluate, openTab, waitFor } from './pages.mjs';
import { pointerActions, pressKeys, pressShortcut, viewportClip } from './gestures.mjs';
import { readDatabase, waitForEvidence, type DatabaseDump } from './database.mjs';

type Record_ = DatabaseDump['evidence'][number];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PICKER = 'isms-evidence-picker';

// Element capture in Firefox: the real shortcut (Alt+Shift+R) opens the picker in the page, and a real
// pointer (BiDi input.performActions) or real keys choose. Elements that fit are cropped from Firefox's own
// screenshot; taller ones are re-rendered by html2canvas-pro in the page's MAIN world.
describe('Firefox: element capture', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const openFixture = () => openTab(firefox, new URL('element-picker.html', server.url).href);
  const boxOf = (page: string, selector: string) =>
    evaluate(
      firefox,
      page,
      (target) => {
        const box = document.querySelector(target)!.getBoundingClientRect();
        return { x: box.left, y: box.top, width: box.width, height: box.height };
      },
      selector,
    ) as Promise<Box>;
  const pickerShown = (page: string, shown: boolean) =>
    waitFor(
      firefox,
      page,
      (tag: string, wanted: boolean) => (document.querySelector(tag) !== null) === wanted,
      {
        args: [PICKER, shown],
        description: `the picker to be ${shown ? 'shown' : 'gone'}`,
      },
    );
  const dpr = (page: string) => evaluate(firefox, page, () => window.devicePixelRatio) as Promise<number>;

  it('the shortcut opens the picker, a click on a table stores exactly its pixels and rows', async () => {
    const page = await openFixture();
    const box = await boxOf(page, '#summary');
    const ratio = await dpr(page);
    const expected = await evaluate(firefox, page, () =>
      [...document.querySelectorAll('#summary tr')].map((row) =>
        [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    // Hover a cell, then the table's own padding, and click there.
    const x = Math.round(box.x + 3);
    const y = Math.round(box.y + 3);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(box.x + 30), y: Math.round(box.y + 45) },
      { type: 'pointerMove', x, y, duration: 100 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
    const dump = await waitForEvidence(firefox, 1);
    await pickerShown(page, false);

    const record = dump.evidence[0]!;
    expect(record).toMatchObject({ kind: 'element', status: 'needs-review' });
    checkIntegrity(dump, record);
    const metadata = metadataOf(dump, record);
    expect(metadata).toMatchObject({ method: 'element-crop', trigger: 'command' });
    expect((metadata.element as { selected?: string }).selected).toBe('table#summary');
    const png = readPng(bytesOf(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([Math.round(box.width * ratio), Math.round(box.height * ratio)]);
    // Pixel for pixel what Firefox itself shows there.
    expect(samePixels(png, await viewportClip(firefox, page, box))).toBe(0);
    const tables = record.artifacts.filter((artifact) => artifact.role === 'table');
    expect(tables).toHaveLength(1);
    expect(parseCsv(new TextDecoder().decode(bytesOf(dump, record, tables[0]!.name))).rows).toEqual(expected);
    const text = new TextDecoder().decode(bytesOf(dump, record, 'text.txt'));
    expect(text).toContain('Repo-Frankfurt-01');
    expect(text).not.toContain('Grace Kim');
    expect(text).not.toContain('JOB-1000');
    expect(dump.custody.find((entry) => entry.evidenceId === record.id)).toMatchObject({
      event: 'capture',
      details: { trigger: 'command' },
    });
    await closeTab(firefox, page);
  });

  it('re-renders an element taller than the viewport with html2canvas in the page, full height', async () => {
    const page = await openFixture();
    const ratio = await dpr(page);
    const caption = await boxOf(page, '#jobs caption');
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(caption.x + 30), y: Math.round(caption.y + 5) },
    ]);
    await pressKeys(firefox, page, ['\uE013', '\uE007']); // ↑ caption → table, Enter
    const dump = await waitForEvidence(firefox, 2, { timeout: 60_000 });
    const box = await boxOf(page, '#jobs');
    expect(box.height).toBeGreaterThan(await evaluate(firefox, page, () => window.innerHeight));

    const record = newest(dump);
    checkIntegrity(dump, record);
    const metadata = metadataOf(dump, record);
    expect(metadata.method).toBe('html2canvas');
    expect((metadata.element as { selected?: string }).selected).toBe('table#jobs');
    const png = readPng(bytesOf(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([Math.round(box.width * ratio), Math.round(box.height * ratio)]);
    // A real rendering, not a blank canvas: the header's colour at its place, and text in the last row.
    const header = await evaluate(firefox, page, () => {
      const table = document.getElementById('jobs')!.getBoundingClientRect();
      const th = document.querySelector('#jobs th')!.getBoundingClientRect();
      const last = document.querySelector('#jobs tbody tr:last-child')!.getBoundingClientRect();
      return {
        x: th.left - table.left + 3,
        y: th.top - table.top + 3,
        lastTop: last.top - table.top,
        lastHeight: last.height,
      };
    });
    expect(png.pixel(Math.round(header.x * ratio), Math.round(header.y * ratio)).slice(0, 3)).toEqual([
      0xdd, 0xe6, 0xf0,
    ]);
    let dark = 0;
    for (
      let y = Math.round(header.lastTop * ratio);
      y < Math.round((header.lastTop + header.lastHeight) * ratio);
      y++
    )
      for (let x = 0; x < png.width; x++) if (png.pixel(x, y)[0]! < 100) dark++;
    expect(dark).toBeGreaterThan(20);
    const tables = record.artifacts.filter((artifact) => artifact.role === 'table');
    expect(tables).toHaveLength(1);
    expect(parseCsv(new TextDecoder().decode(bytesOf(dump, record, tables[0]!.name))).rows).toHaveLength(201);
    // The mark for the renderer is gone, and the page is where it was.
    expect(
      await evaluate(firefox, page, () => document.querySelectorAll('[data-isms-evidence-render]').length),
    ).toBe(0);
    expect(await evaluate(firefox, page, () => window.scrollY)).toBe(0);
    await closeTab(firefox, page);
  });

  it('a real pointer drag stores exactly that region of Firefox’s pixels', async () => {
    const page = await openFixture();
    const ratio = await dpr(page);
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    const region = { x: 300, y: 100, width: 500, height: 150 };
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: region.x, y: region.y },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerMove', x: region.x + 100, y: region.y + 50, duration: 50 },
      { type: 'pointerMove', x: region.x + region.width, y: region.y + region.height, duration: 50 },
      { type: 'pointerUp', button: 0 },
    ]);
    const dump = await waitForEvidence(firefox, 3);
    await pickerShown(page, false);
    const record = newest(dump);
    expect(record.kind).toBe('region');
    checkIntegrity(dump, record);
    const metadata = metadataOf(dump, record);
    expect(metadata).toMatchObject({ method: 'region-crop', region: { rectCss: region } });
    const png = readPng(bytesOf(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([region.width * ratio, region.height * ratio]);
    expect(samePixels(png, await viewportClip(firefox, page, region))).toBe(0);
    // The region touches two tables (summary and owners), not the job list below.
    const headers = record.artifacts
      .filter((artifact) => artifact.role === 'table')
      .map(
        (artifact) => parseCsv(new TextDecoder().decode(bytesOf(dump, record, artifact.name))).rows[0]?.[0],
      );
    expect(headers).toEqual(['Repository', 'Owner']);
    await closeTab(firefox, page);
  });

  it('on a page whose CSP forbids inline styles: the overlay is laid out, the page body re-rendered', async () => {
    // The CSP comes as a header (tests/fixtures/server.mjs): it also governs the MAIN world html2canvas runs in.
    const page = await openTab(firefox, new URL('hostile/strict-csp.html', server.url).href);
    const ratio = await dpr(page);
    const header = await boxOf(page, 'header');
    const before = (await readDatabase(firefox)).evidence.length;
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    expect(
      await evaluate(
        firefox,
        page,
        (tag) => {
          const style = getComputedStyle(document.querySelector(tag)!);
          return [style.position, style.zIndex, style.pointerEvents];
        },
        PICKER,
      ),
    ).toEqual(['fixed', '2147483647', 'none']);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(header.x + 20), y: Math.round(header.y + 20) },
    ]);
    await pressKeys(firefox, page, ['\uE013', '\uE007']); // ↑ header → body, Enter
    const dump = await waitForEvidence(firefox, before + 1, { timeout: 60_000 });
    const record = newest(dump);
    checkIntegrity(dump, record);
    const metadata = metadataOf(dump, record);
    expect(metadata.method).toBe('html2canvas');
    expect((metadata.element as { selected?: string }).selected).toBe('body');
    const body = await boxOf(page, 'body');
    expect(body.height).toBeGreaterThan(await evaluate(firefox, page, () => window.innerHeight));
    const png = readPng(bytesOf(dump, record, 'original.png'));
    expect([png.width, png.height]).toEqual([
      Math.round(body.width * ratio),
      Math.round(body.height * ratio),
    ]);
    // The page's own stylesheet applied in the rendering: the magenta header, and the last row's text.
    expect(png.pixel(Math.round(5 * ratio), Math.round(25 * ratio)).slice(0, 3)).toEqual([255, 0, 255]);
    let dark = 0;
    for (let y = png.height - Math.round(40 * ratio); y < png.height; y++)
      for (let x = 0; x < Math.round(300 * ratio); x++) if (png.pixel(x, y)[0]! < 100) dark++;
    expect(dark).toBeGreaterThan(20);
    await closeTab(firefox, page);
  });

  it('Esc cancels: nothing stored and no overlay left', async () => {
    const page = await openFixture();
    const untouched = await evaluate(firefox, page, () => document.documentElement.outerHTML);
    const before = (await readDatabase(firefox)).evidence.length;
    const box = await boxOf(page, '#owners');
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(box.x + 10), y: Math.round(box.y + 10) },
    ]);
    await pressKeys(firefox, page, ['\uE00C']);
    await pickerShown(page, false);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await readDatabase(firefox)).evidence).toHaveLength(before);
    expect(await evaluate(firefox, page, () => document.documentElement.outerHTML)).toBe(untouched);
    expect(await pickerSessions()).toEqual([]);
    await closeTab(firefox, page);
  });

  it('with masking on, blacks out secrets in a cropped element and in a re-rendered one', async () => {
    const popup = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
    await click(firefox, popup, 'input[data-testid="masking-enabled"]');
    // The popup ticks the box at once and saves through the background: wait until a new popup reads it.
    await expect
      .poll(
        async () => {
          const reopened = await openTab(firefox, firefox.extensionUrl('popup.html'), { background: true });
          try {
            return await waitFor(
              firefox,
              reopened,
              () => {
                const box = document.querySelector<HTMLInputElement>('input[data-testid="masking-enabled"]');
                // A new popup shows the switch disabled until it has read the setting.
                return box && !box.disabled ? String(box.checked) : null;
              },
              { description: 'the masking switch' },
            );
          } finally {
            await closeTab(firefox, reopened);
          }
        },
        { timeout: 10_000 },
      )
      .toBe('true');
    await closeTab(firefox, popup);

    const page = await openFixture();
    const ratio = await dpr(page);
    const owners = await boxOf(page, '#owners');
    const textCentre = (id: string) =>
      evaluate(
        firefox,
        page,
        (target) => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById(target)!);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        },
        id,
      );
    const email = await textCentre('owner-email');
    let count = (await readDatabase(firefox)).evidence.length;

    // A data cell, then ↑ td → tr → tbody → table, Enter: cropped from the screenshot.
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(owners.x + 20), y: Math.round(owners.y + 45) },
    ]);
    await pressKeys(firefox, page, ['\uE013', '\uE013', '\uE013', '\uE007']);
    let dump = await waitForEvidence(firefox, ++count);
    let record = newest(dump);
    checkIntegrity(dump, record);
    expect(metadataOf(dump, record)).toMatchObject({
      method: 'element-crop',
      element: { selected: 'table#owners' },
    });
    let png = readPng(bytesOf(dump, record, 'original.png'));
    expect(
      png
        .pixel(Math.round((email.x - owners.x) * ratio), Math.round((email.y - owners.y) * ratio))
        .slice(0, 3),
    ).toEqual([0, 0, 0]);
    for (const artifact of record.artifacts.filter((candidate) => candidate.mimeType.startsWith('text/')))
      expect(new TextDecoder().decode(bytesOf(dump, record, artifact.name)), artifact.name).not.toContain(
        'vaultline.example',
      );

    // The tall job list, re-rendered in the page's world: the owner's address in its caption is black.
    const caption = await boxOf(page, '#jobs caption');
    const owner = await textCentre('jobs-owner');
    await pressShortcut(firefox, 'Alt+Shift+R');
    await pickerShown(page, true);
    await pointerActions(firefox, page, [
      { type: 'pointerMove', x: Math.round(caption.x + 30), y: Math.round(caption.y + 5) },
    ]);
    await pressKeys(firefox, page, ['\uE013', '\uE007']);
    dump = await waitForEvidence(firefox, ++count, { timeout: 60_000 });
    record = newest(dump);
    checkIntegrity(dump, record);
    expect(metadataOf(dump, record)).toMatchObject({
      method: 'html2canvas',
      element: { selected: 'table#jobs' },
    });
    const jobs = await boxOf(page, '#jobs');
    png = readPng(bytesOf(dump, record, 'original.png'));
    const at = (x: number, y: number) =>
      png.pixel(Math.round((x - jobs.x) * ratio), Math.round((y - jobs.y) * ratio)).slice(0, 3);
    expect(at(owner.x, owner.y)).toEqual([0, 0, 0]);
    expect(at(caption.x + 4, caption.y + caption.height / 2)).not.toEqual([0, 0, 0]);
    for (const artifact of record.artifacts.filter((candidate) => candidate.mimeType.startsWith('text/')))
      expect(new TextDecoder().decode(bytesOf(dump, record, artifact.name)), artifact.name).not.toContain(
        'vaultline.example',
      );
    expect(await pickerSessions()).toEqual([]);
    await closeTab(firefox, page);
  });

  /** The element-picker sessions the background page holds (storage.session, read by an extension page). */
  async function pickerSessions(): Promise<string[]> {
    const reader = await openTab(firefox, firefox.extensionUrl('popup.html?reader'), { background: true });
    try {
      return await evaluate(firefox, reader, () => {
        // `browser` is the extension page's own global.
        type Session = { get(keys: null): Promise<Record<string, unknown>> };
        const { browser } = globalThis as unknown as { browser: { storage: { session: Session } } };
        return browser.storage.session
          .get(null)
          .then((items) => Object.keys(items).filter((key) => key.startsWith('pickerSession:')));
      });
    } finally {
      await closeTab(firefox, reader);
    }
  }
});

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

/** Every artifact's SHA-256 as recorded, and the custody chain, as the smoke test checks them. */
function checkIntegrity(dump: DatabaseDump, record: Record_): void {
  const original = record.artifacts.find((item) => item.name === 'original.png')!;
  expect(sha256Hex(bytesOf(dump, record, 'original.png'))).toBe(original.sha256);
  expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
  expect(verifyCustodyChain(dump.custody)).toEqual([]);
}

function metadataOf(dump: DatabaseDump, record: Record_): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytesOf(dump, record, 'metadata.json')));
}

function bytesOf(dump: DatabaseDump, record: Record_, name: string): Uint8Array {
  const entry = record.artifacts.find((item) => item.name === name);
  const bytes = entry ? dump.blobs.get(entry.blobKey)?.bytes : null;
  if (!bytes) throw new Error(`${name} is not stored for ${record.id}`);
  return bytes;
}
