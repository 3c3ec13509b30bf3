import { maskingProblemText } from '../text';
import type { MaskingRule } from './types';

/** Longer patterns and selectors are almost certainly pasted by mistake, and slow on every capture. */
export const MAX_RULE_SOURCE_LENGTH = 500;
const ALLOWED_FLAGS = /^[imsu]*$/;

/** Why a custom pattern cannot be used, as a sentence, or null when it can. */
export function patternProblem(pattern: string, flags = ''): string | null {
  if (pattern.trim() === '') return maskingProblemText.patternMissing;
  if (pattern.length > MAX_RULE_SOURCE_LENGTH)
    return maskingProblemText.patternTooLong(pattern.length, MAX_RULE_SOURCE_LENGTH);
  if (!ALLOWED_FLAGS.test(flags)) return maskingProblemText.flags;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, `g${flags}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return maskingProblemText.patternInvalid(reason);
  }
  if (regex.test('')) return maskingProblemText.patternMatchesEmpty;
  return null;
}

/**
 * Why a CSS selector cannot be used, or null. `parse` is a real selector parser (the page's
 * `querySelector`), which throws a SyntaxError on invalid selectors; without one only the shape is checked.
 */
export function selectorProblem(selector: string, parse?: (selector: string) => void): string | null {
  if (selector.trim() === '') return maskingProblemText.selectorMissing;
  if (selector.length > MAX_RULE_SOURCE_LENGTH)
    return maskingProblemText.selectorTooLong(selector.length, MAX_RULE_SOURCE_LENGTH);
  if (!parse) return null;
  try {
    parse(selector);
    return null;
  } catch {
    return maskingProblemText.selectorInvalid(selector);
  }
}

/** Every problem of a rule list: unnamed rules, duplicate ids, invalid patterns or selectors. */
export function rulesProblems(rules: readonly MaskingRule[], parse?: (selector: string) => void): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    const label = rule.name.trim() || rule.id;
    if (ids.has(rule.id)) problems.push(maskingProblemText.duplicateId(rule.id));
    ids.add(rule.id);
    if (rule.name.trim() === '') problems.push(maskingProblemText.nameMissing);
    const problem =
      rule.kind === 'pattern'
        ? patternProblem(rule.pattern, rule.flags ?? '')
        : selectorProblem(rule.selector, parse);
    if (problem) problems.push(maskingProblemText.ofRule(label, problem));
  }
  return problems;
}
