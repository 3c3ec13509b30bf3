import { browser } from 'wxt/browser';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { MaskingRule } from '@/utils/masking/types';
import type { CaptureOutcome, CaptureProgress } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { activeMaskingRules } from '@/platform/masking-settings';
import { finishCaptureRun, startCaptureRun } from './cancel-registry';
import { captureWithAgentAndStore } from './store';

export { cancelCapture } from './cancel-registry';
export { MIN_CAPTURE_INTERVAL_MS } from './spaced-capture';
export { captureWithAgentAndStore, type AgentCaptureOptions } from './store';

/** Entry point for the popup, the keyboard and the router: full-page capture, stored whole or not at all. */
export async function captureFullPageAndStore(
  tabId: number,
  trigger: CaptureTrigger,
): Promise<CaptureOutcome> {
  const controller = startCaptureRun(tabId);
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
    finishCaptureRun(tabId);
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
