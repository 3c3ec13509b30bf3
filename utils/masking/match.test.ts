import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES, withBuiltIns } from './builtins';
import { compileRules, entropyBits, findMatches } from './match';

const { patterns } = compileRules(BUILT_IN_RULES);
const ruleIdsIn = (text: string) =>
  findMatches(text, patterns).map((m) => [m.ruleId, text.slice(m.start, m.end)]);

describe('built-in masking patterns', () => {
  it('finds e-mail addresses, and nothing in plain prose', () => {
    expect(ruleIdsIn('Owner: amelia.fischer@northwind-finance.example (Finance)')).toEqual([
      ['email', 'amelia.fischer@northwind-finance.example'],
    ]);
    expect(ruleIdsIn('Reviewed at 10:00 by the finance team @ HQ.')).toEqual([]);
  });

  it('finds AWS access key ids but not lower-case look-alikes', () => {
    expect(ruleIdsIn('key AKIAIOSFODNN7EXAMPLE used')).toEqual([['aws-access-key', 'AKIAIOSFODNN7EXAMPLE']]);
    expect(ruleIdsIn('akiaiosfodnn7example')).toEqual([]);
  });

  it('finds GitHub and Slack tokens and bearer headers', () => {
    const github = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
    const pat = `github_pat_11ABCDEFG0_${'x'.repeat(30)}`;
    expect(ruleIdsIn(`token ${github}`)).toEqual([['github-token', github]]);
    expect(ruleIdsIn(pat)).toEqual([['github-token', pat]]);
    expect(ruleIdsIn('xoxb-123456789012-abcdefghijkl')).toEqual([
      ['slack-token', 'xoxb-123456789012-abcdefghijkl'],
    ]);
    expect(ruleIdsIn('Authorization: Bearer abc.def-ghi_jkl')).toEqual([
      ['bearer-token', 'Bearer abc.def-ghi_jkl'],
    ]);
  });

  it('masks random-looking secrets but leaves hashes, UUIDs and long data runs alone', () => {
    const secret = 'q8Zt3LmR7vXw2KpN9bYc4HsJ6dFg1TaE';
    expect(ruleIdsIn(`client_secret=${secret};`)).toEqual([['high-entropy-secret', secret]]);
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(ruleIdsIn(sha256)).toEqual([]);
    expect(ruleIdsIn('550e8400-e29b-41d4-a716-446655440000')).toEqual([]);
    expect(ruleIdsIn(`data:image/png;base64,${secret.repeat(10)}`)).toEqual([]);
    expect(entropyBits('aaaa')).toBe(0);
    expect(entropyBits('abcd')).toBe(2);
  });

  it('merges overlapping matches so each character is masked once', () => {
    const text = 'Bearer AKIAIOSFODNN7EXAMPLE';
    const matches = findMatches(text, patterns);
    expect(matches).toEqual([{ start: 0, end: text.length, ruleId: 'bearer-token' }]);
  });

  it('skips switched-off rules and reports invalid patterns instead of failing', () => {
    const compiled = compileRules([
      { id: 'off', name: 'Off', enabled: false, kind: 'pattern', pattern: 'x' },
      { id: 'bad', name: 'Broken', enabled: true, kind: 'pattern', pattern: '(' },
      { id: 'empty', name: 'Empty', enabled: true, kind: 'pattern', pattern: 'a*' },
      { id: 'sel', name: 'Sel', enabled: true, kind: 'selector', selector: '.secret' },
    ]);
    expect(compiled.patterns).toEqual([]);
    expect(compiled.selectors.map((rule) => rule.id)).toEqual(['sel']);
    expect(compiled.problems).toHaveLength(2);
    expect(compiled.problems[0]).toContain('Broken');
  });

  it('adds built-ins missing from stored settings and keeps the user’s choices', () => {
    const stored = withBuiltIns({
      id: 'masking',
      enabled: true,
      rules: [{ id: 'email', name: 'E-mail addresses', enabled: false, kind: 'pattern', pattern: '@' }],
    });
    expect(stored.rules.find((rule) => rule.id === 'email')?.enabled).toBe(false);
    expect(stored.rules.map((rule) => rule.id)).toContain('aws-access-key');
    expect(withBuiltIns(undefined).enabled).toBe(false);
  });
});
