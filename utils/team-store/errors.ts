import { teamStoreErrorText } from '../text';

/** What a failed request means for the queue: retry later by itself, or wait for the user to fix something. */
export type SyncFailure = {
  kind:
    | 'offline'
    | 'credentials'
    | 'accessDenied'
    | 'clockSkew'
    | 'throttled'
    | 'serverError'
    | 'noBucket'
    | 'integrity'
    | 'unexpected';
  /** Retried by itself with backoff; otherwise the queue stops until the settings change. */
  retryable: boolean;
  sentence: string;
};

/** A failed S3 answer: its HTTP status and the error code from its XML body (empty when there was none). */
export interface FailedAnswer {
  status: number;
  code: string;
}

const credentialCodes = new Set([
  'ExpiredToken',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'TokenRefreshRequired',
]);
const throttleCodes = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestLimitExceeded']);

/** The network never answered (fetch rejected): the browser is offline or the endpoint is unreachable. */
export function offlineFailure(): SyncFailure {
  return { kind: 'offline', retryable: true, sentence: teamStoreErrorText.offline };
}

export function integrityFailure(): SyncFailure {
  return { kind: 'integrity', retryable: true, sentence: teamStoreErrorText.integrity };
}

export function mapS3Failure(answer: FailedAnswer, bucket: string): SyncFailure {
  const { status, code } = answer;
  if (code === 'RequestTimeTooSkewed')
    return { kind: 'clockSkew', retryable: false, sentence: teamStoreErrorText.clockSkew };
  if (credentialCodes.has(code))
    return { kind: 'credentials', retryable: false, sentence: teamStoreErrorText.credentials };
  if (throttleCodes.has(code) || status === 429 || status === 503) {
    return { kind: 'throttled', retryable: true, sentence: teamStoreErrorText.throttled };
  }
  if (code === 'NoSuchBucket')
    return { kind: 'noBucket', retryable: false, sentence: teamStoreErrorText.noBucket(bucket) };
  if (code === 'BadDigest' || code === 'XAmzContentSHA256Mismatch' || code === 'InvalidDigest')
    return integrityFailure();
  if (status === 403)
    return { kind: 'accessDenied', retryable: false, sentence: teamStoreErrorText.accessDenied };
  if (status >= 500)
    return { kind: 'serverError', retryable: true, sentence: teamStoreErrorText.serverError(status) };
  return { kind: 'unexpected', retryable: true, sentence: teamStoreErrorText.unexpected(status, code) };
}
