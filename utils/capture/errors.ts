import { captureErrorText } from '../text';

/** Errors a user can act on. `message` is the sentence shown in the popup or dashboard. */
export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

export type CaptureErrorCode =
  | 'restricted-page'
  | 'pdf-viewer'
  | 'no-access'
  | 'tab-closed'
  | 'tab-navigated'
  | 'rate-limited'
  | 'disk-full'
  | 'collector-failed'
  | 'scroll-blocked'
  | 'cancelled'
  | 'unknown';

/** Backoff, in ms, before each retry of a screenshot the browser refused for its rate limit. */
export const RATE_LIMIT_RETRIES = [600, 1200, 2400] as const;

const RATE_LIMIT = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|rate limit/i;
const NO_TAB = /No tab with id|tab was closed|Invalid tab ID|No window with id/i;
const NO_ACCESS =
  /Cannot access contents|Missing host permission|activeTab|permission to access|Cannot access a chrome|cannot be scripted|<all_urls>/i;
// Chromium reports a full disk under IndexedDB as `UnknownError: … IO error: … FILE_ERROR_NO_SPACE`.
const QUOTA = /QuotaExceeded|quota|disk is full|No space left|FILE_ERROR_NO_SPACE/i;

export function isRateLimitError(error: unknown): boolean {
  return RATE_LIMIT.test(messageOf(error));
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Turns whatever a browser API threw into a sentence the user can act on. */
export function toCaptureError(error: unknown): CaptureError {
  if (error instanceof CaptureError) return error;
  const text = messageOf(error);
  if (RATE_LIMIT.test(text)) {
    return new CaptureError('rate-limited', captureErrorText.rateLimited);
  }
  if (NO_TAB.test(text)) {
    return new CaptureError('tab-closed', captureErrorText.tabClosed);
  }
  if (QUOTA.test(text)) {
    return new CaptureError('disk-full', captureErrorText.diskFull);
  }
  if (NO_ACCESS.test(text)) {
    return new CaptureError('no-access', captureErrorText.noAccess);
  }
  return new CaptureError('unknown', captureErrorText.unknown(text));
}
