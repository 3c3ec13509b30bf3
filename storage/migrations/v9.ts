/**
 * Version 9 adds trusted timestamps (RFC 3161). `timestampQueue` holds the hashes still waiting for a token,
 * keyed by that SHA-256 and indexed by when to try next; `timestampTokens` holds each verified reply (DER), keyed
 * by the stamped SHA-256 and indexed by evidence. New tables only: no existing row is rewritten.
 */
export const SCHEMA_V9 = {
  timestampQueue: 'sha256, nextAttemptAt',
  timestampTokens: 'sha256, evidenceId',
} as const;
