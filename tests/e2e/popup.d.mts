import type { PopupHandle } from './chromium.mjs';

export type CaptureResult = { outcome: 'tagging' } | { outcome: 'error'; message: string };

export declare function captureFromPopup(popup: PopupHandle, timeout?: number): Promise<CaptureResult>;
export declare function checkedControls(popup: PopupHandle): Promise<string[]>;
export declare function saveTagging(
  popup: PopupHandle,
  choice?: { notes?: string; effectiveDate?: string },
): Promise<string>;
export declare function popupTab(popup: PopupHandle): Promise<{ tabId: number; windowId: number }>;
export declare function badgeText(popup: PopupHandle, tabId: number): Promise<string>;
