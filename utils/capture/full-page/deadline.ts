/** A full-page capture answers within a minute: the page steps share what is left of 55 s. */
export const CAPTURE_DEADLINE_MS = 55_000;
const MIN_STEP_MS = 5_000;
const MAX_STEP_MS = 20_000;

/**
 * How long the next step in the page may take: 20 s at most, less as the deadline nears, but never under
 * 5 s (putting a page back must get its chance). A page that hangs costs one step, not a minute per step.
 */
export function stepTimeoutMs(startedAt: number, now: number): number {
  return Math.min(MAX_STEP_MS, Math.max(MIN_STEP_MS, startedAt + CAPTURE_DEADLINE_MS - now));
}

/** Putting the page back after a failure: short, since the capture is already answering with an error. */
export const RESTORE_AFTER_FAILURE_MS = MIN_STEP_MS;
