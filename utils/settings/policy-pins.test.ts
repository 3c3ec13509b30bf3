import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy';

describe('pinned signing keys in the managed policy', () => {
  const hex = 'ab12'.repeat(16);
  it('reads fingerprints in any grouping, as text or with a name', () => {
    const grouped = hex.toUpperCase().match(/.{4}/g)!.join(' ');
    const { policy, problems } = parsePolicy({
      pinnedSigningKeys: [grouped, { fingerprint: hex.match(/.{2}/g)!.join(':'), label: ' Laptop 7 ' }],
    });
    expect(problems).toEqual([]);
    expect(policy.pinnedSigningKeys).toEqual([
      { fingerprint: hex, label: '' },
      { fingerprint: hex, label: 'Laptop 7' },
    ]);
  });
  it('ignores the whole list with a sentence when one fingerprint is not 64 hex digits', () => {
    const { policy, problems } = parsePolicy({ pinnedSigningKeys: [hex, 'abcd'] });
    expect(policy.pinnedSigningKeys).toBeUndefined();
    expect(problems.join(' ')).toMatch(/pinnedSigningKeys.*64 hex digits/);
  });
});
