import type { CaptureContext, CaptureTrigger, EvidenceKind, EvidenceRecord } from '../evidence/types';
import { maskingCounts } from '../masking/redact-snapshot';
import type { MaskingRule } from '../masking/types';
import type { CaptureOutcome } from '../messages/protocol';
import type { PageSnapshot } from '../page/types';
import type { PageContent, Suggestion } from '../rules/suggest';
import { elementCaptureText } from '../text';
import { assembleEvidence, type ImageArtifact, type PreparedCapture } from './assemble';
import { captureContext } from './context';
import { newEvidenceId } from './evidence-id';
import { restrictionFor } from './restricted';
import type { StampFacts } from './stamp-layout';
import { localDay } from './time';

/**
 * The one path every kind of capture (visible, full page, element, region) takes from "pixels and page reading
 * are done" to "committed record". Each kind supplies only what is its own: its pixels, its page reading, how it
 * stamps (some draw the stamp early, while the page is still read) and its metadata.
 */

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string | undefined;
  title?: string | undefined;
}

export interface StampedImage {
  stamped: Blob;
  thumbnail: Blob;
}

/** What the pipeline needs from the browser and the database, behind one interface that tests fake. */
export interface PipelineAdapter {
  getTab(tabId: number): Promise<TabInfo>;
  /** The controls the rules suggest for the page, best first, the strong ones marked to start ticked. */
  rankSuggestions(page: PageContent): Promise<Suggestion[]>;
  capturer(): Promise<string>;
  /** The organisation the evidence belongs to, when one is set. */
  organisation?(): Promise<string>;
  environment(): { browser: { name: string; version: string }; extensionVersion: string };
  now(): Date;
  timeZone(): string;
  randomBytes(length: number): Uint8Array;
}

/** Stores a prepared capture whole (record, blobs, custody entry in one transaction) or not at all. */
export interface CommitAdapter {
  save(prepared: PreparedCapture, capturer: string, trigger: CaptureTrigger): Promise<EvidenceRecord>;
  /** The thumbnail as a `data:` URL for the popup; kinds whose popup has closed send none. */
  thumbnailDataUrl(thumbnail: Blob): Promise<string>;
}

/** The facts fixed when a capture starts: the moment, the ID, who and for whom. */
export interface CaptureStart {
  tab: TabInfo;
  capturedAt: Date;
  evidenceId: string;
  timeZone: string;
  capturer: string;
  organisation: string;
}

/** Checks the tab may be captured, then fixes the moment, the evidence ID, the capturer and the organisation. */
export async function startCapture(adapter: PipelineAdapter, tabId: number): Promise<CaptureStart> {
  const tab = await adapter.getTab(tabId);
  const restriction = restrictionFor(tab.url);
  if (restriction) throw restriction;
  const capturedAt = adapter.now();
  const evidenceId = newEvidenceId(capturedAt, adapter.randomBytes(6));
  const [capturer, organisation] = await Promise.all([adapter.capturer(), adapter.organisation?.() ?? '']);
  return { tab, capturedAt, evidenceId, timeZone: adapter.timeZone(), capturer, organisation };
}

/** The stamp facts of a capture for the URL its page reading reports. */
export function stampFacts(start: CaptureStart, url: string): StampFacts {
  const { evidenceId, capturedAt, timeZone, capturer } = start;
  return { evidenceId, url, capturedAt, timeZone, capturer };
}

/** What one kind of capture brings to the pipeline once its pixels are taken and the page is read. */
export interface CaptureReading {
  kind: EvidenceKind;
  method: CaptureContext['method'];
  trigger: CaptureTrigger;
  snapshot: PageSnapshot;
  pageChanges: string[];
  notes: string[];
  /** The original image of each stamped part, in order; the first part also gets the thumbnail. */
  originals: ImageArtifact[];
  /** Images stored as they are after the stamped parts (an element crop's whole viewport). */
  extraImages?: ImageArtifact[];
  /** Draws the stamp of every part for the page's URL (a kind may have drawn it already). */
  stamp(url: string): Promise<StampedImage[]>;
  /** Masking in force for this capture: pixels were filled, text removed; the title is then not the tab's. */
  masking: { rules: MaskingRule[]; report: MaskingReport } | null;
  /** Kind-specific fields of metadata.json (tiles, crop, timings). */
  metadata?: Record<string, unknown>;
}

export interface PreparedEvidence {
  prepared: PreparedCapture;
  suggestions: Suggestion[];
  context: CaptureContext;
  /** Sentences for the tagging view: what masking could not reach (frames of other origins), by origin. */
  maskingWarnings: string[];
}

/** Stamp, context, suggestions and hashes: everything before the write, nothing stored yet. */
export async function prepareEvidence(
  adapter: PipelineAdapter,
  start: CaptureStart,
  reading: CaptureReading,
): Promise<PreparedEvidence> {
  const { snapshot, masking } = reading;
  const url = snapshot.url || start.tab.url || '';
  const stamped = await reading.stamp(url);
  const suggestions = await adapter.rankSuggestions({
    url,
    title: snapshot.title,
    text: snapshot.text,
    headings: snapshot.headings ?? [],
  });
  const context = captureContextOf(adapter, start, reading, url);
  const metadata: Record<string, unknown> = { ...reading.metadata };
  const unscanned = masking ? unscannedFrames(snapshot) : [];
  if (masking) metadata.masking = maskingMetadata(masking.rules, masking.report, unscanned);
  const prepared = await assembleEvidence(
    context,
    [...stampedImages(reading, stamped), ...(reading.extraImages ?? [])],
    snapshot,
    {
      // Only strong matches start ticked; the rest are offered in the tagging view, unticked.
      controls: suggestions
        .filter((suggestion) => suggestion.preTicked)
        .map((suggestion) => suggestion.controlId),
      effectiveDate: localDay(start.capturedAt, start.timeZone),
      status: 'needs-review',
      kind: reading.kind,
    },
    metadata,
  );
  const maskingWarnings = unscanned.map((frame) =>
    elementCaptureText.frameNotMasked(frame.origin, frame.frames),
  );
  return { prepared, suggestions, context, maskingWarnings };
}

/** Stores what was prepared and answers the popup: the record, the suggestions, the thumbnail if wanted. */
export async function commitEvidence(
  adapter: CommitAdapter,
  evidence: PreparedEvidence,
  trigger: CaptureTrigger,
  options: { sendThumbnail: boolean },
): Promise<CaptureOutcome> {
  const record = await adapter.save(evidence.prepared, evidence.context.capturer, trigger);
  const thumbnail = evidence.prepared.blobs.find((blob) => blob.key.endsWith('/thumbnail.png'));
  return {
    evidence: record,
    suggestedControls: evidence.suggestions.map((suggestion) => suggestion.controlId),
    suggestions: evidence.suggestions,
    thumbnailDataUrl:
      options.sendThumbnail && thumbnail ? await adapter.thumbnailDataUrl(thumbnail.data) : '',
    ...(evidence.maskingWarnings.length > 0 ? { maskingWarnings: evidence.maskingWarnings } : {}),
  };
}

/** Per-rule masking counts from the page reading of a capture that masked. */
export interface MaskingReport {
  pixelAreas: [string, number][];
  textMatches: [string, number][];
  problems: string[];
}

/** A frame of another origin, by origin: masking could not scan it, so its pixels are as the page showed them. */
export interface UnscannedFrames {
  origin: string;
  frames: number;
  reason: 'no-permission';
}

function unscannedFrames(snapshot: PageSnapshot): UnscannedFrames[] {
  const byOrigin = new Map<string, UnscannedFrames>();
  for (const frame of snapshot.frames?.otherOrigins ?? []) {
    const known = byOrigin.get(frame.origin);
    if (known) known.frames++;
    else byOrigin.set(frame.origin, { origin: frame.origin, frames: 1, reason: frame.reason });
  }
  return [...byOrigin.values()];
}

function maskingMetadata(masking: MaskingRule[], report: MaskingReport, unscanned: UnscannedFrames[]) {
  return {
    enabled: true,
    pixels: elementCaptureText.maskedPixels,
    rules: maskingCounts(masking, new Map(report.pixelAreas), new Map(report.textMatches)),
    problems: [
      ...report.problems,
      ...unscanned.map((frame) => elementCaptureText.frameNotMasked(frame.origin, frame.frames)),
    ],
    ...(unscanned.length > 0 ? { framesNotScanned: unscanned } : {}),
  };
}

function captureContextOf(
  adapter: PipelineAdapter,
  start: CaptureStart,
  reading: CaptureReading,
  url: string,
): CaptureContext {
  const { snapshot } = reading;
  return captureContext({
    evidenceId: start.evidenceId,
    capturedAt: start.capturedAt,
    timeZone: start.timeZone,
    url,
    // A masked capture's title comes from the masked page reading only: the tab's title may hold what was masked.
    title: snapshot.title || (reading.masking ? '' : start.tab.title || ''),
    capturer: start.capturer,
    organisation: start.organisation,
    ...adapter.environment(),
    viewport: snapshot.viewport,
    method: reading.method,
    trigger: reading.trigger,
    pageChanges: reading.pageChanges,
    notes: reading.notes,
  });
}

/** original-1, stamped-1, thumbnail, original-2, stamped-2 …: each part's stamp beside its original. */
function stampedImages(reading: CaptureReading, stamped: readonly StampedImage[]): ImageArtifact[] {
  return reading.originals.flatMap((original, index) => {
    const image = stamped[index]!;
    const images: ImageArtifact[] = [
      original,
      { role: 'stamped', name: original.name.replace(/^original/, 'stamped'), data: image.stamped },
    ];
    if (index === 0) images.push({ role: 'thumbnail', name: 'thumbnail.png', data: image.thumbnail });
    return images;
  });
}
