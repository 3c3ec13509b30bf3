import { describe, expect, it } from 'vitest';
import { restrictionFor } from './restricted';
import { toCaptureError } from './errors';

describe('restrictionFor', () => {
  it.each([
    ['chrome://settings', 'restricted-page'],
    ['about:blank', 'restricted-page'],
    ['edge://extensions', 'restricted-page'],
    ['chrome-extension://abc/popup.html', 'restricted-page'],
    ['https://chromewebstore.google.com/detail/x', 'restricted-page'],
    ['https://addons.mozilla.org/en-US/firefox/', 'restricted-page'],
    ['https://example.com/reports/q3.pdf', 'pdf-viewer'],
    [undefined, 'no-access'],
  ])('refuses %s with %s and a sentence', (url, code) => {
    const error = restrictionFor(url);
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(/^Capture failed: .+\.$/);
  });

  it.each([
    'https://admin.google.com/ac/users',
    'http://127.0.0.1:8080/backup.html',
    'https://chrome.google.com/other',
  ])('allows %s', (url) => {
    expect(restrictionFor(url)).toBeNull();
  });
});

describe('toCaptureError', () => {
  it.each([
    ['This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.', 'rate-limited'],
    ['No tab with id: 42.', 'tab-closed'],
    ['QuotaExceededError: The quota has been exceeded.', 'disk-full'],
    [
      'UnknownError: Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE',
      'disk-full',
    ],
    ['Cannot access contents of the page. Extension manifest must request permission', 'no-access'],
    ['Something odd', 'unknown'],
  ])('classifies “%s” as %s', (message, code) => {
    const error = toCaptureError(new Error(message));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/Nothing was stored|try again|Click the toolbar|intact/i);
  });
});
