import { captureVisible } from '@/utils/capture/capture-visible';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import { toCaptureError } from '@/utils/capture/errors';
import { commitEvidence } from '@/utils/capture/pipeline';
import { getDatabase } from '@/storage/db';
import { browserCaptureAdapter, browserCommitAdapter } from './capture-adapter';
import { showCaptureError } from './badge';
import { startElementPicker } from './element-picker';
import { captureFullPageAndStore, captureMaskedVisibleAndStore } from './full-page';
import { activeMaskingRules } from '@/platform/masking-settings';

/** Captures the visible area of a tab and stores it whole (or not at all); used by every trigger. */
export async function captureAndStore(tabId: number, trigger: CaptureTrigger): Promise<CaptureOutcome> {
  const capture = await captureVisible(browserCaptureAdapter(), tabId, trigger);
  try {
    return await commitEvidence(browserCommitAdapter(), capture, trigger, { sendThumbnail: true });
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
