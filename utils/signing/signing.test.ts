import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, signBytes, verifyBytes, type SigningAlgorithm } from './algorithm';
import { derEcdsaToRaw, rawEcdsaToDer } from './der';
import { fingerprintOf, groupFingerprint, isFingerprint, normalizeFingerprint } from './fingerprint';
import { pemToSpki, spkiToPem } from './pem';
import { checkBundleSignature, type SignedParts } from './verify-signature';

const encoder = new TextEncoder();
const MANIFEST = encoder.encode('0123abcd  bagit.txt\n4567ef01  manifest-sha256.txt\n');

async function signedParts(algorithm: SigningAlgorithm = 'Ed25519'): Promise<SignedParts> {
  const key =
    algorithm === 'Ed25519'
      ? await generateSigningKey()
      : await generateSigningKey({
          generateKey: (params: AlgorithmIdentifier, ...rest: [boolean, KeyUsage[]]) =>
            (params as Algorithm).name === 'Ed25519'
              ? Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'))
              : crypto.subtle.generateKey(params as EcKeyGenParams, ...rest),
          exportKey: crypto.subtle.exportKey.bind(crypto.subtle),
        } as unknown as SubtleCrypto);
  expect(key.algorithm).toBe(algorithm);
  return {
    tagManifest: MANIFEST,
    signature: await signBytes(key.keyPair.privateKey, key.algorithm, MANIFEST),
    publicKeyPem: spkiToPem(key.spki),
    algorithm: key.algorithm,
    fingerprint: groupFingerprint(await fingerprintOf(key.spki)),
  };
}

describe('fingerprints', () => {
  it('groups the SHA-256 of the public key in sixteen groups of four upper-case digits', async () => {
    const grouped = groupFingerprint(await fingerprintOf(encoder.encode('abc')));
    expect(grouped).toBe('BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223 B003 61A3 9617 7A9C B410 FF61 F200 15AD');
    expect(normalizeFingerprint(grouped)).toMatch(/^ba7816bf/);
    expect(isFingerprint('ba:78:16:bf')).toBe(false);
    expect(isFingerprint(grouped)).toBe(true);
  });
});

describe('PEM and DER', () => {
  it('round-trips an SPKI through PEM and refuses text that is not one', async () => {
    const { spki } = await generateSigningKey();
    const pem = spkiToPem(spki);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    expect(pemToSpki(pem)).toEqual(spki);
    expect(pemToSpki('not a key')).toBeNull();
    expect(pemToSpki('-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----')).toBeNull();
  });

  it('converts raw r‖s to DER and back, padding a high bit and trimming leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r needs a zero byte in front
    raw[63] = 0x01; // s is 1 after trimming 31 zero bytes
    const der = rawEcdsaToDer(raw);
    expect(Array.from(der.subarray(0, 5))).toEqual([0x30, 33 + 2 + 1 + 2, 0x02, 33, 0x00]);
    expect(Array.from(der.subarray(-3))).toEqual([0x02, 1, 0x01]);
    expect(derEcdsaToRaw(der)).toEqual(raw);
    expect(() => derEcdsaToRaw(Uint8Array.from([0x31, 0]))).toThrow(/SEQUENCE/);
    expect(() => rawEcdsaToDer(new Uint8Array(3))).toThrow(/two halves/);
  });
});

describe('signing and verifying', () => {
  it.each<SigningAlgorithm>(['Ed25519', 'ECDSA-P256-SHA256'])(
    '%s: verifies, and fails on one changed byte',
    async (algorithm) => {
      const parts = await signedParts(algorithm);
      const spki = pemToSpki(parts.publicKeyPem)!;
      expect(await verifyBytes(spki, algorithm, MANIFEST, parts.signature)).toBe(true);
      const changed = MANIFEST.slice();
      changed[0] = changed[0]! ^ 1;
      expect(await verifyBytes(spki, algorithm, changed, parts.signature)).toBe(false);
    },
  );

  it.each<SigningAlgorithm>(['Ed25519', 'ECDSA-P256-SHA256'])(
    '%s: stock openssl verifies the signature',
    async (algorithm) => {
      const parts = await signedParts(algorithm);
      const dir = mkdtempSync(join(tmpdir(), 'signing-'));
      writeFileSync(join(dir, 'tagmanifest-sha256.txt'), parts.tagManifest);
      writeFileSync(join(dir, 'bag.sig'), parts.signature);
      writeFileSync(join(dir, 'public-key.pem'), parts.publicKeyPem);
      const args =
        algorithm === 'Ed25519'
          ? [
              'pkeyutl',
              '-verify',
              '-pubin',
              '-inkey',
              'public-key.pem',
              '-rawin',
              '-in',
              'tagmanifest-sha256.txt',
              '-sigfile',
              'bag.sig',
            ]
          : [
              'dgst',
              '-sha256',
              '-verify',
              'public-key.pem',
              '-signature',
              'bag.sig',
              'tagmanifest-sha256.txt',
            ];
      expect(execFileSync('openssl', args, { cwd: dir }).toString()).toMatch(
        /Verif(ied OK|ication OK|ied Successfully)/i,
      );
      writeFileSync(join(dir, 'tagmanifest-sha256.txt'), 'x' + new TextDecoder().decode(parts.tagManifest));
      expect(() => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })).toThrow();
    },
  );
});

describe('bundle signature refusals', () => {
  it('names the signer when the key is known, and null when it is not', async () => {
    const parts = await signedParts();
    const fingerprint = normalizeFingerprint(parts.fingerprint);
    expect(await checkBundleSignature(parts, [])).toEqual({ ok: true, fingerprint, signer: null });
    const known = { fingerprint: parts.fingerprint, label: 'This installation' };
    expect(await checkBundleSignature(parts, [known])).toEqual({ ok: true, fingerprint, signer: known });
  });

  it('refuses a bad signature', async () => {
    const parts = await signedParts();
    const signature = parts.signature.slice();
    signature[10] = signature[10]! ^ 0xff;
    expect(await checkBundleSignature({ ...parts, signature }, [])).toEqual({
      ok: false,
      refusal: 'bad-signature',
    });
  });

  it('refuses a signature over another manifest', async () => {
    const parts = await signedParts();
    const other = encoder.encode('ffff  bagit.txt\n');
    expect(await checkBundleSignature({ ...parts, tagManifest: other }, [])).toEqual({
      ok: false,
      refusal: 'bad-signature',
    });
  });

  it('refuses an unknown algorithm, a malformed key and a key that is not the one bag-info names', async () => {
    const parts = await signedParts();
    expect(await checkBundleSignature({ ...parts, algorithm: 'RSA-1024' }, [])).toEqual({
      ok: false,
      refusal: 'unknown-algorithm',
    });
    expect(await checkBundleSignature({ ...parts, publicKeyPem: 'garbage' }, [])).toEqual({
      ok: false,
      refusal: 'malformed-key',
    });
    const other = await signedParts();
    expect(await checkBundleSignature({ ...parts, fingerprint: other.fingerprint }, [])).toEqual({
      ok: false,
      refusal: 'fingerprint-mismatch',
    });
  });
});
