import { CaptureError } from '@/utils/capture/errors';

// Cancel switches exist only while a capture runs (the service worker stays alive for it), one per tab.
const running = new Map<number, AbortController>();

/** Registers a capture of a tab; a second capture of the same tab is refused until the first ends. */
export function startCaptureRun(tabId: number): AbortController {
  if (running.has(tabId))
    throw new CaptureError('unknown', 'A capture of this tab is already running. Wait for it or cancel it.');
  const controller = new AbortController();
  running.set(tabId, controller);
  return controller;
}

export function finishCaptureRun(tabId: number): void {
  running.delete(tabId);
}

/** Asks the running capture of a tab to stop; false when none runs. */
export function cancelCapture(tabId: number): boolean {
  const controller = running.get(tabId);
  controller?.abort();
  return controller !== undefined;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new CaptureError(
      'cancelled',
      'Capture cancelled. Nothing was stored, and the page was put back as it was.',
    );
}
