/**
 * Version 6 adds `signingKeys`: this installation's bundle-signing keys, keyed by the public key's fingerprint and
 * indexed by status (one 'current' key; 'retired' keys keep only their public half, so bundles they signed are
 * still recognised). The current key's private half is a non-extractable CryptoKey: IndexedDB stores it by
 * structured clone and no script can ever read its bytes. A new table only: no existing row is rewritten.
 */
export const SCHEMA_V6 = {
  signingKeys: 'fingerprint, status',
} as const;
