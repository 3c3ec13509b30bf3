import { describe, expect, it } from 'vitest';
import { mapS3Failure, offlineFailure } from './errors';
import { backoffMs, claim, fail, isDue, leaseMs, newJob, succeed, unblock } from './queue';

describe('the upload queue', () => {
  it('uploads a new job and records the version ids', () => {
    const uploading = claim(newJob(), 1000);
    expect(uploading).toEqual({ status: 'uploading', attempts: 1, leaseUntil: 1000 + leaseMs });
    expect(succeed(uploading, ['v1', 'v2'])).toEqual({
      status: 'done',
      attempts: 1,
      versionIds: ['v1', 'v2'],
    });
  });

  it('backs off a retryable failure, doubling up to a cap', () => {
    const half = () => 0;
    expect([1, 2, 3, 4].map((attempts) => backoffMs(attempts, half))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40, half)).toBe(450_000);
    const retry = fail(claim(newJob(), 0), offlineFailure(), 10_000, half);
    expect(retry).toEqual({ status: 'waiting', attempts: 1, notBefore: 11_000 });
    expect(isDue(retry, 10_999)).toBe(false);
    expect(isDue(retry, 11_000)).toBe(true);
  });

  it('blocks on a failure only the user can fix, and resumes once unblocked', () => {
    const blocked = fail(claim(newJob(), 0), mapS3Failure({ status: 403, code: 'ExpiredToken' }, 'b'), 5);
    expect(blocked.status).toBe('blocked');
    expect(isDue(blocked, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isDue(unblock(blocked), 0)).toBe(true);
  });

  it('takes over a job whose worker stopped mid-upload once its lease expires', () => {
    const uploading = claim(newJob(), 0);
    expect(isDue(uploading, leaseMs - 1)).toBe(false);
    expect(() => claim(uploading, leaseMs - 1)).toThrow(/not due/);
    expect(claim(uploading, leaseMs)).toMatchObject({ status: 'uploading', attempts: 2 });
  });

  it('never finishes or fails a job it does not hold', () => {
    expect(() => succeed(newJob(), [])).toThrow(/Only an uploading job/);
    expect(() => fail(newJob(), offlineFailure(), 0)).toThrow(/Only an uploading job/);
    expect(isDue(succeed(claim(newJob(), 0), []), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
