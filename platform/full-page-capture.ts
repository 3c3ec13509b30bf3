import { browser } from 'wxt/browser';
import { assembleEvidence, type ImageArtifact } from '@/utils/capture/assemble';
import { CaptureError, isRateLimitError, RATE_LIMIT_RETRIES, toCaptureError } from '@/utils/capture/errors';
import { newEvidenceId } from '@/utils/capture/evidence-id';
import { contentLimit, nextScrollTop, plannedTiles } from '@/utils/capture/full-page/plan';
import {
  devicePixel,
  footerDraw,
  outputHeight,
  tileDraws,
  toPartDraws,
} from '@/utils/capture/full-page/stitch';
import {
  DEFAULT_MAX_HEIGHT,
  MAX_PART_HEIGHT,
  type Draw,
  type Part,
  type ScrollGeometry,
} from '@/utils/capture/full-page/types';
import { restrictionFor } from '@/utils/capture/restricted';
import { localDay, utcOffsetMinutes } from '@/utils/capture/time';
import type { CaptureContext, CaptureTrigger } from '@/utils/evidence/types';
import { maskingCounts } from '@/utils/masking/redact-snapshot';
import type { MaskingRule } from '@/utils/masking/types';
import type { CaptureOutcome, CaptureProgress } from '@/utils/messages/protocol';
import type { AgentStep, MaskRect, StepResults } from '@/utils/page/full-page/protocol';
import { getDatabase } from '@/storage/db';
import { saveCapture } from '@/storage/evidence-repository';
import { browserCaptureAdapter } from './capture-adapter';
import { refreshBadge } from './badge';
import { activeMaskingRules } from './masking-settings';
import { fillMasks } from './masking-pixels';

/** Chrome allows two captureVisibleTab calls per second: 510 ms apart keeps clear of the limit. */
export const MIN_CAPTURE_INTERVAL_MS = 510;
/** Tiles stop after this long so that the whole capture ends within a minute. */
const TILE_BUDGET_MS = 45_000;
const LAZY_WAIT_MS = 400;
const STEP_TIMEOUT_MS = 20_000;

export interface AgentCaptureOptions {
  scope: 'full-page' | 'visible';
  trigger: CaptureTrigger;
  masking: MaskingRule[] | null;
  maxHeight?: number;
  signal?: AbortSignal;
  onProgress?: (tilesDone: number, tilesPlanned: number) => void;
}

// The rate limit is per browser, not per capture; cancel switches exist only while a capture runs.
let lastCaptureAt = 0;
const running = new Map<number, AbortController>();

/** Entry point for the popup, the keyboard and the router: full-page capture, stored whole or not at all. */
export async function captureFullPageAndStore(
  tabId: number,
  trigger: CaptureTrigger,
): Promise<CaptureOutcome> {
  if (running.has(tabId))
    throw new CaptureError('unknown', 'A capture of this tab is already running. Wait for it or cancel it.');
  const controller = new AbortController();
  running.set(tabId, controller);
  try {
    const masking = await activeMaskingRules(getDatabase());
    return await captureWithAgentAndStore(tabId, {
      scope: 'full-page',
      trigger,
      masking,
      signal: controller.signal,
      onProgress: (tilesDone, tilesPlanned) => {
        const message: CaptureProgress = { type: 'captureProgress', tabId, tilesDone, tilesPlanned };
        browser.runtime.sendMessage(message).catch(() => {});
      },
    });
  } finally {
    running.delete(tabId);
  }
}

/** A visible-area capture with masking: the same agent, one tile, no scrolling. */
export async function captureMaskedVisibleAndStore(
  tabId: number,
  trigger: CaptureTrigger,
  masking: MaskingRule[],
): Promise<CaptureOutcome> {
  return captureWithAgentAndStore(tabId, { scope: 'visible', trigger, masking });
}

export function cancelCapture(tabId: number): boolean {
  const controller = running.get(tabId);
  controller?.abort();
  return controller !== undefined;
}

export async function captureWithAgentAndStore(
  tabId: number,
  options: AgentCaptureOptions,
): Promise<CaptureOutcome> {
  const adapter = browserCaptureAdapter();
  try {
    const tab = await adapter.getTab(tabId);
    const restriction = restrictionFor(tab.url);
    if (restriction) throw restriction;
    const capturedAt = adapter.now();
    const evidenceId = newEvidenceId(capturedAt, adapter.randomBytes(6));
    const capturer = await adapter.capturer();
    const shot = await takeTiles(tabId, tab.windowId, tab.url ?? '', options);

    const timeZone = adapter.timeZone();
    const { snapshot } = shot.collected;
    const url = snapshot.url || tab.url || '';
    const facts = { evidenceId, url, capturedAt, timeZone, capturer };
    const images: ImageArtifact[] = [];
    const numbered = options.scope === 'full-page';
    for (const [index, part] of shot.parts.entries()) {
      const rendered = await adapter.renderImages(part, facts);
      const suffix = numbered ? `-${index + 1}` : '';
      images.push({ role: 'original', name: `original${suffix}.png`, data: part });
      images.push({ role: 'stamped', name: `stamped${suffix}.png`, data: rendered.stamped });
      if (index === 0) images.push({ role: 'thumbnail', name: 'thumbnail.png', data: rendered.thumbnail });
    }
    const suggestedControls = await adapter.suggestControls({
      url,
      title: snapshot.title,
      text: snapshot.text,
    });
    const context: CaptureContext = {
      evidenceId,
      capturedAt: capturedAt.toISOString(),
      timeZone,
      utcOffsetMinutes: utcOffsetMinutes(capturedAt, timeZone),
      url,
      title: snapshot.title || (options.masking ? '' : tab.title || ''),
      capturer,
      ...adapter.environment(),
      viewport: snapshot.viewport,
      method: 'captureVisibleTab',
      trigger: options.trigger,
      pageChanges: shot.collected.pageChanges,
      notes: shot.notes,
    };
    const extra: Record<string, unknown> = {};
    if (numbered) {
      extra.fullPage = {
        stitchedFrom: `${shot.tiles.length} browser tiles (tabs.captureVisibleTab), stitched and re-encoded as PNG; the browser's own tile bytes are not kept`,
        scrollContainer: shot.geometry.container,
        tiles: shot.tiles,
        parts: shot.parts.map((part, index) => ({ file: `original-${index + 1}.png`, bytes: part.size })),
        heightCss: shot.outputHeightCss,
        pageHeightCss: shot.scrollHeight,
        cut: shot.cut,
        durationMs: shot.durationMs,
      };
    }
    if (options.masking) {
      extra.masking = {
        enabled: true,
        pixels:
          'Masked areas are filled solid black before the image is stored; no unmasked copy of the pixels is kept.',
        rules: maskingCounts(
          options.masking,
          new Map(shot.collected.pixelAreas),
          new Map(shot.collected.textMatches),
        ),
        problems: shot.collected.maskingProblems,
      };
    }
    const prepared = await assembleEvidence(
      context,
      images,
      snapshot,
      {
        controls: suggestedControls,
        effectiveDate: localDay(capturedAt, timeZone),
        status: 'needs-review',
        kind: numbered ? 'full-page' : 'visible',
      },
      extra,
    );
    const { evidence } = await saveCapture(getDatabase(), prepared, capturer, { trigger: options.trigger });
    void refreshBadge();
    const thumbnail = prepared.blobs.find((blob) => blob.key.endsWith('/thumbnail.png'));
    return {
      evidence,
      suggestedControls,
      thumbnailDataUrl: thumbnail ? await toDataUrl(thumbnail.data) : '',
    };
  } catch (error) {
    throw toCaptureError(error);
  }
}

interface TileRecord {
  scrollTop: number;
  tookMs: number;
}

interface Shot {
  geometry: ScrollGeometry;
  parts: Blob[];
  tiles: TileRecord[];
  notes: string[];
  cut: boolean;
  scrollHeight: number;
  outputHeightCss: number;
  durationMs: number;
  collected: StepResults['collect'];
}

/** Scrolls, captures, masks and stitches; the page is restored whatever happens. */
async function takeTiles(
  tabId: number,
  windowId: number,
  startUrl: string,
  options: AgentCaptureOptions,
): Promise<Shot> {
  const started = Date.now();
  const notes: string[] = [];
  await withTimeout(
    browser.scripting.executeScript({ target: { tabId }, files: ['/page-agent.js'] }),
    STEP_TIMEOUT_MS,
  );
  let restored = false;
  try {
    const { geometry } = await runStep(tabId, {
      kind: 'begin',
      scope: options.scope,
      masking: options.masking,
    });
    const maxHeight = options.maxHeight ?? DEFAULT_MAX_HEIGHT;
    let limit = contentLimit(geometry, geometry.scrollHeight, maxHeight);
    let scrollHeight = geometry.scrollHeight;
    let covered = 0;
    const tiles: TileRecord[] = [];
    const stitcher = new Stitcher();
    let firstTile: OffscreenCanvas | null = null;
    let scale = geometry.devicePixelRatio;

    for (;;) {
      const top = options.scope === 'visible' ? null : nextScrollTop(geometry, covered, limit.height);
      if (options.scope === 'full-page' && top === null) break;
      if (tiles.length > 0 && Date.now() - started > TILE_BUDGET_MS) {
        notes.push(
          `The capture stopped after ${tiles.length} tiles (${Math.round(TILE_BUDGET_MS / 1000)} s): the page may keep growing (endless scrolling). It holds the first ${covered} px of the content.`,
        );
        break;
      }
      throwIfCancelled(options.signal);
      const step = await runStep(tabId, { kind: 'scroll', top, lazyWaitMs: LAZY_WAIT_MS });
      if (step.url !== startUrl) throw navigated();
      const tileStarted = Date.now();
      const bitmap = await createImageBitmap(await captureSpaced(windowId));
      throwIfCancelled(options.signal);
      const tabNow = await browser.tabs.get(tabId);
      if (tabNow.url !== startUrl) throw navigated();
      scale = bitmap.width / geometry.viewport.width;
      const tile = maskedTile(bitmap, step.maskRects, scale);
      tiles.push({ scrollTop: step.scrollTop, tookMs: Date.now() - tileStarted });

      if (options.scope === 'visible') {
        stitcher.draw(
          tile,
          {
            source: { x: 0, y: 0, width: geometry.viewport.width, height: geometry.viewport.height },
            destX: 0,
            destY: 0,
          },
          scale,
        );
        covered = geometry.viewport.height;
        break;
      }
      if (tiles.length === 1) {
        firstTile = tile;
        await runStep(tabId, { kind: 'hideRepeated' });
      }
      scrollHeight = Math.max(scrollHeight, step.scrollHeight);
      limit = contentLimit(geometry, scrollHeight, maxHeight);
      const result = tileDraws(geometry, tiles.length - 1, step.scrollTop, covered, limit.height);
      for (const draw of result.draws) stitcher.draw(tile, draw, scale);
      if (result.gap > 0)
        notes.push(
          `The page did not scroll where asked: ${result.gap} px of content before ${step.scrollTop} px are missing from the image.`,
        );
      if (result.coveredUntil <= covered) {
        notes.push(
          `The page stopped scrolling at ${step.scrollTop} px (it blocks or resets scrolling); the image ends there.`,
        );
        limit = { height: covered, cut: true };
        break;
      }
      covered = result.coveredUntil;
      options.onProgress?.(tiles.length, Math.max(tiles.length, plannedTiles(geometry, limit.height)));
    }
    if (options.scope === 'full-page') {
      limit = { height: Math.min(limit.height, covered), cut: limit.cut };
      const footer = footerDraw(geometry, limit.height);
      if (footer && firstTile) stitcher.draw(firstTile, footer, scale);
      if (
        limit.cut &&
        scrollHeight > limit.height &&
        !notes.some((note) => note.startsWith('The capture stopped'))
      ) {
        notes.push(
          `The page is ${scrollHeight} px tall; the capture holds its first ${limit.height} px (limit ${maxHeight} px for the whole image).`,
        );
      }
    }
    const heightCss =
      options.scope === 'visible' ? geometry.viewport.height : outputHeight(geometry, limit.height);
    const parts = await stitcher.finish(devicePixel(heightCss, scale));
    if (parts.length > 1)
      notes.push(
        `The image is ${parts.length} parts (original-1.png … original-${parts.length}.png), top to bottom: canvases are limited to ${MAX_PART_HEIGHT} px.`,
      );

    const restoredChanges = await runStep(tabId, { kind: 'restore' });
    restored = true;
    void restoredChanges;
    const collected = await runStep(tabId, { kind: 'collect' });
    return {
      geometry,
      parts,
      tiles,
      notes,
      cut: limit.cut,
      scrollHeight,
      outputHeightCss: heightCss,
      durationMs: Date.now() - started,
      collected,
    };
  } finally {
    if (!restored) await runStep(tabId, { kind: 'restore' }).catch(() => {});
  }
}

function navigated(): CaptureError {
  return new CaptureError(
    'tab-navigated',
    'Capture failed: the page changed while it was being captured. Nothing was stored; try again once the page has loaded.',
  );
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new CaptureError(
      'unknown',
      'Capture cancelled. Nothing was stored, and the page was put back as it was.',
    );
}

/** Runs one agent step in the page's isolated world, where the injected agent lives. */
async function runStep<K extends AgentStep['kind']>(
  tabId: number,
  step: Extract<AgentStep, { kind: K }>,
): Promise<StepResults[K]> {
  const [injection] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId },
      func: async (agentStep: AgentStep) => {
        const agent = (globalThis as { __ismsAgent?: { run(step: AgentStep): Promise<unknown> } })
          .__ismsAgent;
        if (!agent) return { ok: false, error: 'gone' };
        try {
          return { ok: true, value: await agent.run(agentStep) };
        } catch (error) {
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      },
      args: [step],
    }),
    STEP_TIMEOUT_MS,
  );
  const reply = injection?.result as
    { ok: true; value: StepResults[K] } | { ok: false; error: string } | undefined;
  if (!reply || (!reply.ok && reply.error === 'gone')) throw navigated();
  if (!reply.ok)
    throw new CaptureError(
      'collector-failed',
      `Capture failed: the page could not be prepared (${reply.error}). Nothing was stored.`,
    );
  return reply.value;
}

export async function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CaptureError(
            'collector-failed',
            `Capture failed: the page did not answer within ${milliseconds / 1000} seconds. Nothing was stored; reload the page and try again.`,
          ),
        ),
      milliseconds,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** captureVisibleTab, never sooner than 510 ms after the previous call, retried with backoff on the rate limit. */
export async function captureSpaced(windowId: number): Promise<Blob> {
  for (let attempt = 0; ; attempt++) {
    const wait = lastCaptureAt + MIN_CAPTURE_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCaptureAt = Date.now();
    try {
      return await browserCaptureAdapter().captureVisibleTab(windowId);
    } catch (error) {
      const delay = RATE_LIMIT_RETRIES[attempt];
      if (!isRateLimitError(error) || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function maskedTile(bitmap: ImageBitmap, rects: readonly MaskRect[], scale: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images in the background.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  fillMasks(context, rects, scale);
  return canvas;
}

/** Output canvases of at most 16,384 device pixels each, created as the tiles reach them. */
class Stitcher {
  private readonly canvases: OffscreenCanvas[] = [];
  private width = 0;

  draw(tile: OffscreenCanvas, draw: Draw, scale: number): void {
    this.width ||= tile.width;
    const reach = devicePixel(draw.destY + draw.source.height, scale);
    const parts: Part[] = [];
    for (let top = 0; top < reach; top += MAX_PART_HEIGHT) parts.push({ top, height: MAX_PART_HEIGHT });
    for (const piece of toPartDraws(draw, scale, parts)) {
      const context = this.canvas(piece.part).getContext('2d');
      if (!context) throw new Error('This browser cannot draw images in the background.');
      context.drawImage(
        tile,
        piece.sx,
        piece.sy,
        piece.width,
        piece.height,
        piece.dx,
        piece.dy,
        piece.width,
        piece.height,
      );
    }
  }

  private canvas(index: number): OffscreenCanvas {
    while (this.canvases.length <= index)
      this.canvases.push(new OffscreenCanvas(this.width, MAX_PART_HEIGHT));
    return this.canvases[index]!;
  }

  /** The parts as PNG, the last one cut to the real height. */
  async finish(totalHeight: number): Promise<Blob[]> {
    const blobs: Blob[] = [];
    for (let top = 0, index = 0; top < totalHeight; top += MAX_PART_HEIGHT, index++) {
      const height = Math.min(MAX_PART_HEIGHT, totalHeight - top);
      let canvas = this.canvas(index);
      if (height < canvas.height) {
        const cut = new OffscreenCanvas(canvas.width, height);
        cut.getContext('2d')?.drawImage(canvas, 0, 0);
        canvas = cut;
      }
      blobs.push(await canvas.convertToBlob({ type: 'image/png' }));
      this.canvases[index] = new OffscreenCanvas(1, 1); // let the big canvas go
    }
    return blobs;
  }
}

async function toDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}
