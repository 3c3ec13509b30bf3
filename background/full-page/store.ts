import { assembleEvidence, type ImageArtifact } from '@/utils/capture/assemble';
import { toCaptureError } from '@/utils/capture/errors';
import { newEvidenceId } from '@/utils/capture/evidence-id';
import { restrictionFor } from '@/utils/capture/restricted';
import { localDay } from '@/utils/capture/time';
import type { CaptureTrigger } from '@/utils/evidence/types';
import { maskingCounts } from '@/utils/masking/redact-snapshot';
import type { MaskingRule } from '@/utils/masking/types';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { saveCapture } from '@/storage/evidence-repository';
import { browserCaptureAdapter } from '../capture-adapter';
import { refreshBadge } from '../badge';
import { toDataUrl } from '../images/data-url';
import { navigated } from './agent-steps';
import { throwIfCancelled } from './cancel-registry';
import { stampParts, type StampedPart } from '../images/stamp-parts';
import { takeTiles, type Shot, type TileOptions } from './tile-loop';
import { captureContext } from '@/utils/capture/context';

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
    const tab = await adapter.getTab(tabId);
    const restriction = restrictionFor(tab.url);
    if (restriction) throw restriction;
    const capturedAt = adapter.now();
    const evidenceId = newEvidenceId(capturedAt, adapter.randomBytes(6));
    const capturer = await adapter.capturer();
    const organisation = (await adapter.organisation?.()) ?? '';
    const timeZone = adapter.timeZone();
    const startUrl = tab.url ?? '';
    const stamping: { early?: Promise<StampedPart[]> } = {};
    const shot = await takeTiles(tabId, tab.windowId, startUrl, {
      ...options,
      // Unmasked, the stamp shows the URL every tile was taken at: drawn while the page is read.
      ...(options.masking
        ? {}
        : {
            onStitched: (parts: readonly OffscreenCanvas[]) => {
              stamping.early = stampParts(parts, {
                evidenceId,
                url: startUrl,
                capturedAt,
                timeZone,
                capturer,
              });
              stamping.early.catch(() => {});
            },
          }),
    });

    const { snapshot } = shot.collected;
    const url = snapshot.url || tab.url || '';
    if (stamping.early && url !== startUrl) throw navigated();
    const stamped =
      (await stamping.early) ??
      (await stampParts(shot.canvases, { evidenceId, url, capturedAt, timeZone, capturer }));
    shot.canvases.length = 0; // let the big canvases go
    const images: ImageArtifact[] = [];
    const numbered = options.scope === 'full-page';
    for (const [index, part] of shot.parts.entries()) {
      const rendered = stamped[index]!;
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
    const context = captureContext({
      evidenceId,
      capturedAt,
      timeZone,
      url,
      title: snapshot.title || (options.masking ? '' : tab.title || ''),
      capturer,
      organisation,
      ...adapter.environment(),
      viewport: snapshot.viewport,
      method: 'captureVisibleTab',
      trigger: options.trigger,
      pageChanges: shot.collected.pageChanges,
      notes: shot.notes,
    });
    const extra: Record<string, unknown> = {};
    if (numbered) extra.fullPage = fullPageMetadata(shot);
    if (options.masking) extra.masking = maskingMetadata(shot, options.masking);
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
    // A cancel pressed while the images were being prepared still means nothing is stored.
    throwIfCancelled(options.signal);
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

function fullPageMetadata(shot: Shot) {
  return {
    stitchedFrom: `${shot.tiles.length} browser tiles (tabs.captureVisibleTab), stitched and re-encoded as PNG; the browser's own tile bytes are not kept`,
    scrollContainer: shot.geometry.container,
    tiles: shot.tiles,
    parts: shot.parts.map((part, index) => ({ file: `original-${index + 1}.png`, bytes: part.size })),
    heightCss: shot.outputHeightCss,
    pageHeightCss: shot.scrollHeight,
    cut: shot.cut,
    cutReason: shot.cutReason,
    durationMs: shot.durationMs,
  };
}

function maskingMetadata(shot: Shot, masking: MaskingRule[]) {
  return {
    enabled: true,
    pixels:
      'Masked areas are filled solid black before the image is stored; no unmasked copy of the pixels is kept.',
    rules: maskingCounts(masking, new Map(shot.collected.pixelAreas), new Map(shot.collected.textMatches)),
    problems: shot.collected.maskingProblems,
  };
}
