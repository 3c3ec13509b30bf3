import { isRateLimitError, RATE_LIMIT_RETRIES } from '@/utils/capture/errors';
import { browserCaptureAdapter } from '../capture-adapter';

/** Chrome allows two captureVisibleTab calls per second: 510 ms apart keeps clear of the limit. */
export const MIN_CAPTURE_INTERVAL_MS = 510;

// The rate limit is per browser, not per capture.
let lastCaptureAt = 0;

/** captureVisibleTab, never sooner than 510 ms after the previous call, retried with backoff on the rate limit. */
export async function captureSpaced(windowId: number): Promise<Blob> {
  for (let attempt = 0; ; attempt++) {
    const wait = lastCaptureAt + MIN_CAPTURE_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCaptureAt = Date.now();
    try {
      return await browserCaptureAdapter().captureVisibleTab(windowId);
    } catch (error) {
      const delay = RATE_LIMIT_RETRIES[attempt];
      if (!isRateLimitError(error) || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
