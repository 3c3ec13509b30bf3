import type { MaskingRule, PatternRule, SelectorRule } from './types';

export interface CompiledPattern {
  rule: PatternRule;
  regex: RegExp;
}

export interface TextMatch {
  start: number;
  end: number;
  ruleId: string;
}

export interface CompiledRules {
  patterns: CompiledPattern[];
  selectors: SelectorRule[];
  /** Sentences about rules that could not be used (an invalid regular expression), for the metadata. */
  problems: string[];
}

/** Keeps the enabled rules and compiles their patterns; a broken rule is reported, never silently skipped. */
export function compileRules(rules: readonly MaskingRule[]): CompiledRules {
  const compiled: CompiledRules = { patterns: [], selectors: [], problems: [] };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.kind === 'selector') {
      if (rule.selector.trim()) compiled.selectors.push(rule);
      continue;
    }
    try {
      const flags = `g${(rule.flags ?? '').replace(/[gy]/g, '')}`;
      const regex = new RegExp(rule.pattern, flags);
      if (regex.test('')) throw new Error('it matches empty text');
      compiled.patterns.push({ rule, regex });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      compiled.problems.push(
        `Masking rule "${rule.name}" was not applied: its pattern is invalid (${reason}).`,
      );
    }
  }
  return compiled;
}

/** Shannon entropy of a string in bits per character. */
export function entropyBits(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Every match of every pattern in the text, sorted, with overlaps merged into the earliest rule's match
 * so that each character is masked once and counted once.
 */
export function findMatches(text: string, patterns: readonly CompiledPattern[]): TextMatch[] {
  const found: TextMatch[] = [];
  for (const { rule, regex } of patterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const value = match[0];
      if (value.length === 0) continue;
      if (rule.minEntropyBits !== undefined && entropyBits(value) < rule.minEntropyBits) continue;
      found.push({ start: match.index, end: match.index + value.length, ruleId: rule.id });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextMatch[] = [];
  for (const match of found) {
    const last = merged.at(-1);
    if (last && match.start < last.end) {
      last.end = Math.max(last.end, match.end);
      continue;
    }
    merged.push({ ...match });
  }
  return merged;
}
