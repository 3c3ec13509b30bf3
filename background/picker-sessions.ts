import { browser, type Browser } from 'wxt/browser';
import { checkPickerMessage, type PickerSession } from '@/utils/capture/element/picker-session';
import { pickerRefusalText } from '@/utils/text';

// storage.session, not a worker global: MV3 may stop the worker while the user is still picking. It is
// readable by extension pages and the worker only, never by content scripts (the default access level).
const keyOf = (tabId: number) => `pickerSession:${tabId}`;

let queue: Promise<unknown> = Promise.resolve();
/** One claim at a time, so two messages racing for the same session cannot both win it. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => {});
  return next;
}

export async function openPickerSession(session: PickerSession): Promise<void> {
  await browser.storage.session.set({ [keyOf(session.tabId)]: session });
}

export async function closePickerSession(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

export class PickerRefusal extends Error {}

/** Takes the tab's session for this message (it accepts one result), or throws a PickerRefusal saying why not. */
export function claimPickerSession(
  sender: Browser.runtime.MessageSender,
  token: unknown,
  now = Date.now(),
): Promise<PickerSession> {
  return serial(async () => {
    const tabId = sender.tab?.id;
    const stored = tabId === undefined ? {} : await browser.storage.session.get(keyOf(tabId));
    const session = tabId === undefined ? undefined : (stored[keyOf(tabId)] as PickerSession | undefined);
    const check = checkPickerMessage(
      session,
      { extensionId: sender.id, tabId, frameId: sender.frameId, url: sender.url ?? sender.tab?.url },
      browser.runtime.id,
      token,
      now,
    );
    if (!check.ok || !session) {
      // An expired session is of no use to anyone: drop it.
      if (session && now > session.expiresAt) await closePickerSession(session.tabId);
      throw new PickerRefusal(check.ok ? pickerRefusalText.noPicker : check.reason);
    }
    await closePickerSession(session.tabId);
    return session;
  });
}
