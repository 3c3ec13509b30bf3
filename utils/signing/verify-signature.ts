import { isSigningAlgorithm, verifyBytes } from './algorithm';
import { fingerprintOf, normalizeFingerprint } from './fingerprint';
import { pemToSpki } from './pem';

/** A public key this installation knows: its own (current or rotated out) or one the organisation pinned. */
export interface KnownKey {
  fingerprint: string;
  label: string;
}

/** What a bundle says about its signature: the tag files and the two bag-info.txt fields. */
export interface SignedParts {
  tagManifest: Uint8Array;
  signature: Uint8Array;
  publicKeyPem: string;
  algorithm: string;
  fingerprint: string;
}

export type SignatureRefusal =
  'unknown-algorithm' | 'malformed-key' | 'fingerprint-mismatch' | 'bad-signature';

export type SignatureCheck =
  { ok: true; fingerprint: string; signer: KnownKey | null } | { ok: false; refusal: SignatureRefusal };

/**
 * Checks a bundle's signature over its tag manifest. The key travels in the bundle, so a valid signature alone
 * proves only that the bundle is unchanged since that key signed it; `signer` says whether the key is one
 * this installation knows (null: unknown, shown as such).
 */
export async function checkBundleSignature(
  parts: SignedParts,
  known: readonly KnownKey[],
): Promise<SignatureCheck> {
  if (!isSigningAlgorithm(parts.algorithm)) return { ok: false, refusal: 'unknown-algorithm' };
  const spki = pemToSpki(parts.publicKeyPem);
  if (!spki) return { ok: false, refusal: 'malformed-key' };
  const fingerprint = await fingerprintOf(spki);
  if (fingerprint !== normalizeFingerprint(parts.fingerprint))
    return { ok: false, refusal: 'fingerprint-mismatch' };
  const valid = await verifyBytes(spki, parts.algorithm, parts.tagManifest, parts.signature);
  if (!valid) return { ok: false, refusal: 'bad-signature' };
  const signer = known.find((key) => normalizeFingerprint(key.fingerprint) === fingerprint) ?? null;
  return { ok: true, fingerprint, signer };
}
