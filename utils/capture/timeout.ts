import { captureErrorText } from '../text';
import { CaptureError } from './errors';

/**
 * Races a page step against a deadline; past it the capture fails with the sentence saying how long the page
 * stayed silent. `wait` replaces the real timer where a test drives time (the capture adapter's `sleep`).
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  milliseconds: number,
  wait?: (milliseconds: number) => Promise<void>,
): Promise<T> {
  const silent = () =>
    new CaptureError('collector-failed', captureErrorText.pageSilent(Math.round(milliseconds / 1000)));
  if (wait) {
    return Promise.race([
      promise,
      wait(milliseconds).then(() => {
        throw silent();
      }),
    ]);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(silent()), milliseconds);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
