import { CaptureError } from './errors';

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
    return new CaptureError(
      'no-access',
      'Capture failed: the extension cannot see this tab. Click the toolbar button on the page you want to capture.',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new CaptureError('restricted-page', `Capture failed: "${url}" is not a web page.`);
  }
  if (BROWSER_SCHEMES.includes(parsed.protocol)) {
    return new CaptureError(
      'restricted-page',
      `Capture failed: browser pages (${parsed.protocol}//) cannot be captured by extensions. Open the admin console page you want as evidence.`,
    );
  }
  const isStore =
    STORE_HOSTS.includes(parsed.hostname) &&
    (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'));
  if (isStore) {
    return new CaptureError(
      'restricted-page',
      'Capture failed: browsers do not let extensions capture their extension store. Take the evidence from another page.',
    );
  }
  if (/\.pdf$/i.test(parsed.pathname)) {
    return new CaptureError(
      'pdf-viewer',
      "Capture failed: this is the browser's PDF viewer, which extensions cannot read. Download the PDF and add it to the evidence library as a file.",
    );
  }
  if (!['http:', 'https:', 'file:', 'data:'].includes(parsed.protocol)) {
    return new CaptureError(
      'restricted-page',
      `Capture failed: ${parsed.protocol}// pages cannot be captured.`,
    );
  }
  return null;
}
