import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import { isWithheld, verifyChain, type ChainEntry } from '../integrity/custody';
import {
  fingerprintOf,
  generateSigningKey,
  groupFingerprint,
  signBytes,
  spkiToPem,
  type SigningAlgorithm,
} from '../signing';
import type { BundleSigner } from './types';
import { verifyBundle } from './verify';
import { writeBundle } from './writer';

const workDir = mkdtempSync(join(tmpdir(), 'signed-bundle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A key as the browser makes it; ECDSA by refusing Ed25519, as a browser without it does. */
async function signer(algorithm: SigningAlgorithm): Promise<BundleSigner> {
  const subtle =
    algorithm === 'Ed25519'
      ? crypto.subtle
      : ({
          generateKey: (params: AlgorithmIdentifier, ...rest: [boolean, KeyUsage[]]) =>
            (params as Algorithm).name === 'Ed25519'
              ? Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'))
              : crypto.subtle.generateKey(params as EcKeyGenParams, ...rest),
          exportKey: crypto.subtle.exportKey.bind(crypto.subtle),
        } as unknown as SubtleCrypto);
  const key = await generateSigningKey(subtle);
  expect(key.algorithm).toBe(algorithm);
  return {
    algorithm: key.algorithm,
    publicKeyPem: spkiToPem(key.spki),
    fingerprint: await fingerprintOf(key.spki),
    sign: (data) => signBytes(key.keyPair.privateKey, key.algorithm, data),
  };
}

/** Writes a bundle of the first record only (the others' custody entries are withheld) and unzips it. */
async function exportFirst(bundleSigner: BundleSigner | undefined) {
  const fixture = await makeFixture();
  const output = memoryOutput();
  const result = await writeBundle(output.stream, {
    context: fixture.context,
    evidence: evidenceOf({ records: fixture.records.slice(0, 1), blobs: fixture.blobs }),
    includeDomSnapshots: false,
    signer: bundleSigner,
  });
  const zip = join(workDir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(zip, output.bytes());
  const target = mkdtempSync(join(workDir, 'x-'));
  execFileSync('unzip', ['-q', zip, '-d', target]);
  return { zip, bag: join(target, result.name), result, fixture, bytes: output.bytes() };
}

function run(command: string, args: string[], cwd: string) {
  const outcome = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: outcome.status, output: `${outcome.stdout}${outcome.stderr}` };
}

/** The command VERIFY.txt gives for Linux, as the auditor pastes it. */
function verifyCommand(bag: string): string[] {
  const guide = readFileSync(join(bag, 'data', 'VERIFY.txt'), 'utf8');
  const linux = guide.slice(guide.indexOf('\nLinux\n'), guide.indexOf('\nmacOS'));
  const line = linux.split('\n').find((text) => /^\s+openssl (pkeyutl|dgst)/.test(text));
  expect(line, 'VERIFY.txt gives an openssl command for Linux').toBeDefined();
  return line!.trim().split(/\s+/).slice(1);
}

describe('a signed bundle, checked with stock openssl', () => {
  it.each<SigningAlgorithm>(['Ed25519', 'ECDSA-P256-SHA256'])(
    '%s: the command in VERIFY.txt verifies, and fails once one byte of the tag manifest changes',
    async (algorithm) => {
      const key = await signer(algorithm);
      const { bag, result } = await exportFirst(key);
      expect(result.signedBy).toBe(key.fingerprint);
      const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
      expect(info).toContain(`Bag-Signing-Algorithm: ${algorithm}\n`);
      expect(info).toContain(`Bag-Signing-Key-Fingerprint: ${groupFingerprint(key.fingerprint)}\n`);
      // The key is listed in the tag manifest; the signature over the tag manifest cannot be.
      const tags = readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8');
      expect(tags).toMatch(/^[0-9a-f]{64} {2}signature\/public-key\.pem$/m);
      expect(tags).not.toContain('bag.sig');
      expect(run('sha256sum', ['-c', 'manifest-sha256.txt'], bag).status).toBe(0);
      expect(run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], bag).status).toBe(0);

      const args = verifyCommand(bag);
      expect(args[0]).toBe(algorithm === 'Ed25519' ? 'pkeyutl' : 'dgst');
      const good = run('openssl', args, bag);
      expect(good.output).toMatch(/Signature Verified Successfully|Verified OK/);
      expect(good.status).toBe(0);
      // The fingerprint as VERIFY.txt has the auditor compute it.
      const der = execFileSync(
        'openssl',
        ['pkey', '-pubin', '-in', 'signature/public-key.pem', '-outform', 'DER'],
        {
          cwd: bag,
        },
      );
      expect(execFileSync('sha256sum', { input: der }).toString().slice(0, 64)).toBe(key.fingerprint);

      const manifest = readFileSync(join(bag, 'tagmanifest-sha256.txt'));
      manifest[3] = manifest[3] === 0x30 ? 0x31 : 0x30;
      writeFileSync(join(bag, 'tagmanifest-sha256.txt'), manifest);
      const bad = run('openssl', args, bag);
      expect(bad.status).not.toBe(0);
      expect(bad.output).toMatch(/Verification Failure|Verification failure/i);
    },
  );

  it('an unsigned bundle says so in bag-info.txt, VERIFY.txt and index.html, and imports as unsigned', async () => {
    const { bag, bytes } = await exportFirst(undefined);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).not.toContain('Bag-Signing');
    expect(readFileSync(join(bag, 'data', 'VERIFY.txt'), 'utf8')).toContain('This bundle is not signed');
    expect(readFileSync(join(bag, 'data', 'index.html'), 'utf8')).toContain('This bundle is not signed.');
    const verified = await verifyBundle(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(verified.ok && verified.summary.signature).toEqual({ state: 'unsigned' });
  });
});

describe('the import places the signer', () => {
  it('names a known key, shows an unknown one as unknown, and says whether the policy pins it', async () => {
    const key = await signer('Ed25519');
    const { bytes } = await exportFirst(key);
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const known = [{ fingerprint: groupFingerprint(key.fingerprint), label: 'This installation' }];
    const placed = await verifyBundle(file, { keys: { known, pinned: [] } });
    expect(placed.ok && placed.summary.signature).toEqual({
      state: 'signed',
      algorithm: 'Ed25519',
      fingerprint: key.fingerprint,
      signer: 'This installation',
      pin: 'no-pins',
    });
    const unknown = await verifyBundle(file, { keys: { known: [], pinned: ['ab'.repeat(32)] } });
    expect(unknown.ok && unknown.summary.signature).toMatchObject({ signer: null, pin: 'not-pinned' });
    const pinned = await verifyBundle(file, { keys: { known: [], pinned: [key.fingerprint.toUpperCase()] } });
    expect(pinned.ok && pinned.summary.signature).toMatchObject({ pin: 'pinned' });
  });
});

describe('the custody log scoped to the export', () => {
  it('withholds entries about other evidence, and the shipped script and the verifier check the chain across them', async () => {
    const { bag, result, fixture } = await exportFirst(await signer('Ed25519'));
    const lines = readFileSync(join(bag, 'data', 'custody-log.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const entries = lines.map((line) => JSON.parse(line) as ChainEntry);
    expect(entries).toHaveLength(fixture.context.custody.length);
    const withheld = entries.filter(isWithheld);
    expect(withheld).toHaveLength(fixture.records.length - 1);
    expect(result.custodyWithheld).toBe(withheld.length);
    for (const entry of withheld) {
      expect(Object.keys(entry).sort()).toEqual(
        ['at', 'event', 'hash', 'payloadHash', 'previousHash', 'sequence', 'withheld'].sort(),
      );
      for (const record of fixture.records.slice(1)) expect(lines.join('\n')).not.toContain(record.id);
    }
    expect(verifyChain(entries)).toEqual([]);
    const index = readFileSync(join(bag, 'data', 'index.html'), 'utf8');
    expect(index).toContain(`data-custody-withheld="${withheld.length}"`);
    expect(index).toContain('about evidence outside this export');

    const ok = run('python3', ['data/verify-custody.py', 'data/custody-log.jsonl'], bag);
    expect(ok.output).toContain(`OK: ${entries.length} entries, ${withheld.length} withheld`);
    expect(ok.status).toBe(0);

    // A withheld entry's time moved by one second: its own hash no longer holds.
    const at = lines.findIndex((line) => line.includes('"withheld":true'));
    const entry = JSON.parse(lines[at]!) as ChainEntry;
    const later = new Date(Date.parse(entry.at) + 1000).toISOString();
    const tampered = lines.map((line, index) =>
      index === at ? JSON.stringify({ ...entry, at: later }) : line,
    );
    expect(tampered).not.toEqual(lines);
    writeFileSync(join(bag, 'data', 'custody-log.jsonl'), `${tampered.join('\n')}\n`);
    const failed = run('python3', ['data/verify-custody.py'], bag);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/FAILED\nentry \d+ \(line \d+\): its hash does not match/);
    expect(verifyChain(tampered.map((line) => JSON.parse(line) as ChainEntry)).map((p) => p.problem)).toEqual(
      ['hash-mismatch'],
    );
  });
});
