import { captureVisible } from '@/utils/capture/capture-visible';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { saveCapture } from '@/storage/evidence-repository';
import { toCaptureError } from '@/utils/capture/errors';
import { browserCaptureAdapter } from './capture-adapter';
import { refreshBadge, showCaptureError } from './badge';
import { startElementPicker } from './element-picker';
import { captureFullPageAndStore, captureMaskedVisibleAndStore } from './full-page';
import { activeMaskingRules } from '@/platform/masking-settings';
import { toDataUrl } from './images/data-url';

/** Captures the visible area of a tab and stores it whole (or not at all); used by every trigger. */
export async function captureAndStore(tabId: number, trigger: CaptureTrigger): Promise<CaptureOutcome> {
  const capture = await captureVisible(browserCaptureAdapter(), tabId, trigger);
  try {
    const { evidence } = await saveCapture(getDatabase(), capture.prepared, capture.context.capturer, {
      trigger,
    });
    void refreshBadge();
    const thumbnail = capture.prepared.blobs.find((blob) => blob.key.endsWith('/thumbnail.png'));
    return {
      evidence,
      suggestedControls: capture.suggestedControls,
      thumbnailDataUrl: thumbnail ? await toDataUrl(thumbnail.data) : '',
    };
  } catch (error) {
    throw toCaptureError(error);
  }
}

/** The visible-area capture: masked through the page agent when masking is on, the plain path otherwise. */
export async function captureTabAndStore(tabId: number, trigger: CaptureTrigger): Promise<CaptureOutcome> {
  const masking = await activeMaskingRules(getDatabase());
  return masking ? captureMaskedVisibleAndStore(tabId, trigger, masking) : captureAndStore(tabId, trigger);
}

/** Keyboard and context-menu captures have no popup to speak in: report through the badge. */
export async function captureFromGesture(
  tabId: number | undefined,
  trigger: CaptureTrigger,
  scope: 'visible' | 'full-page' | 'element',
): Promise<void> {
  try {
    if (tabId === undefined) throw new Error('No tab with id (none active)');
    if (scope === 'full-page') await captureFullPageAndStore(tabId, trigger);
    else if (scope === 'element') await startElementPicker(tabId, trigger);
    else await captureTabAndStore(tabId, trigger);
  } catch (error) {
    await showCaptureError(toCaptureError(error).message);
  }
}
