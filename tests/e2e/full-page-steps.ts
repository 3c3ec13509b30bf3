/**
 * Steps the full-page end-to-end tests repeat: run a capture from the popup, read what the page looks like
 * (to compare before and after), count what is stored, and read a full-page record back.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';
import {
  artifactBytes,
  clickToolbarButton,
  pngSize,
  utf8,
  verifyArtifacts,
  verifyCustodyChain,
  type E2eSession,
  type StoredEvidence,
} from './harness';

export type Popup = Awaited<ReturnType<typeof clickToolbarButton>>;

export type FullPageResult =
  | { outcome: 'tagging'; progress: string[]; elapsedMs: number }
  | { outcome: 'error'; message: string; progress: string[]; elapsedMs: number };

/**
 * Clicks "Full page" and waits for the tagging view or an error, recording the progress texts seen.
 * `whileRunning` is called with each progress text (to press cancel, say) until it returns true.
 */
export async function captureFullPage(
  popup: Popup,
  options: { timeout?: number; whileRunning?: (progress: string) => Promise<boolean> } = {},
): Promise<FullPageResult> {
  const started = Date.now();
  await popup.click('button[data-testid="capture-full-page"]');
  const progress = new Set<string>();
  const deadline = started + (options.timeout ?? 70_000);
  let acted = false;
  for (;;) {
    const state = (await popup.evaluate(() => ({
      done: document.querySelector('[data-testid="tagging"]') !== null,
      error: document.querySelector('[data-testid="capture-error"]')?.textContent ?? null,
      progress: document.querySelector('[data-testid="capture-progress"]')?.textContent ?? null,
    }))) as { done: boolean; error: string | null; progress: string | null };
    const elapsedMs = Date.now() - started;
    if (state.progress) {
      progress.add(state.progress);
      if (!acted && options.whileRunning) acted = await options.whileRunning(state.progress);
    }
    if (state.done) return { outcome: 'tagging', progress: [...progress], elapsedMs };
    if (state.error !== null)
      return { outcome: 'error', message: state.error.trim(), progress: [...progress], elapsedMs };
    if (Date.now() > deadline) throw new Error('The full-page capture did not finish in time.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface PageState {
  url: string;
  windowX: number;
  windowY: number;
  /** Elements scrolled away from their top (id or tag → scrollTop). */
  scrolled: Record<string, number>;
  elements: number;
  /** FNV-1a over every element's name and attributes (style included), open shadow roots too. */
  attributes: string;
  styleSheets: number;
  focus: string;
}

/** What the user would notice if a capture left something behind, read from the page itself. */
export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    let hash = 0x811c9dc5;
    const feed = (text: string) => {
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    };
    const scrolled: Record<string, number> = {};
    let elements = 0;
    let styleSheets = document.styleSheets.length + document.adoptedStyleSheets.length;
    const roots: (Document | ShadowRoot)[] = [document];
    // Through the prototype: a page may override an element's own getter (and make it throw).
    const shadowRootOf = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        elements++;
        feed(`<${element.localName}`);
        for (const attribute of element.attributes) feed(` ${attribute.name}=${attribute.value}`);
        if (element.scrollTop !== 0) scrolled[element.id || element.localName] = element.scrollTop;
        const shadowRoot = shadowRootOf.call(element) as ShadowRoot | null;
        if (shadowRoot) {
          roots.push(shadowRoot);
          styleSheets += shadowRoot.styleSheets.length;
        }
      }
    }
    return {
      url: location.href,
      windowX: window.scrollX,
      windowY: window.scrollY,
      scrolled,
      elements,
      attributes: hash.toString(16),
      styleSheets,
      focus: document.activeElement?.id || document.activeElement?.localName || '',
    };
  });
}

export interface StoreCounts {
  evidence: number;
  custody: number;
  blobs: number;
}

export async function storeCounts(session: E2eSession): Promise<StoreCounts> {
  const dump = await session.read();
  return { evidence: dump.evidence.length, custody: dump.custody.length, blobs: dump.blobs.size };
}

export interface FullPageMetadata {
  method: string;
  notes: string[];
  pageChanges: string[];
  fullPage: {
    tiles: { scrollTop: number }[];
    parts: { file: string; bytes: number }[];
    scrollContainer: string;
    heightCss: number;
    pageHeightCss: number;
    cut: boolean;
    cutReason: string | null;
    durationMs: number;
  };
}

export interface StoredFullPage {
  record: StoredEvidence;
  metadata: FullPageMetadata;
  text: string;
  dom: string;
  tables: string[];
  parts: ReturnType<typeof readPng>[];
}

/**
 * The newest record, checked whole: one more record and one more custody entry than `before`, every
 * artifact's bytes match its SHA-256, the custody chain verifies. Returns what the tests look into.
 */
export async function readWholeFullPage(session: E2eSession, before: StoreCounts): Promise<StoredFullPage> {
  const dump = await session.read({ withBlobs: true });
  expect(dump.evidence).toHaveLength(before.evidence + 1);
  expect(dump.custody).toHaveLength(before.custody + 1);
  expect(verifyCustodyChain(dump.custody)).toEqual([]);
  const record = dump.evidence.reduce((newest, candidate) =>
    candidate.sequence > newest.sequence ? candidate : newest,
  );
  expect(record.kind).toBe('full-page');
  expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
  const named = (name: string) => utf8(artifactBytes(dump, record, name));
  const originals = record.artifacts
    .filter((artifact) => /^original-\d+\.png$/.test(artifact.name))
    .map((artifact) => artifact.name)
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  // Every part has its stamped copy: the same pixels under a band, as wide and taller.
  for (const [index, name] of originals.entries()) {
    const original = pngSize(artifactBytes(dump, record, name));
    const stamped = pngSize(artifactBytes(dump, record, `stamped-${index + 1}.png`));
    expect(stamped.width).toBe(original.width);
    expect(stamped.height).toBeGreaterThan(original.height);
  }
  return {
    record,
    metadata: JSON.parse(named('metadata.json')) as FullPageMetadata,
    text: named('text.txt'),
    dom: record.artifacts.some((artifact) => artifact.name === 'dom.html') ? named('dom.html') : '',
    tables: record.artifacts
      .filter((artifact) => artifact.role === 'table')
      .map((artifact) => named(artifact.name)),
    parts: originals.map((name) => readPng(artifactBytes(dump, record, name))),
  };
}

/** RGB of a pixel as `r,g,b`. */
export function rgb(png: ReturnType<typeof readPng>, x: number, y: number): string {
  return png.pixel(x, y).slice(0, 3).join(',');
}

/** The lowest alpha of any pixel: 255 when the image has no transparent or translucent pixel at all. */
export function minimumAlpha(png: ReturnType<typeof readPng>): number {
  let lowest = 255;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) lowest = Math.min(lowest, png.pixel(x, y)[3]);
  return lowest;
}

/** How many pixels of one column have exactly this colour. */
export function countInColumn(png: ReturnType<typeof readPng>, x: number, colour: string): number {
  let count = 0;
  for (let y = 0; y < png.height; y++) if (rgb(png, x, y) === colour) count++;
  return count;
}
