import { findMatches, type CompiledPattern } from './match';
import { MASKED_TEXT } from './types';

/** Literal text to remove wherever it appears: the content of elements a selector rule matched. */
export interface MaskedLiteral {
  text: string;
  ruleId: string;
}

/** Counts removals per rule id. */
export type MatchCounter = Map<string, number>;

function count(counter: MatchCounter, ruleId: string, by = 1): void {
  counter.set(ruleId, (counter.get(ruleId) ?? 0) + by);
}

/** Shorter literals would blank ordinary words all over the evidence. */
export const MIN_LITERAL_LENGTH = 3;

/** Removes the literals (longest first, so that a shorter one inside a longer one leaves no trace). */
function removeLiterals(text: string, literals: readonly MaskedLiteral[], counter: MatchCounter): string {
  let result = text;
  const sorted = [...literals]
    .filter((l) => l.text.length >= MIN_LITERAL_LENGTH)
    .sort((a, b) => b.text.length - a.text.length);
  for (const literal of sorted) {
    if (!result.includes(literal.text)) continue;
    const pieces = result.split(literal.text);
    count(counter, literal.ruleId, pieces.length - 1);
    result = pieces.join(MASKED_TEXT);
  }
  return result;
}

/** Replaces every pattern match and every masked literal with `[masked]`, counting per rule. */
export function redactText(
  text: string,
  patterns: readonly CompiledPattern[],
  literals: readonly MaskedLiteral[],
  counter: MatchCounter,
): string {
  const withoutLiterals = removeLiterals(text, literals, counter);
  const matches = findMatches(withoutLiterals, patterns);
  if (matches.length === 0) return withoutLiterals;
  let result = '';
  let position = 0;
  for (const match of matches) {
    result += withoutLiterals.slice(position, match.start) + MASKED_TEXT;
    position = match.end;
    count(counter, match.ruleId);
  }
  return result + withoutLiterals.slice(position);
}

/** Redacts every cell of a table; the shape of the table (rows × columns) is kept. */
export function redactRows(
  rows: readonly (readonly string[])[],
  patterns: readonly CompiledPattern[],
  literals: readonly MaskedLiteral[],
  counter: MatchCounter,
): string[][] {
  return rows.map((row) => row.map((cell) => redactText(cell, patterns, literals, counter)));
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

/**
 * Redacts serialised HTML: patterns match in text and attribute values alike (an e-mail in a
 * `mailto:` link is removed too), and literals are removed as written and as HTML-escaped.
 */
export function redactHtml(
  html: string,
  patterns: readonly CompiledPattern[],
  literals: readonly MaskedLiteral[],
  counter: MatchCounter,
): string {
  const escaped = literals.flatMap((literal) => {
    const variant = escapeHtml(literal.text);
    return variant === literal.text ? [literal] : [literal, { ...literal, text: variant }];
  });
  return redactText(html, patterns, escaped, counter);
}
