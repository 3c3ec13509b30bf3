import { browser, type Browser } from 'wxt/browser';
import { toCaptureError } from '@/utils/capture/errors';
import { isRequest, type AnyRequest, type MessageType, type Protocol, type Reply } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { tagEvidence } from '@/storage/evidence-repository';
import { readCapturer } from '@/storage/settings-repository';
import { refreshBadge } from './badge';
import { captureAndStore } from './capture-service';

type Handlers = { [T in MessageType]: (payload: Protocol[T]['request']) => Promise<Protocol[T]['response']> };

const handlers: Handlers = {
  captureTab: ({ tabId, trigger }) => captureAndStore(tabId, trigger),
  async tagEvidence({ evidenceId, ...change }) {
    const db = getDatabase();
    const record = await tagEvidence(db, evidenceId, change, await readCapturer(db), new Date().toISOString());
    void refreshBadge();
    return record;
  },
};

/** Only the extension's own pages may send privileged messages; content scripts and web pages may not. */
export function isTrustedSender(sender: Browser.runtime.MessageSender): boolean {
  const extensionOrigin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export async function routeMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<MessageType>> {
  if (!isTrustedSender(sender)) {
    return { ok: false, error: 'Refused: only the extension’s own pages may send this message.' };
  }
  if (!isRequest(message)) return { ok: false, error: 'Refused: unknown message.' };
  try {
    const handler = handlers[message.type] as (payload: AnyRequest['payload']) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload) } as Reply<MessageType>;
  } catch (error) {
    return { ok: false, error: toCaptureError(error).message };
  }
}
