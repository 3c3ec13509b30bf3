import { describe, expect, it } from 'vitest';
import { mapS3Failure, offlineFailure } from './errors';

const map = (status: number, code: string) => mapS3Failure({ status, code }, 'acme-evidence');

describe('sync failures in sentences', () => {
  it('says offline and retries', () => {
    expect(offlineFailure()).toMatchObject({ kind: 'offline', retryable: true });
    expect(offlineFailure().sentence).toMatch(/offline/);
  });

  it('stops on expired or wrong credentials and says where to fix them', () => {
    for (const code of ['ExpiredToken', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']) {
      const failure = map(403, code);
      expect(failure).toMatchObject({ kind: 'credentials', retryable: false });
      expect(failure.sentence).toMatch(/Settings → Team store/);
    }
  });

  it('names clock skew', () => {
    const failure = map(403, 'RequestTimeTooSkewed');
    expect(failure).toMatchObject({ kind: 'clockSkew', retryable: false });
    expect(failure.sentence).toMatch(/clock/);
  });

  it('retries server errors and throttling', () => {
    expect(map(500, 'InternalError')).toMatchObject({ kind: 'serverError', retryable: true });
    expect(map(500, '').sentence).toMatch(/HTTP 500/);
    expect(map(503, 'SlowDown')).toMatchObject({ kind: 'throttled', retryable: true });
    expect(map(429, '')).toMatchObject({ kind: 'throttled', retryable: true });
  });

  it('stops on access denied and a missing bucket', () => {
    expect(map(403, 'AccessDenied')).toMatchObject({ kind: 'accessDenied', retryable: false });
    const missing = map(404, 'NoSuchBucket');
    expect(missing).toMatchObject({ kind: 'noBucket', retryable: false });
    expect(missing.sentence).toContain('acme-evidence');
  });

  it('retries when the engine received other bytes than were sent', () => {
    expect(map(400, 'BadDigest')).toMatchObject({ kind: 'integrity', retryable: true });
  });
});
