import { browser } from 'wxt/browser';
import { getDatabase } from '@/storage/db';
import { countNeedsReview } from '@/storage/evidence-repository';
import { popupText } from '@/utils/text';

/** The toolbar badge counts captures that still need review. */
export async function refreshBadge(): Promise<void> {
  const count = await countNeedsReview(getDatabase());
  await browser.action.setBadgeBackgroundColor({ color: '#8a5a00' });
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  await browser.action.setTitle({
    title: popupText.badgeTitle(count),
  });
}

/** A capture with no popup to speak in (shortcut, menu, picker) failed: a red badge, the sentence as the tooltip. */
export async function showCaptureError(message: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#b00020' });
  await browser.action.setBadgeText({ text: '!' });
  await browser.action.setTitle({ title: message });
}
