import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Md5, md5, md5Blob, toBase64, toHex } from './md5';

describe('MD5 for Content-MD5 and ETags', () => {
  it('matches the RFC 1321 test vectors', () => {
    const hex = (text: string) => toHex(md5(new TextEncoder().encode(text)));
    expect(hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('agrees with Node on every length around the block boundaries', () => {
    for (const length of [55, 56, 57, 63, 64, 65, 1000, 70_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31) & 0xff);
      expect(toBase64(md5(bytes))).toBe(createHash('md5').update(bytes).digest('base64'));
    }
  });
});

describe('MD5 of bytes that arrive in pieces', () => {
  const bytes = new Uint8Array(200_003).map((_, i) => (i * 131 + (i >> 8)) & 0xff);
  const expected = createHash('md5').update(bytes).digest('hex');

  it('is the MD5 of the whole, however the pieces are cut (unaligned, tiny, empty, across blocks)', () => {
    for (const cuts of [[1], [63], [64], [65, 7], [0, 13, 4096], [100_000], [3, 61, 64, 128, 1]]) {
      const hasher = new Md5();
      for (let offset = 0, i = 0; offset < bytes.length; i += 1) {
        const next = Math.min(bytes.length, offset + cuts[i % cuts.length]!);
        hasher.update(bytes.subarray(offset, next));
        offset = next;
      }
      expect(toHex(hasher.digest())).toBe(expected);
    }
  });

  it('reads a Blob a slice at a time and agrees with Node', async () => {
    expect(toHex(await md5Blob(new Blob([bytes]), 4096))).toBe(expected);
    expect(toHex(await md5Blob(new Blob([bytes])))).toBe(expected);
    expect(toHex(await md5Blob(new Blob([])))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});
