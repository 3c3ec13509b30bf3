import { browser } from 'wxt/browser';
import type { MessageType, Protocol, Reply } from '@/utils/messages/protocol';
import { storageErrorText } from '@/utils/text';

/** Sends one typed request to the background; throws an Error carrying the user-facing sentence. */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new Error(storageErrorText.noAnswer);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
