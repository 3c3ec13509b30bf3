import { CaptureError } from './errors';
import { captureErrorText } from '../text';

const BROWSER_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'edge:',
  'about:',
  'moz-extension:',
  'view-source:',
  'devtools:',
  'chrome-search:',
  'chrome-untrusted:',
  'resource:',
];

// Browsers forbid extensions to script their own stores.
const STORE_HOSTS = [
  'chrome.google.com',
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
];

/** Why a tab cannot be captured, before anything is tried; null when it can. */
export function restrictionFor(url: string | undefined): CaptureError | null {
  if (!url) {
    return new CaptureError('no-access', captureErrorText.cannotSeeTab);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new CaptureError('restricted-page', captureErrorText.notWebPage(url));
  }
  if (BROWSER_SCHEMES.includes(parsed.protocol)) {
    return new CaptureError('restricted-page', captureErrorText.browserPage(parsed.protocol));
  }
  const isStore =
    STORE_HOSTS.includes(parsed.hostname) &&
    (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'));
  if (isStore) {
    return new CaptureError('restricted-page', captureErrorText.extensionStore);
  }
  if (/\.pdf$/i.test(parsed.pathname)) {
    return new CaptureError('pdf-viewer', captureErrorText.pdfViewer);
  }
  if (!['http:', 'https:', 'file:', 'data:'].includes(parsed.protocol)) {
    return new CaptureError('restricted-page', captureErrorText.unsupportedScheme(parsed.protocol));
  }
  return null;
}
