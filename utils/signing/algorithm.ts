import { derEcdsaToRaw, rawEcdsaToDer } from './der';

/**
 * The algorithms a bundle may be signed with. Ed25519 first (Chrome ≥ 137, Firefox ≥ 129); ECDSA P-256 with
 * SHA-256 where the browser lacks it. The name is written into bag-info.txt, so a verifier knows which to use.
 */
export const SIGNING_ALGORITHMS = ['Ed25519', 'ECDSA-P256-SHA256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export function isSigningAlgorithm(value: unknown): value is SigningAlgorithm {
  return typeof value === 'string' && (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

function keyParams(algorithm: SigningAlgorithm): EcKeyImportParams | Algorithm {
  return algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
}

function signParams(algorithm: SigningAlgorithm): EcdsaParams | Algorithm {
  return algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
}

export interface GeneratedKey {
  algorithm: SigningAlgorithm;
  keyPair: CryptoKeyPair;
  /** The public key as SubjectPublicKeyInfo DER, what PEM files and fingerprints are made of. */
  spki: Uint8Array;
}

/** A new key pair whose private half can never be exported: Ed25519 where supported, else ECDSA P-256. */
export async function generateSigningKey(subtle: SubtleCrypto = crypto.subtle): Promise<GeneratedKey> {
  for (const algorithm of SIGNING_ALGORITHMS) {
    try {
      const keyPair = (await subtle.generateKey(keyParams(algorithm), false, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const spki = new Uint8Array(await subtle.exportKey('spki', keyPair.publicKey));
      return { algorithm, keyPair, spki };
    } catch (error) {
      // Only a browser without Ed25519 falls through to ECDSA; any other failure is real.
      if (algorithm !== 'Ed25519' || !isUnsupported(error)) throw error;
    }
  }
  throw new Error('No signing algorithm is available in this browser.');
}

function isUnsupported(error: unknown): boolean {
  return (
    error instanceof Error &&
    /NotSupported|not supported|Unrecognized|algorithm/i.test(`${error.name} ${error.message}`)
  );
}

/** Signs bytes; the signature is in the form OpenSSL reads (raw for Ed25519, DER for ECDSA). */
export async function signBytes(
  privateKey: CryptoKey,
  algorithm: SigningAlgorithm,
  data: Uint8Array,
): Promise<Uint8Array> {
  const signature = new Uint8Array(
    await crypto.subtle.sign(signParams(algorithm), privateKey, data as Uint8Array<ArrayBuffer>),
  );
  return algorithm === 'Ed25519' ? signature : rawEcdsaToDer(signature);
}

/** Verifies a signature in OpenSSL's form against an SPKI public key. A malformed signature is false, never a throw. */
export async function verifyBytes(
  spki: Uint8Array,
  algorithm: SigningAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey(
      'spki',
      spki as Uint8Array<ArrayBuffer>,
      keyParams(algorithm),
      true,
      ['verify'],
    );
  } catch {
    return false;
  }
  let raw: Uint8Array;
  try {
    raw = algorithm === 'Ed25519' ? signature : derEcdsaToRaw(signature);
  } catch {
    return false;
  }
  return crypto.subtle.verify(
    signParams(algorithm),
    publicKey,
    raw as Uint8Array<ArrayBuffer>,
    data as Uint8Array<ArrayBuffer>,
  );
}
