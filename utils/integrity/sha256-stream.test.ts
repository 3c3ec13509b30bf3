import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fillerBytes } from '@/tests/support/bundle-fixtures';
import { Sha256 } from './sha256-stream';

describe('Sha256 (incremental)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003])(
    'matches node:crypto for %i bytes in uneven chunks',
    (size) => {
      const data = fillerBytes(size, size + 1);
      const hasher = new Sha256();
      for (let offset = 0, step = 1; offset < size; offset += step, step = ((step * 7) % 97) + 1) {
        hasher.update(data.subarray(offset, offset + step));
      }
      expect(hasher.digestHex()).toBe(createHash('sha256').update(data).digest('hex'));
    },
  );

  it('refuses to be reused after the digest', () => {
    const hasher = new Sha256();
    hasher.digestHex();
    expect(() => hasher.update(new Uint8Array(1))).toThrow('update after digest');
  });
});
