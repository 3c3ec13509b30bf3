/**
 * The import's check of a bundle's signature: signature/bag.sig over tagmanifest-sha256.txt, with the key in
 * signature/public-key.pem, named by bag-info.txt. Any doubt refuses the bundle; an unsigned bundle (made before
 * bundles were signed) passes as unsigned, and the import says so.
 */
import { checkBundleSignature, normalizeFingerprint, type KnownKey } from '../signing';
import { importProblemText as t } from '../text';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE, SIGNING_ALGORITHM_LABEL, SIGNING_FINGERPRINT_LABEL } from './bagit';
import type { BundleSignature } from './types';

/** The keys an import places a signer with: the installation's own (and retired) keys, the policy's pins. */
export interface SignatureKeys {
  known: readonly KnownKey[];
  /** Fingerprints the organisation's policy pins, any grouping; empty when it pins none. */
  pinned: readonly string[];
}

export interface SignatureInput {
  tagManifest: Uint8Array;
  info: ReadonlyMap<string, string>;
  /** The bytes of a bag file, or null when the bag has none. */
  read: (path: string) => Promise<Uint8Array | null>;
  keys: SignatureKeys;
}

export async function checkSignature(
  input: SignatureInput,
): Promise<{ ok: true; signature: BundleSignature } | { ok: false; problem: string }> {
  const algorithm = input.info.get(SIGNING_ALGORITHM_LABEL);
  const fingerprint = input.info.get(SIGNING_FINGERPRINT_LABEL);
  const signature = await input.read(SIGNATURE_FILE);
  const publicKey = await input.read(PUBLIC_KEY_FILE);
  if (algorithm === undefined && fingerprint === undefined) {
    if (signature || publicKey) return { ok: false, problem: t.signatureUndeclared };
    return { ok: true, signature: { state: 'unsigned' } };
  }
  if (!signature || !publicKey) return { ok: false, problem: t.signatureMissing };
  const check = await checkBundleSignature(
    {
      tagManifest: input.tagManifest,
      signature,
      publicKeyPem: new TextDecoder().decode(publicKey),
      algorithm: algorithm ?? '',
      fingerprint: fingerprint ?? '',
    },
    input.keys.known,
  );
  if (!check.ok) return { ok: false, problem: t.signatureRefused[check.refusal](algorithm ?? '') };
  const pins = input.keys.pinned.map(normalizeFingerprint);
  return {
    ok: true,
    signature: {
      state: 'signed',
      algorithm: algorithm ?? '',
      fingerprint: check.fingerprint,
      signer: check.signer?.label ?? null,
      pin: pins.length === 0 ? 'no-pins' : pins.includes(check.fingerprint) ? 'pinned' : 'not-pinned',
    },
  };
}
