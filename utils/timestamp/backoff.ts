/**
 * The retry schedule of stamps that could not be had (authority offline, refused, a reply that failed its
 * checks): 30 s after the first failure, doubling up to an hour, so a long outage costs a request an hour.
 * A capture, the worker's start and the alarm each try whatever is due; nothing is ever dropped.
 */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 60 * 60_000;

/** What waits for a token: the SHA-256 (hex) of the stamped bytes and what those bytes are. */
export interface TimestampSubject {
  sha256: string;
  /** A capture's custody entry: the bytes are its canonical JSON, which `hash` is the SHA-256 of. */
  kind: 'capture';
  evidenceId: string;
  custodySequence: number;
}

export interface PendingTimestamp extends TimestampSubject {
  queuedAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** ISO 8601 UTC: not tried before this. */
  nextAttemptAt: string;
  lastProblem: string | null;
}

export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), LONGEST_RETRY_MS);
}

export function pendingTimestamp(subject: TimestampSubject, now: Date): PendingTimestamp {
  const at = now.toISOString();
  return { ...subject, queuedAt: at, attempts: 0, nextAttemptAt: at, lastProblem: null };
}

export function afterFailure(item: PendingTimestamp, problem: string, now: Date): PendingTimestamp {
  const attempts = item.attempts + 1;
  return {
    ...item,
    attempts,
    lastProblem: problem,
    nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)).toISOString(),
  };
}

export function isDue(item: PendingTimestamp, now: Date): boolean {
  return item.nextAttemptAt <= now.toISOString();
}

/** When the next alarm should fire for what is still queued; null when nothing is. */
export function nextWake(items: readonly PendingTimestamp[]): string | null {
  return items.reduce<string | null>(
    (earliest, item) => (earliest === null || item.nextAttemptAt < earliest ? item.nextAttemptAt : earliest),
    null,
  );
}
