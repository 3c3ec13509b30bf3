import { browser } from 'wxt/browser';
import type { MessageType, Protocol, Reply } from '@/utils/messages/protocol';
import { storageErrorText } from '@/utils/text';

/** Chrome's words when the background stopped (or was stopped) before it answered. */
const BACKGROUND_GONE = /message channel closed|message port closed|Receiving end does not exist/i;

export const BACKGROUND_STOPPED = storageErrorText.backgroundStopped;

/** Sends one typed request to the background; throws an Error carrying the user-facing sentence. */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  } catch (error) {
    if (error instanceof Error && BACKGROUND_GONE.test(error.message)) throw new Error(BACKGROUND_STOPPED);
    throw error;
  }
  if (!reply) throw new Error(storageErrorText.noAnswer);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
