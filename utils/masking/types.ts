/** A masking rule: what to black out in the pixels and remove from the text, tables and DOM snapshot. */
export type MaskingRule = SelectorRule | PatternRule;

interface RuleBase {
  id: string;
  name: string;
  enabled: boolean;
}

/** Every element matching the CSS selector is blacked out, and its text removed. */
export interface SelectorRule extends RuleBase {
  kind: 'selector';
  selector: string;
}

/** Every match of the regular expression (JavaScript syntax, always global) is blacked out and removed. */
export interface PatternRule extends RuleBase {
  kind: 'pattern';
  pattern: string;
  /** Regular expression flags besides `g`, e.g. `i`. */
  flags?: string;
  /** Keeps only matches whose Shannon entropy is at least this many bits per character. */
  minEntropyBits?: number;
}

/** Stored in the settings table under the id `masking`. */
export interface MaskingSettings {
  id: 'masking';
  /** Masking applies to every capture while on; no unmasked copy of the pixels is stored then. */
  enabled: boolean;
  rules: MaskingRule[];
}

/** How many matches one rule masked, for the evidence metadata. The matched content itself is never recorded. */
export interface MaskingCount {
  ruleId: string;
  name: string;
  /** Areas blacked out in the pixels. */
  pixelAreas: number;
  /** Occurrences removed from the text, the tables, the DOM snapshot and the title. */
  textMatches: number;
}

/** The replacement for masked text: fixed, so that nothing of the length or shape of the secret leaks. */
export const MASKED_TEXT = '[masked]';
