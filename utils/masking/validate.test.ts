import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './builtins';
import { patternProblem, rulesProblems, selectorProblem } from './validate';

const strictParser = (selector: string) => {
  if (/[[(]$|^\d/.test(selector)) throw new SyntaxError(`'${selector}' is not a valid selector`);
};

describe('masking rule validation', () => {
  it('accepts working patterns, the built-ins among them', () => {
    expect(patternProblem('\\bNW-\\d{6}\\b')).toBeNull();
    expect(patternProblem('secret', 'i')).toBeNull();
    expect(rulesProblems(BUILT_IN_RULES)).toEqual([]);
  });

  it('refuses patterns that do not compile, match empty text, are too long or carry odd flags', () => {
    expect(patternProblem('')).toMatch(/^Enter a pattern/);
    expect(patternProblem('(unclosed')).toMatch(/^The pattern is not a valid regular expression: .+\.$/);
    expect(patternProblem('a*')).toMatch(/matches empty text/);
    expect(patternProblem('(?:)|x')).toMatch(/matches empty text/);
    expect(patternProblem('x'.repeat(501))).toBe('The pattern is 501 characters long; keep it under 500.');
    expect(patternProblem('x', 'gy')).toBe('Flags may only be i, m, s or u (g is always on).');
  });

  it('parses selectors with the parser it is given, and only checks the shape without one', () => {
    expect(selectorProblem('td.salary', strictParser)).toBeNull();
    expect(selectorProblem('td[', strictParser)).toBe(
      '“td[” is not a valid CSS selector: check brackets, quotes and pseudo-classes.',
    );
    expect(selectorProblem('td[')).toBeNull();
    expect(selectorProblem('  ')).toMatch(/^Enter a CSS selector/);
  });

  it('names the rule in each problem and finds duplicate ids and missing names', () => {
    expect(
      rulesProblems([
        { id: 'a', name: 'Tickets', enabled: true, kind: 'pattern', pattern: 'x?' },
        { id: 'a', name: '', enabled: true, kind: 'selector', selector: '.ok' },
      ]),
    ).toEqual([
      'Tickets: The pattern matches empty text, so it would mask nothing (or everything): make it match at least one character.',
      'Two masking rules share the id “a”.',
      'Every masking rule needs a name.',
    ]);
  });
});
