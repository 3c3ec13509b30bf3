import type { MaskingRule } from './types';

/** Longer patterns and selectors are almost certainly pasted by mistake, and slow on every capture. */
export const MAX_RULE_SOURCE_LENGTH = 500;
const ALLOWED_FLAGS = /^[imsu]*$/;

/** Why a custom pattern cannot be used, as a sentence, or null when it can. */
export function patternProblem(pattern: string, flags = ''): string | null {
  if (pattern.trim() === '') return 'Enter a pattern: a regular expression such as \\bNW-\\d{6}\\b.';
  if (pattern.length > MAX_RULE_SOURCE_LENGTH)
    return `The pattern is ${pattern.length} characters long; keep it under ${MAX_RULE_SOURCE_LENGTH}.`;
  if (!ALLOWED_FLAGS.test(flags)) return 'Flags may only be i, m, s or u (g is always on).';
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, `g${flags}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The pattern is not a valid regular expression: ${reason}.`;
  }
  if (regex.test(''))
    return 'The pattern matches empty text, so it would mask nothing (or everything): make it match at least one character.';
  return null;
}

/**
 * Why a CSS selector cannot be used, or null. `parse` is a real selector parser (the page's
 * `querySelector`), which throws a SyntaxError on invalid selectors; without one only the shape is checked.
 */
export function selectorProblem(selector: string, parse?: (selector: string) => void): string | null {
  if (selector.trim() === '') return 'Enter a CSS selector, such as td.salary or [data-secret].';
  if (selector.length > MAX_RULE_SOURCE_LENGTH)
    return `The selector is ${selector.length} characters long; keep it under ${MAX_RULE_SOURCE_LENGTH}.`;
  if (!parse) return null;
  try {
    parse(selector);
    return null;
  } catch {
    return `“${selector}” is not a valid CSS selector: check brackets, quotes and pseudo-classes.`;
  }
}

/** Every problem of a rule list: unnamed rules, duplicate ids, invalid patterns or selectors. */
export function rulesProblems(rules: readonly MaskingRule[], parse?: (selector: string) => void): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    const label = rule.name.trim() || rule.id;
    if (ids.has(rule.id)) problems.push(`Two masking rules share the id “${rule.id}”.`);
    ids.add(rule.id);
    if (rule.name.trim() === '') problems.push('Every masking rule needs a name.');
    const problem =
      rule.kind === 'pattern'
        ? patternProblem(rule.pattern, rule.flags ?? '')
        : selectorProblem(rule.selector, parse);
    if (problem) problems.push(`${label}: ${problem}`);
  }
  return problems;
}
