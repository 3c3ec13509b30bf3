import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  openTab,
  saveTagging,
  startSession,
  type E2eSession,
} from './harness';
import { recordOutcome } from './reliability';
import { snapshotDatabase } from './snapshot';

/** Privileged requests an attacker would send: rename the capturer, delete evidence, capture a tab. */
const attacks = (evidenceId: string) => [
  { type: 'saveSettings', payload: { capturer: 'Mallory', organisation: 'Evil Corp' } },
  { type: 'deleteEvidence', payload: { evidenceId, reason: 'cover tracks', removeDescription: true } },
  { type: 'editEvidence', payload: { evidenceId, controls: [], notes: 'tampered' } },
  { type: 'captureTab', payload: { tabId: 1, trigger: 'popup' } },
];

/** The id of the extension's isolated world in a page (where its content scripts run), once one ran. */
async function contentScriptWorld(session: CDPSession, extensionId: string): Promise<number> {
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await session.send('Runtime.enable'); // reports the contexts that already exist
  const world = worlds.find(
    (context) =>
      context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error(`No content-script world of the extension: ${JSON.stringify(worlds)}`);
  return world.id;
}

describe('messages from outside the extension’s own pages', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses a web page (no externally_connectable) and a content script, changing nothing', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('ticket.html'));
    const popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'The evidence an attacker wants gone.' });
    await popup.close();
    const before = await snapshotDatabase(extension);
    const [evidence] = before.stores.evidence as { id: string }[];

    // The web page: Chrome gives it no messaging API for this extension at all.
    const fromPage = await page.evaluate(
      async ({ id, messages }) => {
        const runtime = (globalThis as { chrome?: { runtime?: Record<string, unknown> } }).chrome?.runtime;
        const results: string[] = [
          `sendMessage: ${typeof runtime?.sendMessage}`,
          `connect: ${typeof runtime?.connect}`,
        ];
        const send = runtime?.sendMessage as ((id: string, message: unknown) => Promise<unknown>) | undefined;
        for (const message of messages) {
          try {
            results.push(`answered ${JSON.stringify(await send?.(id, message))}`);
          } catch (error) {
            results.push(`threw ${String(error)}`);
          }
        }
        return results;
      },
      { id: extension.extensionId, messages: attacks(evidence!.id) },
    );
    expect(fromPage.slice(0, 2)).toEqual(['sendMessage: undefined', 'connect: undefined']);
    expect(
      fromPage.slice(2).every((result) => result === 'answered undefined' || result.startsWith('threw')),
    ).toBe(true);

    // The content script: the capture above ran the collector in the page's isolated world; code there
    // (a compromised page agent) asks the background directly.
    const cdp = await extension.context.newCDPSession(page);
    const world = await contentScriptWorld(cdp, extension.extensionId);
    const replies: unknown[] = [];
    for (const message of attacks(evidence!.id)) {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        contextId: world,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      replies.push(exceptionDetails ? { threw: exceptionDetails.text } : result.value);
    }
    await cdp.detach();
    expect(replies).toEqual(
      attacks(evidence!.id).map(() => ({
        ok: false,
        error: 'Refused: only the extension’s own pages may send this message.',
      })),
    );
    await page.close();

    const after = await snapshotDatabase(extension);
    expect(after).toEqual(before);

    recordOutcome('web-page-message', {
      observed: `page sees no chrome.runtime.sendMessage/connect; ${attacks('').length} requests went nowhere; database unchanged`,
      evidenceLost: 0,
      tries: attacks('').length,
    });
    recordOutcome('content-script-message', {
      observed: `${replies.length} of ${replies.length} privileged requests refused by the background; database unchanged`,
      evidenceLost: 0,
      tries: replies.length,
    });
  });
});
