import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase } from '@/storage/db';
import { routeMessage } from './message-router';
import { openPickerSession } from './picker-sessions';

const EXTENSION_PAGE = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/dashboard.html',
};
const saveSettings = { type: 'saveSettings', payload: { capturer: 'Mallory', organisation: 'Evil' } };

describe('routeMessage', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await getDatabase().settings.clear();
    await fakeBrowser.storage.managed.clear();
  });

  it('accepts privileged messages from the extension’s own pages', async () => {
    const reply = await routeMessage(
      { type: 'saveSettings', payload: { capturer: 'Alice', organisation: 'Acme' } },
      EXTENSION_PAGE,
    );
    expect(reply).toMatchObject({ ok: true, value: { capturer: 'Alice' } });
    expect((await getDatabase().settings.get('settings'))?.capturer).toBe('Alice');
  });

  it.each([
    [
      'a content script in a web page',
      { id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 3 } },
    ],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' }],
    ['a web page through externally_connectable', { url: 'https://evil.example/' }],
    ['a sender without a URL', { id: 'test-extension-id' }],
  ])('refuses them from %s and changes nothing', async (_who, sender) => {
    const reply = await routeMessage(saveSettings, sender as unknown as Parameters<typeof routeMessage>[1]);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Refused/) });
    expect(await getDatabase().settings.get('settings')).toBeUndefined();
  });

  it('refuses unknown or malformed messages', async () => {
    expect(await routeMessage({ type: 'dropDatabase', payload: {} }, EXTENSION_PAGE)).toMatchObject({
      ok: false,
    });
    expect(await routeMessage('captureTab', EXTENSION_PAGE)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'toString', payload: {} }, EXTENSION_PAGE)).toMatchObject({
      ok: false,
    });
  });

  it('answers a refused save with the reasons, as a sentence', async () => {
    const reply = await routeMessage(
      {
        type: 'saveControlState',
        payload: {
          controlId: 'A.7.4',
          applicable: false,
          justification: '',
          implementation: 'not-started',
          owner: '',
          cadenceDays: null,
          notes: '',
        },
      },
      EXTENSION_PAGE,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('A.7.4 is excluded') });
  });

  it('refuses to save a value the organisation locks by policy, and keeps the stored one', async () => {
    await fakeBrowser.storage.managed.set({
      organisation: 'Northwind Finance Ltd',
      locked: ['organisation'],
    });
    const refused = await routeMessage(
      { type: 'saveSettings', payload: { capturer: 'Alice', organisation: 'Rogue Ltd' } },
      EXTENSION_PAGE,
    );
    expect(refused).toEqual({
      ok: false,
      error:
        'Not saved: your organisation sets the organisation (set to “Northwind Finance Ltd”) by policy, and it cannot be changed here.',
    });
    expect(await getDatabase().settings.get('settings')).toBeUndefined();
    // The same save with the policy's value goes through: the user's own name is theirs to change.
    const saved = await routeMessage(
      { type: 'saveSettings', payload: { capturer: 'Alice', organisation: 'Northwind Finance Ltd' } },
      EXTENSION_PAGE,
    );
    expect(saved).toMatchObject({ ok: true });
    expect((await getDatabase().settings.get('settings'))?.capturer).toBe('Alice');
  });

  it('refuses masking changes the policy locks, and patterns that cannot work', async () => {
    await fakeBrowser.storage.managed.set({ maskingEnabled: true, locked: ['maskingEnabled'] });
    expect(
      await routeMessage({ type: 'saveMaskingSettings', payload: { enabled: false } }, EXTENSION_PAGE),
    ).toEqual({
      ok: false,
      error: 'Not saved: your organisation keeps masking on by policy.',
    });
    const empty = await routeMessage(
      {
        type: 'saveMaskingSettings',
        payload: {
          enabled: true,
          rules: [{ id: 'custom-1', name: 'Anything', enabled: true, kind: 'pattern', pattern: 'x*' }],
        },
      },
      EXTENSION_PAGE,
    );
    expect(empty).toEqual({
      ok: false,
      error: expect.stringContaining('Anything: The pattern matches empty text'),
    });
  });

  it('saves the user’s own rules even when a rule from the policy is broken', async () => {
    await fakeBrowser.storage.managed.set({
      maskingRules: [{ id: 'broken', name: 'Broken', kind: 'pattern', pattern: '(' }],
    });
    const own = {
      id: 'custom-1',
      name: 'Tickets',
      enabled: true,
      kind: 'pattern' as const,
      pattern: 'TCK-\\d+',
    };
    const policyRule = {
      id: 'policy:broken',
      name: 'Broken',
      enabled: true,
      kind: 'pattern' as const,
      pattern: '(',
    };
    const reply = await routeMessage(
      { type: 'saveMaskingSettings', payload: { enabled: true, rules: [policyRule, own] } },
      EXTENSION_PAGE,
    );
    expect(reply).toMatchObject({ ok: true });
    const stored = (await getDatabase().table('settings').get('masking')) as { rules: { id: string }[] };
    expect(stored.rules.map((rule) => rule.id)).toEqual(['policy:broken', 'custom-1']);
  });

  describe('the element picker’s answer, the one message a content script may send', () => {
    const TOKEN = 'c3'.repeat(16);
    const PAGE = 'https://admin.example/users';
    const pickerIn = (tabId: number, url = PAGE) =>
      ({ id: 'test-extension-id', url, tab: { id: tabId, url }, frameId: 0 }) as unknown as Parameters<
        typeof routeMessage
      >[1];
    const cancel = (token?: string) => ({
      type: 'pickerResult',
      ...(token === undefined ? {} : { token }),
      choice: { kind: 'cancelled', reason: 'escape' },
    });
    const stored = async () => (await fakeBrowser.storage.session.get('pickerSession:7'))['pickerSession:7'];

    beforeEach(async () => {
      await openPickerSession({
        tabId: 7,
        token: TOKEN,
        trigger: 'popup',
        url: PAGE,
        expiresAt: Date.now() + 60_000,
      });
    });

    it('is refused from another tab, even with the right token, and the session stays open', async () => {
      const reply = await routeMessage(cancel(TOKEN), pickerIn(8));
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/^Refused: no element picker is open in this tab/),
      });
      expect(await stored()).toMatchObject({ tabId: 7 });
    });

    it('is refused without the token or with a wrong one', async () => {
      expect(await routeMessage(cancel(), pickerIn(7))).toEqual({
        ok: false,
        error: expect.stringMatching(/^Refused/),
      });
      expect(await routeMessage(cancel('d4'.repeat(16)), pickerIn(7))).toEqual({
        ok: false,
        error: expect.stringMatching(/^Refused: .*picker token/),
      });
      expect(await stored()).toMatchObject({ tabId: 7 });
    });

    it('is accepted once from the session’s tab with its token; a replay is refused', async () => {
      expect(await routeMessage(cancel(TOKEN), pickerIn(7))).toEqual({ ok: true, value: null });
      expect(await stored()).toBeUndefined();
      expect(await routeMessage(cancel(TOKEN), pickerIn(7))).toEqual({
        ok: false,
        error: expect.stringMatching(/^Refused: no element picker is open/),
      });
    });

    it('gives a content script no way to the privileged messages', async () => {
      for (const message of [
        { type: 'startElementPicker', payload: { tabId: 7, trigger: 'popup' } },
        { type: 'captureTab', payload: { tabId: 7, trigger: 'popup' }, token: TOKEN },
        { ...saveSettings, token: TOKEN, choice: { kind: 'cancelled', reason: 'escape' } },
      ]) {
        const reply = await routeMessage(message, pickerIn(7));
        expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Refused/) });
      }
      expect(await getDatabase().settings.get('settings')).toBeUndefined();
      expect(await stored()).toMatchObject({ tabId: 7 });
    });
  });
});
