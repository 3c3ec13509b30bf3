import { toCaptureError } from '@/utils/capture/errors';
import { commitEvidence, prepareEvidence, stampFacts, startCapture } from '@/utils/capture/pipeline';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import { browserCaptureAdapter, browserCommitAdapter } from '../capture-adapter';
import { stampParts, type StampedPart } from '../images/stamp-parts';
import { navigated } from './agent-steps';
import { throwIfCancelled } from './cancel-registry';
import { takeTiles, type Shot, type TileOptions } from './tile-loop';

export interface AgentCaptureOptions extends TileOptions {
  trigger: CaptureTrigger;
}

/** Takes the tiles, builds the evidence (images, stamp, text, tables, metadata) and stores it whole or not at all. */
export async function captureWithAgentAndStore(
  tabId: number,
  options: AgentCaptureOptions,
): Promise<CaptureOutcome> {
  const adapter = browserCaptureAdapter();
  try {
    const start = await startCapture(adapter, tabId);
    const startUrl = start.tab.url ?? '';
    const stamping: { early?: Promise<StampedPart[]> } = {};
    const shot = await takeTiles(tabId, start.tab.windowId, startUrl, {
      ...options,
      // Unmasked, the stamp shows the URL every tile was taken at: drawn while the page is read.
      ...(options.masking
        ? {}
        : {
            onStitched: (parts: readonly OffscreenCanvas[]) => {
              stamping.early = stampParts(parts, stampFacts(start, startUrl));
              stamping.early.catch(() => {});
            },
          }),
    });
    const numbered = options.scope === 'full-page';
    const { collected } = shot;
    const evidence = await prepareEvidence(adapter, start, {
      kind: numbered ? 'full-page' : 'visible',
      method: 'captureVisibleTab',
      trigger: options.trigger,
      snapshot: collected.snapshot,
      pageChanges: collected.pageChanges,
      notes: shot.notes,
      originals: shot.parts.map((part, index) => ({
        role: 'original' as const,
        name: numbered ? `original-${index + 1}.png` : 'original.png',
        data: part,
      })),
      stamp: async (url) => {
        if (stamping.early && url !== startUrl) throw navigated();
        const stamped = (await stamping.early) ?? (await stampParts(shot.canvases, stampFacts(start, url)));
        shot.canvases.length = 0; // let the big canvases go
        return stamped;
      },
      masking: options.masking
        ? {
            rules: options.masking,
            report: {
              pixelAreas: collected.pixelAreas,
              textMatches: collected.textMatches,
              problems: collected.maskingProblems,
            },
          }
        : null,
      metadata: numbered ? { fullPage: fullPageMetadata(shot) } : {},
    });
    // A cancel pressed while the images were being prepared still means nothing is stored.
    throwIfCancelled(options.signal);
    return await commitEvidence(browserCommitAdapter(), evidence, options.trigger, { sendThumbnail: true });
  } catch (error) {
    throw toCaptureError(error);
  }
}

function fullPageMetadata(shot: Shot) {
  return {
    stitchedFrom: `${shot.tiles.length} browser tiles (tabs.captureVisibleTab), stitched and re-encoded as PNG; the browser's own tile bytes are not kept`,
    scrollContainer: shot.geometry.container,
    background: {
      colour: shot.geometry.background,
      use: "Filled with the page's own background colour wherever no tile reached (beside and below an inner scrolling pane), never left transparent",
    },
    tiles: shot.tiles,
    parts: shot.parts.map((part, index) => ({ file: `original-${index + 1}.png`, bytes: part.size })),
    heightCss: shot.outputHeightCss,
    pageHeightCss: shot.scrollHeight,
    cut: shot.cut,
    cutReason: shot.cutReason,
    durationMs: shot.durationMs,
  };
}
