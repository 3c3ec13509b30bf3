import type { CaptureTrigger } from '../../evidence/types';
import { pickerRefusalText } from '../../text';

/** How long the user has to pick before the picker removes itself and the session lapses. */
export const PICKER_TIMEOUT_MS = 120_000;

/** One picker the background opened in one tab: it accepts exactly one result carrying its token. */
export interface PickerSession {
  tabId: number;
  token: string;
  trigger: CaptureTrigger;
  /** The page the picker was opened on; a result from another page (navigated away) is refused. */
  url: string;
  expiresAt: number;
}

/** Who sent a picker message, as the browser reports it (never what the message says). */
export interface PickerSender {
  extensionId: string | undefined;
  tabId: number | undefined;
  frameId: number | undefined;
  url: string | undefined;
}

export type PickerCheck = { ok: true } | { ok: false; reason: string };

/** 128 random bits as hex: unguessable by a page, and only ever handed to our own isolated world. */
export function pickerToken(randomBytes: Uint8Array): string {
  if (randomBytes.length < 16) throw new Error('A picker token needs at least 16 random bytes.');
  return Array.from(randomBytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares without stopping at the first difference, so timing tells nothing about the token. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Whether a picker message may be acted on: sent by this extension's own content script, in the top frame
 * of the tab the session was opened for, on the same page, before it expired, with the session's token.
 */
export function checkPickerMessage(
  session: PickerSession | undefined,
  sender: PickerSender,
  ownExtensionId: string,
  token: unknown,
  now: number,
): PickerCheck {
  if (sender.extensionId !== ownExtensionId) return { ok: false, reason: pickerRefusalText.notThisExtension };
  if (sender.tabId === undefined || sender.frameId !== 0)
    return { ok: false, reason: pickerRefusalText.notTopFrame };
  if (!session || session.tabId !== sender.tabId) return { ok: false, reason: pickerRefusalText.noPicker };
  if (typeof token !== 'string' || !sameToken(token, session.token))
    return { ok: false, reason: pickerRefusalText.wrongToken };
  if (now > session.expiresAt) return { ok: false, reason: pickerRefusalText.timedOut };
  if (sender.url !== undefined && stripHash(sender.url) !== stripHash(session.url))
    return { ok: false, reason: pickerRefusalText.pageChanged };
  return { ok: true };
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
