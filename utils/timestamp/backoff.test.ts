import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  FIRST_RETRY_MS,
  isDue,
  LONGEST_RETRY_MS,
  nextWake,
  pendingTimestamp,
  retryDelay,
} from '.';

const subject = { sha256: 'a'.repeat(64), kind: 'capture' as const, evidenceId: 'EV-1', custodySequence: 3 };
const start = new Date('2026-12-03T12:00:00.000Z');

describe('the retry schedule', () => {
  it('waits 30 s after the first failure, doubling up to an hour', () => {
    expect([0, 1, 2, 3, 4].map(retryDelay)).toEqual([0, 30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(8)).toBe(LONGEST_RETRY_MS);
    expect(retryDelay(50)).toBe(LONGEST_RETRY_MS);
  });

  it('is due at once when queued, and again only once its delay has passed', () => {
    const queued = pendingTimestamp(subject, start);
    expect(isDue(queued, start)).toBe(true);
    const failed = afterFailure(queued, 'the authority could not be reached', start);
    expect(failed).toMatchObject({ attempts: 1, lastProblem: 'the authority could not be reached' });
    expect(isDue(failed, new Date(start.getTime() + FIRST_RETRY_MS - 1))).toBe(false);
    expect(isDue(failed, new Date(start.getTime() + FIRST_RETRY_MS))).toBe(true);
    const twice = afterFailure(failed, 'again', new Date(start.getTime() + FIRST_RETRY_MS));
    expect(twice.nextAttemptAt).toBe(new Date(start.getTime() + 3 * FIRST_RETRY_MS).toISOString());
  });

  it('wakes for the earliest item still queued, and not at all for none', () => {
    const a = afterFailure(pendingTimestamp(subject, start), 'x', start);
    const b = pendingTimestamp({ ...subject, sha256: 'b'.repeat(64) }, new Date(start.getTime() + 5_000));
    expect(nextWake([a, b])).toBe(b.nextAttemptAt);
    expect(nextWake([])).toBeNull();
  });
});
