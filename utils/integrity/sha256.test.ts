import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexSync } from './sha256';

const nodeSha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the published test vectors', () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with Node for every length around the padding boundaries and for Unicode', () => {
    for (let length = 0; length < 140; length++) {
      const input = 'ä€x'.repeat(length).slice(0, length);
      expect(sha256HexSync(input), `length ${length}`).toBe(nodeSha256(input));
    }
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 0xff);
    expect(sha256HexSync(bytes)).toBe(nodeSha256(bytes));
  });

  it('hashes blobs, buffers and strings with Web Crypto identically', async () => {
    const bytes = new TextEncoder().encode('evidence bytes');
    const expected = nodeSha256(bytes);
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(bytes.buffer)).toBe(expected);
    expect(await sha256Hex('evidence bytes')).toBe(expected);
  });
});
