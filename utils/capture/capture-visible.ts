import type { CaptureTrigger } from '../evidence/types';
import type { PageSnapshot } from '../page/types';
import { captureErrorText } from '../text';
import { CaptureError, isRateLimitError, RATE_LIMIT_RETRIES, toCaptureError } from './errors';
import {
  prepareEvidence,
  startCapture,
  stampFacts,
  type PipelineAdapter,
  type PreparedEvidence,
} from './pipeline';
import type { StampFacts } from './stamp-layout';
import { withTimeout } from './timeout';

export type { TabInfo } from './pipeline';

/** Everything the capture needs from the browser, behind one narrow interface (see background/). */
export interface CaptureAdapter extends PipelineAdapter {
  /** PNG bytes of the visible area, exactly as the browser encoded them. */
  captureVisibleTab(windowId: number): Promise<Blob>;
  collectPage(tabId: number): Promise<PageSnapshot>;
  renderImages(original: Blob, facts: StampFacts): Promise<{ stamped: Blob; thumbnail: Blob }>;
  sleep(milliseconds: number): Promise<void>;
}

export type VisibleCapture = PreparedEvidence;

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
    const start = await startCapture(adapter, tabId);
    // Pixels and page content are read side by side: both describe the same moment.
    const [original, page] = await Promise.all([
      captureWithRetry(adapter, start.tab.windowId),
      withTimeout(adapter.collectPage(tabId), COLLECT_TIMEOUT_MS, adapter.sleep),
    ]);
    const tabAfter = await adapter.getTab(tabId);
    if (tabAfter.url !== start.tab.url) {
      throw new CaptureError('tab-navigated', captureErrorText.pageChanged);
    }
    return await prepareEvidence(adapter, start, {
      kind: 'visible',
      method: 'captureVisibleTab',
      trigger,
      snapshot: page,
      pageChanges: [],
      notes: [],
      originals: [{ role: 'original', name: 'original.png', data: original }],
      stamp: async (url) => [await adapter.renderImages(original, stampFacts(start, url))],
      masking: null,
    });
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
