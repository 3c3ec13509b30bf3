import type { CaptureContext, CaptureTrigger, EvidenceRecord } from '../evidence/types';
import type { PageSnapshot } from '../page/types';
import { assembleCapture, type PreparedCapture } from './assemble';
import { CaptureError, isRateLimitError, RATE_LIMIT_RETRIES, toCaptureError } from './errors';
import { newEvidenceId } from './evidence-id';
import { restrictionFor } from './restricted';
import type { StampFacts } from './stamp-layout';
import { localDay } from './time';
import { captureErrorText } from '../text';
import { captureContext } from './context';

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string | undefined;
  title?: string | undefined;
}

/** Everything the capture needs from the browser, behind one narrow interface (see platform/). */
export interface CaptureAdapter {
  getTab(tabId: number): Promise<TabInfo>;
  /** PNG bytes of the visible area, exactly as the browser encoded them. */
  captureVisibleTab(windowId: number): Promise<Blob>;
  collectPage(tabId: number): Promise<PageSnapshot>;
  renderImages(original: Blob, facts: StampFacts): Promise<{ stamped: Blob; thumbnail: Blob }>;
  suggestControls(page: { url: string; title: string; text: string }): Promise<string[]>;
  capturer(): Promise<string>;
  /** The organisation the evidence belongs to, when one is set. */
  organisation?(): Promise<string>;
  environment(): { browser: { name: string; version: string }; extensionVersion: string };
  now(): Date;
  timeZone(): string;
  randomBytes(length: number): Uint8Array;
  sleep(milliseconds: number): Promise<void>;
}

export interface VisibleCapture {
  prepared: PreparedCapture;
  suggestedControls: string[];
  context: CaptureContext;
}

export const COLLECT_TIMEOUT_MS = 15_000;

/**
 * Takes the visible area of a tab as evidence: browser pixels, the page's text, tables and DOM,
 * the stamp, and the suggested controls. Fails with a CaptureError whose message the user can act
 * on; nothing is stored by this function (the caller saves the prepared capture in one transaction).
 */
export async function captureVisible(
  adapter: CaptureAdapter,
  tabId: number,
  trigger: CaptureTrigger,
): Promise<VisibleCapture> {
  try {
    const tab = await adapter.getTab(tabId);
    const restriction = restrictionFor(tab.url);
    if (restriction) throw restriction;

    const capturedAt = adapter.now();
    const evidenceId = newEvidenceId(capturedAt, adapter.randomBytes(6));
    // Pixels and page content are read side by side: both describe the same moment.
    const [original, page, capturer, organisation] = await Promise.all([
      captureWithRetry(adapter, tab.windowId),
      withTimeout(adapter.collectPage(tabId), COLLECT_TIMEOUT_MS, adapter),
      adapter.capturer(),
      adapter.organisation?.() ?? '',
    ]);
    const tabAfter = await adapter.getTab(tabId);
    if (tabAfter.url !== tab.url) {
      throw new CaptureError('tab-navigated', captureErrorText.pageChanged);
    }

    const timeZone = adapter.timeZone();
    const url = page.url || tab.url || '';
    const images = await adapter.renderImages(original, { evidenceId, url, capturedAt, timeZone, capturer });
    const suggestedControls = await adapter.suggestControls({ url, title: page.title, text: page.text });
    const context = captureContext({
      evidenceId,
      capturedAt,
      timeZone,
      url,
      title: page.title || tab.title || '',
      capturer,
      organisation,
      ...adapter.environment(),
      viewport: page.viewport,
      method: 'captureVisibleTab',
      trigger,
      pageChanges: [],
      notes: [],
    });
    const prepared = await assembleCapture(context, { original, ...images }, page, {
      controls: suggestedControls,
      effectiveDate: localDay(capturedAt, timeZone),
      status: 'needs-review' satisfies EvidenceRecord['status'],
    });
    return { prepared, suggestedControls, context };
  } catch (error) {
    throw toCaptureError(error);
  }
}

async function captureWithRetry(adapter: CaptureAdapter, windowId: number): Promise<Blob> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await adapter.captureVisibleTab(windowId);
    } catch (error) {
      const delay = RATE_LIMIT_RETRIES[attempt];
      if (!isRateLimitError(error) || delay === undefined) throw error;
      await adapter.sleep(delay);
    }
  }
}

async function withTimeout<T>(
  promise: Promise<T>,
  milliseconds: number,
  adapter: CaptureAdapter,
): Promise<T> {
  const timeout = adapter.sleep(milliseconds).then(() => {
    throw new CaptureError('collector-failed', captureErrorText.pageSilent(milliseconds / 1000));
  });
  return Promise.race([promise, timeout]);
}
