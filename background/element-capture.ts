import { browser } from 'wxt/browser';
import type { ImageArtifact } from '@/utils/capture/assemble';
import { CaptureError, toCaptureError } from '@/utils/capture/errors';
import { commitEvidence, prepareEvidence, stampFacts, startCapture } from '@/utils/capture/pipeline';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import type {
  ElementStep,
  ElementStepResults,
  PrepareResult,
  RenderReply,
} from '@/utils/page/element-protocol';
import { elementCaptureText } from '@/utils/text';
import { getDatabase } from '@/storage/db';
import { browserCaptureAdapter, browserCommitAdapter } from './capture-adapter';
import { dataUrlToBlob } from './images/data-url';
import { cropScreenshot, maskRendering } from './images/element-pixels';
import { withTimeout } from '@/utils/capture/timeout';
import { navigated, runAgentStep } from './full-page/agent-steps';
import { captureSpaced } from './full-page/spaced-capture';
import { activeMaskingRules } from '@/platform/masking-settings';

const RENDER_TIMEOUT_MS = 30_000;

export const DOM_RENDERING_STATEMENT = elementCaptureText.domRendering;

/** Runs one step of the element agent, which the picker left in the page's isolated world. */
function runStep<K extends ElementStep['kind']>(
  tabId: number,
  step: Extract<ElementStep, { kind: K }>,
): Promise<ElementStepResults[K]> {
  return runAgentStep<ElementStepResults[K]>(
    tabId,
    'element-agent',
    step,
    elementCaptureText.collectorFailed,
  );
}

/** The html2canvas-pro script, injected only for this capture; it renders the element the agent marked. */
type Rendering = Omit<Extract<RenderReply, { ok: true }>, 'ok' | 'dataUrl'> & { png: Blob };

async function renderElement(tabId: number): Promise<Rendering> {
  const [injection] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId },
      files: ['/element-render.js'],
      // In a Firefox content script html2canvas's iframe clone fails ("The operation is insecure"): use the page's world.
      world: import.meta.env.FIREFOX ? 'MAIN' : 'ISOLATED',
    }),
    RENDER_TIMEOUT_MS,
  );
  const reply = injection?.result as RenderReply | undefined;
  if (!reply) throw navigated();
  if (!reply.ok) throw new CaptureError('collector-failed', elementCaptureText.renderFailed(reply.error));
  const { width, height, renderMs, encodeMs } = reply;
  return { png: dataUrlToBlob(reply.dataUrl), width, height, renderMs, encodeMs };
}

interface Pixels {
  images: ImageArtifact[];
  metadata: Record<string, unknown>;
}

async function takePixels(tabId: number, windowId: number, prepared: PrepareResult): Promise<Pixels> {
  const { rect, viewport, maskRects } = prepared;
  const cssRect = {
    x: round(rect.x),
    y: round(rect.y),
    width: round(rect.width),
    height: round(rect.height),
  };
  if (prepared.method === 'html2canvas') {
    const rendering = await renderElement(tabId);
    const size = { width: rendering.width, height: rendering.height };
    const scale = size.width / Math.max(1, rect.width);
    const masked = await maskRendering(rendering.png, rect, scale, maskRects);
    return {
      images: [{ role: 'original', name: 'original.png', data: masked }],
      metadata: {
        pixels: DOM_RENDERING_STATEMENT,
        renderedWith: 'html2canvas-pro',
        renderInPageMs: { html2canvas: rendering.renderMs, pngEncoding: rendering.encodeMs },
        rectCss: cssRect,
        imagePx: size,
        cut: prepared.cut ? elementCaptureText.cut(round(size.height / scale)) : false,
        crossOriginImagesLeftOut: prepared.crossOriginImages,
        ...(prepared.crossOriginImages > 0
          ? {
              crossOriginNote: elementCaptureText.crossOriginImages(prepared.crossOriginImages),
            }
          : {}),
      },
    };
  }
  const screenshot = await captureSpaced(windowId);
  const cropped = await cropScreenshot(screenshot, rect, viewport, maskRects);
  return {
    images: [
      { role: 'original', name: 'original.png', data: cropped.crop },
      { role: 'original', name: 'viewport.png', data: cropped.viewport },
    ],
    metadata: {
      pixels: maskRects.length > 0 ? elementCaptureText.croppedMasked : elementCaptureText.cropped,
      rectCss: cssRect,
      cropPx: cropped.cropPx,
      imagePerCssPixel: cropped.scale,
      fromImage: 'viewport.png',
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** After the user picked: takes the pixels, reads the subtree, stores the evidence whole or not at all. */
export async function captureSelectionAndStore(
  tabId: number,
  trigger: CaptureTrigger,
): Promise<CaptureOutcome> {
  const adapter = browserCaptureAdapter();
  let restored = false;
  const started = performance.now();
  const timingsMs: Record<string, number> = {};
  const mark = (phase: string) => (timingsMs[phase] = Math.round(performance.now() - started));
  try {
    const start = await startCapture(adapter, tabId);
    const { tab } = start;
    const masking = await activeMaskingRules(getDatabase());

    const prepared = await runStep(tabId, { kind: 'prepare', masking });
    if (tab.url !== undefined && prepared.url !== tab.url) throw navigated();
    mark('prepared');
    const pixels = await takePixels(tabId, tab.windowId, prepared);
    mark('pixelsTaken');
    if ((await adapter.getTab(tabId)).url !== tab.url) throw navigated();
    // The stamp needs only the pixels and the URL: without masking (which may redact the URL), draw it while
    // the page is put back and read.
    const [original, ...extraImages] = pixels.images;
    const stampFor = (url: string) => adapter.renderImages(original!.data, stampFacts(start, url));
    const earlyUrl = prepared.url || tab.url || '';
    const early = masking ? null : { url: earlyUrl, stamping: stampFor(earlyUrl) };
    early?.stamping.catch(() => {}); // awaited below; a failure there must not go unhandled meanwhile
    await runStep(tabId, { kind: 'restore' });
    restored = true;
    const collected = await runStep(tabId, { kind: 'collect' });
    mark('contentRead');

    const evidence = await prepareEvidence(adapter, start, {
      kind: prepared.kind,
      method: prepared.method,
      trigger,
      snapshot: collected.snapshot,
      pageChanges: collected.pageChanges,
      notes: [
        prepared.kind === 'element'
          ? elementCaptureText.elementScope(prepared.description)
          : elementCaptureText.regionScope(prepared.description),
      ],
      originals: [original!],
      extraImages,
      stamp: async (url) => {
        const rendered = await (early && early.url === url ? early.stamping : stampFor(url));
        mark('stamped');
        return [rendered];
      },
      masking: masking
        ? {
            rules: masking,
            report: {
              pixelAreas: collected.pixelAreas,
              textMatches: collected.textMatches,
              problems: collected.maskingProblems,
            },
          }
        : null,
      // Milliseconds since the pick, at the end of each phase (the write itself comes after).
      metadata: { [prepared.kind]: { selected: prepared.description, ...pixels.metadata, timingsMs } },
    });
    return await commitEvidence(browserCommitAdapter(), evidence, trigger, { sendThumbnail: false });
  } catch (error) {
    throw toCaptureError(error);
  } finally {
    if (!restored) await runStep(tabId, { kind: 'restore' }).catch(() => {});
  }
}
