import { browser, type Browser } from 'wxt/browser';
import { PICKER_TIMEOUT_MS, pickerToken } from '@/utils/capture/element/picker-session';
import { toCaptureError } from '@/utils/capture/errors';
import { restrictionFor } from '@/utils/capture/restricted';
import type { CaptureTrigger } from '@/utils/evidence/types';
import type { PickerMessage } from '@/utils/messages/picker';
import type { CaptureOutcome } from '@/utils/messages/protocol';
import { elementCaptureText } from '@/utils/text';
import { showCaptureError } from './badge';
import { captureSelectionAndStore } from './element-capture';
import { claimPickerSession, closePickerSession, openPickerSession, PickerRefusal } from './picker-sessions';

/** Broadcast when a capture started from the picker ends (the popup that started it is closed by then). */
export interface ElementCaptureDone {
  type: 'elementCaptureDone';
  tabId: number;
  evidenceId: string | null;
  error: string | null;
}

/**
 * Opens the element picker in a tab: a session with a fresh random token, then the picker script in the
 * extension's isolated world, handed that token. Called after a user gesture (popup click, shortcut), which
 * granted activeTab.
 */
export async function startElementPicker(tabId: number, trigger: CaptureTrigger): Promise<{ started: true }> {
  try {
    const tab = await browser.tabs.get(tabId);
    const restriction = restrictionFor(tab.url);
    if (restriction) throw restriction;
    const token = pickerToken(crypto.getRandomValues(new Uint8Array(16)));
    await openPickerSession({
      tabId,
      token,
      trigger,
      url: tab.url ?? '',
      expiresAt: Date.now() + PICKER_TIMEOUT_MS,
    });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
    await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page, where imports do not reach: the sentence travels as an argument.
      func: (pickerTokenValue: string, timeoutMs: number, notLoaded: string) => {
        const element = (globalThis as { __ismsElement?: { start(token: string, timeoutMs: number): void } })
          .__ismsElement;
        if (!element) throw new Error(notLoaded);
        element.start(pickerTokenValue, timeoutMs);
      },
      args: [token, PICKER_TIMEOUT_MS, elementCaptureText.pickerNotLoaded],
    });
    return { started: true };
  } catch (error) {
    await closePickerSession(tabId).catch(() => {});
    throw toCaptureError(error);
  }
}

/**
 * The picker's answer, from a content script: acted on only for the tab and token of a session the
 * background opened, and only once. Cancelling closes the session; a choice is captured and stored.
 */
export async function handlePickerMessage(
  message: PickerMessage,
  sender: Browser.runtime.MessageSender,
): Promise<{ ok: true; value: null } | { ok: false; error: string }> {
  let session;
  try {
    session = await claimPickerSession(sender, message.token);
  } catch (error) {
    if (error instanceof PickerRefusal) return { ok: false, error: error.message };
    throw error;
  }
  if (message.choice.kind === 'cancelled') return { ok: true, value: null };
  let outcome: CaptureOutcome | null = null;
  let failure: string | null = null;
  try {
    outcome = await captureSelectionAndStore(session.tabId, session.trigger);
  } catch (error) {
    failure = toCaptureError(error).message;
    await showCaptureError(failure);
  }
  const done: ElementCaptureDone = {
    type: 'elementCaptureDone',
    tabId: session.tabId,
    evidenceId: outcome?.evidence.id ?? null,
    error: failure,
  };
  browser.runtime.sendMessage(done).catch(() => {});
  return failure === null ? { ok: true, value: null } : { ok: false, error: failure };
}
