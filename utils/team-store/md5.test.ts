import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5, toBase64, toHex } from './md5';

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
