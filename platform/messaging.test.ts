import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BACKGROUND_STOPPED, sendMessage } from './messaging';

afterEach(() => vi.restoreAllMocks());

describe('sendMessage', () => {
  it.each([
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'Could not establish connection. Receiving end does not exist.',
  ])('turns “%s” (the background was stopped) into a sentence the user can act on', async (raw) => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error(raw));
    await expect(sendMessage('cancelCapture', { tabId: 1 })).rejects.toThrow(BACKGROUND_STOPPED);
  });

  it('passes the background’s own error sentence through', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(() =>
      Promise.resolve({ ok: false, error: 'Capture failed: x.' }),
    );
    await expect(sendMessage('cancelCapture', { tabId: 1 })).rejects.toThrow('Capture failed: x.');
  });
});
