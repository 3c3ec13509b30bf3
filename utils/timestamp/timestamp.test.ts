import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthority, type TestAuthority } from '../../tests/support/tsa-server.mjs';
import { timestampText } from '../text';
import { nonceFrom, timestampRequest, verifyTimestampReply } from '.';

const t = timestampText.problem;
let authority: TestAuthority;
let stranger: TestAuthority;

beforeAll(() => {
  authority = createTestAuthority();
  stranger = createTestAuthority({ name: 'Another' });
});
afterAll(() => {
  authority.remove();
  stranger.remove();
});

const data = new TextEncoder().encode('{"event":"capture","evidenceId":"EV-1"}');
const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes)));
const nonce = nonceFrom(Uint8Array.from([0xff, 2, 3, 4, 5, 6, 7, 8]));

async function stamp(bytes = data, withNonce = nonce): Promise<Uint8Array> {
  return new Uint8Array(await authority.reply(timestampRequest(await sha256(bytes), withNonce)));
}

describe('the time-stamp request', () => {
  it('asks for a SHA-256 imprint with a nonce and the certificate, as openssl reads it', async () => {
    const request = timestampRequest(await sha256(data), nonce);
    const file = path.join(authority.dir, 'request.tsq');
    writeFileSync(file, request);
    const text = execFileSync('openssl', ['ts', '-query', '-in', file, '-text'], { encoding: 'utf8' });
    expect(text).toContain('Hash Algorithm: sha256');
    expect(text).toMatch(/Nonce: 0x7F02030405060708/i);
    expect(text).toContain('Certificate required: yes');
    // The imprint is what openssl itself computes from the same bytes.
    const dataFile = path.join(authority.dir, 'imprint.txt');
    writeFileSync(dataFile, data);
    const own = execFileSync('openssl', ['ts', '-query', '-data', dataFile, '-sha256', '-text'], {
      encoding: 'utf8',
    });
    const imprint = (dump: string) => /Message data:([\s\S]*?)Policy OID/.exec(dump)?.[1];
    expect(imprint(text)).toBeTruthy();
    expect(imprint(text)).toBe(imprint(own));
  });

  it('makes every nonce a positive eight-byte integer', () => {
    expect(nonceFrom(new Uint8Array(8).fill(0))[0]).toBe(0x40);
    expect(nonceFrom(new Uint8Array(8).fill(0xff))[0]).toBe(0x7f);
    expect(() => nonceFrom(new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('verifying a reply', () => {
  it('accepts a reply for this hash and nonce, signed by a certificate that chains to the trusted CA', async () => {
    const before = Date.now();
    const check = await verifyTimestampReply(await stamp(), { data, nonce, trustedPem: authority.caPem });
    expect(check).toMatchObject({ ok: true, facts: { signer: 'ISMS Test TSA', chainChecked: true } });
    if (!check.ok) return;
    expect(Math.abs(new Date(check.facts.genTime).getTime() - before)).toBeLessThan(60_000);
    expect(check.facts.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(check.facts.certificatesPem.join('')).toContain('BEGIN CERTIFICATE');
    // Without trusted certificates the signature is still checked, and the result says the chain was not.
    const unchained = await verifyTimestampReply(await stamp(), { data });
    expect(unchained).toMatchObject({ ok: true, facts: { chainChecked: false } });
  });

  it('refuses a token over another hash', async () => {
    const other = new TextEncoder().encode('another entry');
    expect(await verifyTimestampReply(await stamp(other), { data, nonce })).toEqual({
      ok: false,
      problem: t.wrongImprint,
    });
  });

  it('refuses a reply to another request (its nonce differs)', async () => {
    const otherNonce = nonceFrom(Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1]));
    expect(await verifyTimestampReply(await stamp(data, otherNonce), { data, nonce })).toEqual({
      ok: false,
      problem: t.wrongNonce,
    });
  });

  it('refuses a certificate that does not chain to the trusted CA', async () => {
    const check = await verifyTimestampReply(await stamp(), { data, nonce, trustedPem: stranger.caPem });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/^the authority’s certificate is not trusted/);
  });

  it('refuses a token whose signed content was changed', async () => {
    const reply = await stamp();
    const parsed = pkijs.TimeStampResp.fromBER(Uint8Array.from(reply));
    const signed = new pkijs.SignedData({ schema: parsed.timeStampToken!.content });
    const der = Uint8Array.from(reply);
    // Flip one byte of the signature value (the last bytes of the signer info).
    const signature = new Uint8Array(signed.signerInfos[0]!.signature.valueBlock.valueHexView);
    const at = Buffer.from(der).indexOf(Buffer.from(signature));
    der[at + 10] = der[at + 10]! ^ 0x01;
    const check = await verifyTimestampReply(der, { data, nonce, trustedPem: authority.caPem });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/^the token’s signature does not verify/);
  });

  it('refuses malformed DER with a sentence, never a throw', async () => {
    const reply = await stamp();
    for (const der of [
      new Uint8Array([0x30, 0x03, 0x02]),
      reply.subarray(0, reply.length - 20),
      new Uint8Array(),
    ]) {
      expect(await verifyTimestampReply(der, { data, nonce })).toEqual({ ok: false, problem: t.malformed });
    }
    const trailing = Uint8Array.from([...reply, 0]);
    expect(await verifyTimestampReply(trailing, { data, nonce })).toEqual({
      ok: false,
      problem: t.malformed,
    });
  });

  it('reports the authority’s refusal with its status', async () => {
    // openssl refuses a SHA-1 imprint: its config accepts SHA-2 only.
    const file = path.join(authority.dir, 'sha1.tsq');
    writeFileSync(path.join(authority.dir, 'data.txt'), data);
    execFileSync('openssl', [
      'ts',
      '-query',
      '-data',
      path.join(authority.dir, 'data.txt'),
      '-sha1',
      '-out',
      file,
    ]);
    const { readFileSync } = await import('node:fs');
    const reply = new Uint8Array(await authority.reply(readFileSync(file)));
    const check = await verifyTimestampReply(reply, { data });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/^the authority refused the request \(status 2/);
  });
});
