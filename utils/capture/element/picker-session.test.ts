import { describe, expect, it } from 'vitest';
import { checkPickerMessage, pickerToken, type PickerSender, type PickerSession } from './picker-session';

const OWN_ID = 'own-extension';
const TOKEN = 'a1'.repeat(16);
const NOW = 1_000_000;
const session: PickerSession = {
  tabId: 7,
  token: TOKEN,
  trigger: 'popup',
  url: 'https://admin.example/users',
  expiresAt: NOW + 60_000,
};
const fromPicker: PickerSender = {
  extensionId: OWN_ID,
  tabId: 7,
  frameId: 0,
  url: 'https://admin.example/users',
};

describe('pickerToken', () => {
  it('is 128 random bits as hex, and refuses fewer', () => {
    const token = pickerToken(new Uint8Array(16).fill(0xab));
    expect(token).toBe('ab'.repeat(16));
    expect(() => pickerToken(new Uint8Array(8))).toThrow(/16 random bytes/);
  });
});

describe('checkPickerMessage', () => {
  it('accepts the picker of the session: same tab, top frame, same page, right token, in time', () => {
    expect(checkPickerMessage(session, fromPicker, OWN_ID, TOKEN, NOW)).toEqual({ ok: true });
    // In-page anchors are the same page.
    expect(
      checkPickerMessage(
        session,
        { ...fromPicker, url: 'https://admin.example/users#row-4' },
        OWN_ID,
        TOKEN,
        NOW,
      ),
    ).toEqual({ ok: true });
  });

  it.each<[string, PickerSession | undefined, Partial<PickerSender>, unknown, number, RegExp]>([
    ['another tab', session, { tabId: 8 }, TOKEN, NOW, /no element picker is open in this tab/],
    ['a tab without a session', undefined, {}, TOKEN, NOW, /no element picker is open/],
    ['no token', session, {}, undefined, NOW, /picker token/],
    ['a wrong token', session, {}, 'b2'.repeat(16), NOW, /picker token/],
    ['a token of another length', session, {}, TOKEN.slice(2), NOW, /picker token/],
    ['another extension', session, { extensionId: 'other' }, TOKEN, NOW, /did not come from this extension/],
    ['a frame inside the page', session, { frameId: 3 }, TOKEN, NOW, /top frame/],
    ['no tab (an extension page)', session, { tabId: undefined }, TOKEN, NOW, /top frame of a tab/],
    [
      'a page navigated to since',
      session,
      { url: 'https://admin.example/groups' },
      TOKEN,
      NOW,
      /page changed/,
    ],
    ['after the timeout', session, {}, TOKEN, session.expiresAt + 1, /timed out/],
  ])('refuses a message from %s', (_case, stored, sender, token, now, reason) => {
    const check = checkPickerMessage(stored, { ...fromPicker, ...sender }, OWN_ID, token, now);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
    expect(check.ok ? '' : check.reason).toMatch(/^Refused: .+\.$/);
  });
});
