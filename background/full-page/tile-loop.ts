import { browser } from 'wxt/browser';
import { CaptureError } from '@/utils/capture/errors';
import { grewAtBottom, MAX_BOTTOM_GROWTHS, neverScrolled } from '@/utils/capture/full-page/growth';
import {
  endlessScrollNote,
  gapNote,
  heightCapNote,
  partsNote,
  stoppedScrollingNote,
  timeBudgetNote,
} from '@/utils/capture/full-page/notes';
import { RESTORE_AFTER_FAILURE_MS, stepTimeoutMs } from '@/utils/capture/full-page/deadline';
import { contentLimit, nextScrollTop, plannedTiles } from '@/utils/capture/full-page/plan';
import { devicePixel, footerDraw, outputHeight, tileDraws } from '@/utils/capture/full-page/stitch';
import { DEFAULT_MAX_HEIGHT, MAX_PART_HEIGHT, type ScrollGeometry } from '@/utils/capture/full-page/types';
import type { MaskingRule } from '@/utils/masking/types';
import type { ScrollResult, StepResults } from '@/utils/page/full-page-protocol';
import { injectAgent, navigated, runStep } from './agent-steps';
import { throwIfCancelled } from './cancel-registry';
import { captureSpaced } from './spaced-capture';
import { encodeParts, maskedTile, Stitcher } from '../images/stitcher';
import { captureErrorText } from '@/utils/text';

/** Tiles stop after this long so that the whole capture ends within a minute. */
const TILE_BUDGET_MS = 45_000;
const LAZY_WAIT_MS = 400;

export interface TileOptions {
  scope: 'full-page' | 'visible';
  masking: MaskingRule[] | null;
  maxHeight?: number;
  signal?: AbortSignal;
  onProgress?: (tilesDone: number, tilesPlanned: number) => void;
  /** The stitched parts, as soon as they exist (before the page is put back and read). */
  onStitched?: (parts: readonly OffscreenCanvas[]) => void;
}

export interface TileRecord {
  scrollTop: number;
  tookMs: number;
}

/** Why the image holds less than the whole page, when it does. */
export type CutReason = 'height-limit' | 'time-limit' | 'endless-scrolling' | 'scrolling-stopped';

export interface Shot {
  geometry: ScrollGeometry;
  parts: Blob[];
  /** The same parts as canvases, for the stamped copies (drawn from them, not decoded again). */
  canvases: OffscreenCanvas[];
  tiles: TileRecord[];
  notes: string[];
  cut: boolean;
  cutReason: CutReason | null;
  scrollHeight: number;
  outputHeightCss: number;
  durationMs: number;
  collected: StepResults['collect'];
}

interface Tiled {
  /** Height of the stitched image in device pixels, to be encoded. */
  deviceHeight: number;
  cutReason: CutReason | null;
  scrollHeight: number;
  heightCss: number;
}

/** One capture's tiles: where the tab is, what it showed, and how to take the next one. */
class TileRun {
  readonly tiles: TileRecord[] = [];
  readonly notes: string[] = [];
  readonly stitcher: Stitcher;
  scale: number;

  constructor(
    readonly started: number,
    readonly tabId: number,
    readonly windowId: number,
    readonly startUrl: string,
    readonly geometry: ScrollGeometry,
    readonly options: TileOptions,
  ) {
    this.scale = geometry.devicePixelRatio;
    this.stitcher = new Stitcher(geometry.background);
  }

  /** Time the next page step may take, so that the whole capture still answers within a minute. */
  timeout(): number {
    return stepTimeoutMs(this.started, Date.now());
  }

  /** Scrolls (or not, for `null`), waits for the page to settle, screenshots and masks one tile. */
  async take(top: number | null): Promise<{ tile: OffscreenCanvas; step: ScrollResult }> {
    throwIfCancelled(this.options.signal);
    const step = await runStep(this.tabId, { kind: 'scroll', top, lazyWaitMs: LAZY_WAIT_MS }, this.timeout());
    if (step.url !== this.startUrl) throw navigated();
    const tileStarted = Date.now();
    const bitmap = await createImageBitmap(await captureSpaced(this.windowId));
    throwIfCancelled(this.options.signal);
    const tabNow = await browser.tabs.get(this.tabId);
    if (tabNow.url !== this.startUrl) throw navigated();
    this.scale = bitmap.width / this.geometry.viewport.width;
    const tile = maskedTile(bitmap, step.maskRects, this.scale);
    this.tiles.push({ scrollTop: step.scrollTop, tookMs: Date.now() - tileStarted });
    return { tile, step };
  }
}

/** Scrolls, captures, masks and stitches; the page is restored whatever happens. */
export async function takeTiles(
  tabId: number,
  windowId: number,
  startUrl: string,
  options: TileOptions,
): Promise<Shot> {
  try {
    return await scrollCaptureRestore(tabId, windowId, startUrl, options);
  } catch (error) {
    throw await explainFailure(error, tabId, startUrl);
  }
}

/** A step that failed because the tab went to another page (its agent gone, access lost) says so. */
async function explainFailure(error: unknown, tabId: number, startUrl: string): Promise<unknown> {
  if (error instanceof CaptureError && ['cancelled', 'tab-navigated', 'scroll-blocked'].includes(error.code))
    return error;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab && tab.url !== startUrl ? navigated() : error;
}

async function scrollCaptureRestore(
  tabId: number,
  windowId: number,
  startUrl: string,
  options: TileOptions,
): Promise<Shot> {
  const started = Date.now();
  const timeout = () => stepTimeoutMs(started, Date.now());
  await injectAgent(tabId, timeout());
  let restored = false;
  try {
    const { geometry } = await runStep(
      tabId,
      { kind: 'begin', scope: options.scope, masking: options.masking },
      timeout(),
    );
    const run = new TileRun(started, tabId, windowId, startUrl, geometry, options);
    const tiled = options.scope === 'visible' ? await visibleTile(run) : await pageTiles(run);
    // PNG encoding in the background and putting the page back, then reading it, in the tab: side by side.
    const canvases = run.stitcher.cut(tiled.deviceHeight);
    const encoding = encodeParts(canvases);
    options.onStitched?.(canvases);
    encoding.catch(() => {});
    await runStep(tabId, { kind: 'restore' }, timeout());
    restored = true;
    const collected = await runStep(tabId, { kind: 'collect' }, timeout());
    const parts = await encoding;
    if (parts.length > 1) run.notes.push(partsNote(parts.length, MAX_PART_HEIGHT));
    return {
      geometry,
      parts,
      canvases,
      tiles: run.tiles,
      notes: run.notes,
      cut: tiled.cutReason !== null,
      cutReason: tiled.cutReason,
      scrollHeight: tiled.scrollHeight,
      outputHeightCss: tiled.heightCss,
      durationMs: Date.now() - run.started,
      collected,
    };
  } finally {
    if (!restored) await runStep(tabId, { kind: 'restore' }, RESTORE_AFTER_FAILURE_MS).catch(() => {});
  }
}

/** A masked visible-area capture: one tile where the page is, no scrolling. */
async function visibleTile(run: TileRun): Promise<Tiled> {
  const { viewport } = run.geometry;
  const { tile } = await run.take(null);
  run.stitcher.draw(
    tile,
    { source: { x: 0, y: 0, width: viewport.width, height: viewport.height }, destX: 0, destY: 0 },
    run.scale,
  );
  const deviceHeight = devicePixel(viewport.height, run.scale);
  return {
    deviceHeight,
    cutReason: null,
    scrollHeight: run.geometry.scrollHeight,
    heightCss: viewport.height,
  };
}

/** The tile loop: from the top down, until the content is covered or a limit (height, time, growth) is hit. */
async function pageTiles(run: TileRun): Promise<Tiled> {
  const { geometry, options, notes } = run;
  const maxHeight = options.maxHeight ?? DEFAULT_MAX_HEIGHT;
  let pageHeight = geometry.scrollHeight;
  let limit = contentLimit(geometry, pageHeight, maxHeight);
  let covered = 0;
  let growths = 0;
  let stopped: CutReason | null = null;
  let firstTile: OffscreenCanvas | null = null;

  for (;;) {
    const top = nextScrollTop(geometry, covered, limit.height);
    if (top === null) break;
    if (run.tiles.length > 0 && Date.now() - run.started > TILE_BUDGET_MS) {
      notes.push(timeBudgetNote(run.tiles.length, TILE_BUDGET_MS / 1000, covered, growths > 0));
      stopped = 'time-limit';
      break;
    }
    const { tile, step } = await run.take(top);
    if (run.tiles.length === 1) {
      firstTile = tile;
      await runStep(run.tabId, { kind: 'hideRepeated' }, run.timeout());
    }
    if (step.scrollHeight > pageHeight && stopped === null) {
      if (grewAtBottom(pageHeight, step.scrollHeight, step.scrollTop, geometry.pane.height)) growths++;
      // The last allowed growth is not followed: the image ends where the page ended before it.
      if (growths >= MAX_BOTTOM_GROWTHS) stopped = 'endless-scrolling';
      else pageHeight = step.scrollHeight;
    }
    limit = contentLimit(geometry, pageHeight, maxHeight);
    const result = tileDraws(geometry, run.tiles.length - 1, step.scrollTop, covered, limit.height);
    for (const draw of result.draws) run.stitcher.draw(tile, draw, run.scale);
    if (result.gap > 0) notes.push(gapNote(result.gap, step.scrollTop));
    if (result.coveredUntil <= covered) {
      const scrollTops = run.tiles.map((record) => record.scrollTop);
      if (neverScrolled(scrollTops, limit.height, geometry.pane.height))
        throw scrollBlocked(top, step.scrollTop);
      notes.push(stoppedScrollingNote(step.scrollTop));
      stopped = 'scrolling-stopped';
      break;
    }
    covered = result.coveredUntil;
    options.onProgress?.(run.tiles.length, Math.max(run.tiles.length, plannedTiles(geometry, limit.height)));
  }

  if (stopped === 'endless-scrolling') notes.push(endlessScrollNote(growths, covered));
  const contentHeight = Math.min(limit.height, covered);
  const footer = footerDraw(geometry, contentHeight);
  if (footer && firstTile) run.stitcher.draw(firstTile, footer, run.scale);
  if (stopped === null && limit.cut) {
    stopped = 'height-limit';
    notes.push(heightCapNote(pageHeight, contentHeight, maxHeight));
  }
  const heightCss = outputHeight(geometry, contentHeight);
  const deviceHeight = devicePixel(heightCss, run.scale);
  return { deviceHeight, cutReason: stopped, scrollHeight: pageHeight, heightCss };
}

function scrollBlocked(asked: number, stayed: number): CaptureError {
  return new CaptureError('scroll-blocked', captureErrorText.scrollBlocked(asked, stayed));
}
