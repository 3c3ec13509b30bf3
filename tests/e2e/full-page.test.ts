import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import {
  artifactBytes,
  clickToolbarButton,
  openTab,
  startSession,
  utf8,
  verifyArtifacts,
  type E2eSession,
  type StoredEvidence,
} from './harness';
import { captureFullPage, minimumAlpha } from './full-page-steps';

describe('full-page capture of an admin console that scrolls an inner pane', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('stitches the whole pane from real tiles, shows the sticky header and fixed footer once, and restores the page', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('hostile/scroll-pane.html'));
    // The user had scrolled the pane and was typing in the search box.
    await page.evaluate(() => {
      const pane = document.getElementById('pane')!;
      pane.style.scrollBehavior = 'auto';
      pane.scrollTop = 1234;
      pane.style.removeProperty('scroll-behavior');
      document.getElementById('search')!.focus();
    });
    const styleAttributes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')].map(
          (element) => `${element.localName}:${element.getAttribute('style') ?? '∅'}`,
        ),
      );
    const before = {
      styles: await styleAttributes(),
      ...(await page.evaluate(() => ({
        paneTop: document.getElementById('pane')!.scrollTop,
        windowY: window.scrollY,
        focus: document.activeElement?.id,
        dpr: window.devicePixelRatio,
        pane: (() => {
          const pane = document.getElementById('pane')!;
          const box = pane.getBoundingClientRect();
          return {
            x: box.left,
            y: box.top,
            width: pane.clientWidth,
            height: pane.clientHeight,
            scrollHeight: pane.scrollHeight,
          };
        })(),
        viewport: { width: window.innerWidth, height: window.innerHeight },
      }))),
    };
    expect(before.paneTop).toBe(1234);

    const popup = await clickToolbarButton(extension, page);
    const started = Date.now();
    const result = await captureFullPage(popup);
    const elapsedMs = Date.now() - started;
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(result.progress.some((text) => /tile \d+ of \d+/.test(text))).toBe(true);
    await popup.close();

    // The page is as it was: pane scroll position, every style attribute, focus.
    const after = await page.evaluate(() => ({
      paneTop: document.getElementById('pane')!.scrollTop,
      windowY: window.scrollY,
      focus: document.activeElement?.id,
    }));
    expect(after).toEqual({ paneTop: before.paneTop, windowY: before.windowY, focus: before.focus });
    expect(await styleAttributes()).toEqual(before.styles);

    const dump = await session.read({ withBlobs: true });
    const record = dump.evidence.at(-1) as StoredEvidence;
    expect(record.kind).toBe('full-page');
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    const names = record.artifacts.map((artifact) => artifact.name);
    expect(names).toEqual(
      expect.arrayContaining(['original-1.png', 'stamped-1.png', 'thumbnail.png', 'metadata.json']),
    );

    const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as {
      method: string;
      pageChanges: string[];
      fullPage: {
        tiles: { scrollTop: number }[];
        scrollContainer: string;
        stitchedFrom: string;
        cut: boolean;
        durationMs: number;
      };
    };
    expect(metadata.method).toBe('captureVisibleTab');
    expect(metadata.fullPage.scrollContainer).toBe('main#pane');
    expect(metadata.fullPage.cut).toBe(false);
    const tiles = metadata.fullPage.tiles.length;
    expect(tiles).toBeGreaterThan(5);
    expect(metadata.fullPage.stitchedFrom).toContain(`${tiles} browser tiles`);
    expect(metadata.pageChanges.join(' ')).toMatch(
      /Hid 2 fixed or sticky elements \(div\.pane-header, footer\)/,
    );
    expect(metadata.pageChanges.join(' ')).toMatch(/smooth scrolling/);
    expect(metadata.pageChanges.join(' ')).toMatch(/scroll position restored to 1234 px/);
    // The rate limit sets the floor: tiles 510 ms apart.
    expect(elapsedMs).toBeGreaterThan((tiles - 1) * 510);
    console.log(
      `full-page: ${tiles} tiles in ${metadata.fullPage.durationMs} ms (floor ${(tiles - 1) * 510} ms), popup round trip ${elapsedMs} ms`,
    );

    // The image: the top bar, every row of the pane in order, then the footer, once.
    const png = readPng(artifactBytes(dump, record, 'original-1.png'));
    const { pane, viewport, dpr } = before;
    const footerHeight = 40;
    const expectedHeight = Math.round((pane.y + pane.scrollHeight + footerHeight) * dpr);
    expect(png.width).toBe(Math.round(viewport.width * dpr));
    expect(png.height).toBe(expectedHeight);
    expect(png.height).toBeGreaterThan(viewport.height * dpr * 5);
    const probeX = Math.round((pane.x + pane.width - 20) * dpr);
    const at = (y: number) =>
      png
        .pixel(probeX, Math.round(y * dpr))
        .slice(0, 3)
        .join(',');
    for (let i = 0; i < 200; i++) {
      const rowMiddle = pane.y + 40 + i * 30 + 15;
      expect(at(rowMiddle), `row ${i}`).toBe(`${(i * 37) % 256},${(i * 91) % 256},50`);
    }
    const column = Array.from({ length: png.height }, (_, y) => png.pixel(probeX, y).slice(0, 3).join(','));
    expect(column.filter((colour) => colour === '255,0,255')).toHaveLength(Math.round(40 * dpr)); // sticky header once
    expect(column.filter((colour) => colour === '0,255,255')).toHaveLength(Math.round(footerHeight * dpr)); // footer once

    // No holes: beside the pane, below the first screen, the side bar does not extend; the image shows the
    // page's own background there (and says so), and no pixel of any stored image is transparent.
    expect(png.pixel(Math.round(100 * dpr), Math.round((viewport.height + 600) * dpr)).join(',')).toBe(
      '255,255,255,255',
    );
    const fill = (metadata.fullPage as unknown as { background: { colour: string; use: string } }).background;
    expect(fill.colour).toBe('rgb(255, 255, 255)');
    expect(fill.use).toMatch(/background colour wherever no tile reached/);
    for (const name of names.filter((entry) => entry.endsWith('.png')))
      expect(minimumAlpha(readPng(artifactBytes(dump, record, name))), name).toBe(255);
    expect(column.at(-1)).toBe('0,255,255');
    await page.close();
  });
});
