import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, startSession, type E2eSession } from './harness';
import {
  captureFullPage,
  countInColumn,
  minimumAlpha,
  pageState,
  readWholeFullPage,
  rgb,
  storeCounts,
  type FullPageResult,
  type PageState,
  type StoreCounts,
} from './full-page-steps';

/** What the issue asks of every hostile page: an answer within a minute. */
const A_MINUTE = 60_000;

describe('full-page capture of hostile pages', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Opens the fixture, lets the test set it up, then captures the full page from the popup. */
  async function captureOn(
    file: string,
    prepare?: (page: Page) => Promise<void>,
  ): Promise<{ page: Page; before: PageState; counts: StoreCounts; result: FullPageResult }> {
    const page = await openTab(session.extension.context, session.fixture(file));
    await prepare?.(page);
    const before = await pageState(page);
    const counts = await storeCounts(session);
    const popup = await clickToolbarButton(session.extension, page);
    const result = await captureFullPage(popup);
    await popup.close();
    expect(result.elapsedMs).toBeLessThan(A_MINUTE);
    return { page, before, counts, result };
  }

  const scrollTo = (top: number) => async (page: Page) => {
    await page.evaluate((y) => {
      document.documentElement.style.scrollBehavior = 'auto';
      window.scrollTo(0, y);
      document.documentElement.style.removeProperty('scroll-behavior');
      if (document.documentElement.getAttribute('style') === '')
        document.documentElement.removeAttribute('style');
    }, top);
  };

  const documentHeight = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollHeight);
  const dprOf = (page: Page) => page.evaluate(() => window.devicePixelRatio);

  it('a 100,000-node DOM: captured whole, text collected, page untouched', async () => {
    const { page, before, counts, result } = await captureOn('hostile/huge-dom.html', scrollTo(900));
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(50_000);
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    expect(before.windowY).toBe(900);
    const stored = await readWholeFullPage(session, counts);
    expect(stored.text).toContain('Audit log: 50,000 events');
    expect(stored.text).toContain('End of the audit log.');
    const dpr = await dprOf(page);
    expect(stored.parts).toHaveLength(1);
    expect(stored.parts[0]!.height).toBe(Math.round((await documentHeight(page)) * dpr));
    expect(stored.metadata.fullPage.cut).toBe(false);
    await page.close();
  });

  it('a 60,000 px page: every pixel row in numbered parts of at most 16,384 px, bands in order', async () => {
    const { page, before, counts, result } = await captureOn('hostile/tall-page.html', scrollTo(5000));
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    const dpr = await dprOf(page);
    const total = Math.round(60_000 * dpr);
    expect(stored.metadata.fullPage.heightCss).toBe(60_000);
    expect(stored.metadata.fullPage.cut).toBe(false);
    expect(stored.parts).toHaveLength(Math.ceil(total / 16_384));
    expect(stored.parts.map((part) => part.height)).toEqual(
      stored.parts.map((_, index) => Math.min(16_384, total - index * 16_384)),
    );
    expect(stored.metadata.fullPage.parts.map((part) => part.file)).toEqual(
      stored.parts.map((_, index) => `original-${index + 1}.png`),
    );
    expect(stored.metadata.notes.join(' ')).toContain(`The image is ${stored.parts.length} parts`);
    // Bands either side of every part edge, and the first and the last.
    const probeX = Math.round(1200 * dpr);
    for (const band of [0, 1, 163, 164, 327, 328, 491, 492, 599]) {
      const y = Math.round((band * 100 + 50) * dpr);
      const part = stored.parts[Math.floor(y / 16_384)]!;
      expect(rgb(part, probeX, y % 16_384), `band ${band}`).toBe(
        `${(band * 53) % 256},${(band * 29) % 256},${(band * 101) % 256}`,
      );
    }
    await page.close();
  });

  it('endless scrolling: stops at a bounded height and says why in the metadata', async () => {
    const { page, before, counts, result } = await captureOn('hostile/endless-scroll.html');
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    // The page added rows of its own while scrolled; nothing of the capture's is left behind.
    const after = await pageState(page);
    expect(after).toEqual({ ...before, elements: after.elements, attributes: after.attributes });
    expect(await page.evaluate(() => document.querySelectorAll('[style]').length)).toBe(0);
    const stored = await readWholeFullPage(session, counts);
    const { fullPage } = stored.metadata;
    expect(fullPage.cut).toBe(true);
    expect(fullPage.cutReason).toBe('endless-scrolling');
    // 3,000 px at first, 2,000 px more at each visit to the end: followed twice, the third time stopped.
    expect(fullPage.heightCss).toBe(7_000);
    expect(stored.parts[0]!.height).toBe(Math.round(7_000 * (await dprOf(page))));
    expect(stored.metadata.notes.join(' ')).toMatch(
      /kept adding content at its bottom .*endless scrolling.*grown 3 times.*first 7,000 px/,
    );
    await page.close();
  });

  it('a sticky header and a fixed footer appear once, at the top and at the bottom', async () => {
    const { page, before, counts, result } = await captureOn('hostile/sticky-fixed.html', scrollTo(700));
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    const dpr = await dprOf(page);
    const [png] = stored.parts;
    const footer = 40;
    expect(png!.height).toBe(Math.round(((await documentHeight(page)) + footer) * dpr));
    const probeX = Math.round(1200 * dpr);
    expect(countInColumn(png!, probeX, '255,0,255')).toBe(Math.round(60 * dpr));
    expect(rgb(png!, probeX, Math.round(30 * dpr))).toBe('255,0,255');
    expect(countInColumn(png!, probeX, '0,255,255')).toBe(Math.round(footer * dpr));
    expect(rgb(png!, probeX, png!.height - 1)).toBe('0,255,255');
    for (let i = 0; i < 150; i++)
      expect(rgb(png!, probeX, Math.round((60 + i * 30 + 15) * dpr)), `ticket ${i}`).toBe(
        `${(i * 37) % 256},${(i * 91) % 256},50`,
      );
    expect(stored.metadata.pageChanges.join(' ')).toMatch(
      /Hid 2 fixed or sticky elements \(header, footer\)/,
    );
    await page.close();
  });

  it('a cross-origin frame: its pixels are in the image, its text is not read', async () => {
    const file = `hostile/cross-origin-frame.html?other=${encodeURIComponent(session.server.crossOriginUrl)}`;
    const { page, before, counts, result } = await captureOn(file);
    expect(new URL(page.frames()[1]!.url()).origin).toBe(new URL(session.server.crossOriginUrl).origin);
    expect(new URL(page.url()).origin).not.toBe(new URL(session.server.crossOriginUrl).origin);
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    expect(stored.text).toContain('SIEM dashboard');
    expect(stored.text).not.toContain('FRAME-ONLY-TEXT');
    expect(stored.dom).not.toContain('FRAME-ONLY-TEXT');
    const box = await page.evaluate(() => {
      const rect = document.getElementById('panel')!.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + window.scrollY + rect.height / 2 };
    });
    const dpr = await dprOf(page);
    expect(box.y).toBeGreaterThan(1500); // below the first tile
    expect(rgb(stored.parts[0]!, Math.round(box.x * dpr), Math.round(box.y * dpr))).toBe('0,128,255');
    await page.close();
  });

  it('an image that taints the page’s canvas: captured, with its pixels', async () => {
    const file = `hostile/tainted-image.html?other=${encodeURIComponent(session.server.crossOriginUrl)}`;
    const { page, before, counts, result } = await captureOn(file, async (page) => {
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('tainted'));
    });
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    expect(stored.text).toContain('Canvas tainted by a cross-origin image.');
    const box = await page.evaluate(() => {
      const rect = document.getElementById('chart')!.getBoundingClientRect();
      return { x: rect.left + 100, y: rect.top + window.scrollY + 100 };
    });
    const dpr = await dprOf(page);
    expect(rgb(stored.parts[0]!, Math.round(box.x * dpr), Math.round(box.y * dpr))).toBe('255,128,0');
    await page.close();
  });

  it('open and closed shadow roots: text from both, a fixed bar in a shadow root shown once', async () => {
    const { page, before, counts, result } = await captureOn('hostile/shadow-roots.html', scrollTo(400));
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    expect(stored.text).toContain('Open shadow root: MFA enforced for all administrators');
    expect(stored.text).toContain('Closed shadow root: 42 global administrators');
    const dpr = await dprOf(page);
    const [png] = stored.parts;
    expect(png!.height).toBe(Math.round((await documentHeight(page)) * dpr));
    expect(countInColumn(png!, Math.round(1200 * dpr), '255,0,255')).toBe(Math.round(50 * dpr));
    expect(stored.metadata.pageChanges.join(' ')).toMatch(/Hid 1 fixed or sticky element \(div\)/);
    await page.close();
  });

  it('canvas charts, SVG, MathML, closed roots, adopted nodes and throwing getters: captured, skips listed', async () => {
    const { page, before, counts, result } = await captureOn('hostile/awkward-elements.html');
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    for (const line of [
      'p95 latency 420 ms',
      'Error budget remaining: 72%',
      'Host web-01: healthy',
      'Host db-02: degraded',
      'Replication check passed',
      'Adopted note: maintenance window Sunday 02:00',
      'Alert rules evaluated every minute.',
      'End of the service health page.',
    ])
      expect(stored.text, line).toContain(line);
    // Getters the page overrides (and makes throw) do not reach the collector's isolated world; the
    // sandboxed frame no script can read is gone past, counted by kind in the metadata and said in words.
    const metadata = stored.metadata as typeof stored.metadata & { skipped?: Record<string, number> };
    expect(metadata.skipped).toEqual({ frame: 1 });
    expect(metadata.notes.join(' ')).toMatch(/Page reading went past what it could not read: 1 frame\./);
    // The canvas charts' bars are in the image: their colours, as drawn.
    const dpr = await dprOf(page);
    const [png] = stored.parts;
    expect(png!.height).toBe(Math.round((await documentHeight(page)) * dpr));
    const canvasTop = await page.evaluate(
      () => document.getElementById('chart-requests')!.getBoundingClientRect().top + scrollY,
    );
    let green = 0;
    for (let x = 0; x < Math.round(600 * dpr); x++)
      if (rgb(png!, Math.round(30 * dpr) + x, Math.round((canvasTop + 150) * dpr)) === '40,160,90') green++;
    expect(green).toBeGreaterThan(100);
    for (const part of stored.parts) expect(minimumAlpha(part)).toBe(255);
    await page.close();
  });

  it('oklch() and color-mix() colours come out as the browser painted them', async () => {
    const { page, before, counts, result } = await captureOn('hostile/modern-colours.html');
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    const stored = await readWholeFullPage(session, counts);
    const dpr = await dprOf(page);
    const expected: Record<string, [number, number, number]> = {
      oklch: [255, 0, 0],
      mix: [128, 128, 255],
      relative: [0, 160, 0],
    };
    for (const [id, colour] of Object.entries(expected)) {
      const y = await page.evaluate(
        (which) => document.getElementById(which)!.getBoundingClientRect().top + window.scrollY + 150,
        id,
      );
      const pixel = stored.parts[0]!.pixel(Math.round(1200 * dpr), Math.round(y * dpr));
      for (let channel = 0; channel < 3; channel++)
        expect(Math.abs(pixel[channel]! - colour[channel]!), `${id} channel ${channel}`).toBeLessThanOrEqual(
          3,
        );
    }
    await page.close();
  });

  it('a strict Content-Security-Policy: captured, page styles put back', async () => {
    const { page, before, counts, result } = await captureOn('hostile/strict-csp.html', async (page) => {
      const response = await page.reload({ waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'",
      );
      await scrollTo(1200)(page);
    });
    expect(result.outcome, JSON.stringify(result)).toBe('tagging');
    expect(await pageState(page)).toEqual(before);
    expect(before.windowY).toBe(1200);
    const stored = await readWholeFullPage(session, counts);
    expect(stored.text).toContain('Policy exception 100: approved');
    expect(stored.metadata.pageChanges.join(' ')).toMatch(/smooth scrolling/);
    const dpr = await dprOf(page);
    expect(stored.parts[0]!.height).toBe(Math.round((await documentHeight(page)) * dpr));
    expect(countInColumn(stored.parts[0]!, Math.round(1200 * dpr), '255,0,255')).toBe(Math.round(50 * dpr));
    await page.close();
  });

  it('a page that blocks scrolling: a clear error, nothing stored, page as it was', async () => {
    const { page, before, counts, result } = await captureOn('hostile/scroll-blocker.html');
    expect(result.outcome).toBe('error');
    if (result.outcome !== 'error') return;
    expect(result.message).toMatch(
      /^Capture failed: this page does not let itself be scrolled .*Nothing was stored; use “Capture visible area” instead\.$/,
    );
    expect(await storeCounts(session)).toEqual(counts);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it('a page that freezes mid-capture: an error within a minute, nothing stored, page put back once it recovers', async () => {
    const { page, before, counts, result } = await captureOn('hostile/hangs-when-scrolled.html');
    expect(result.outcome).toBe('error');
    if (result.outcome !== 'error') return;
    expect(result.message).toMatch(
      /^Capture failed: the page did not answer within \d+ seconds\. Nothing was stored; reload the page and try again\.$/,
    );
    expect(await storeCounts(session)).toEqual(counts);
    // The put-back was queued in the page and runs when it recovers.
    await page.waitForFunction(() => document.body.dataset.recovered === 'yes', null, { timeout: 30_000 });
    await expect.poll(async () => (await pageState(page)).windowY, { timeout: 10_000 }).toBe(before.windowY);
    await page.evaluate(() => delete document.body.dataset.recovered);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it('a page that navigates away mid-capture: a clear error, nothing stored, the new page usable', async () => {
    const { page, counts, result } = await captureOn('hostile/navigates-away.html');
    expect(result.outcome).toBe('error');
    if (result.outcome !== 'error') return;
    expect(result.message).toBe(
      'Capture failed: the page changed while it was being captured. Nothing was stored; try again once the page has loaded.',
    );
    expect(await storeCounts(session)).toEqual(counts);
    await page.waitForURL(/signed-out\.html$/);
    expect(await page.locator('#signed-out').textContent()).toContain('Your session expired');
    expect((await pageState(page)).windowY).toBe(0);
    await page.close();
  });
});
