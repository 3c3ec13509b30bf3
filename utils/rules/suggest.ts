import { compareControlIds } from '../catalogue/catalogue';
import type { MappingRule } from '../isms/types';

export interface PageContent {
  url: string;
  title: string;
  text: string;
}

interface KeywordPhrase {
  /** Words after the first, lower-cased as written in the rule. */
  rest: string[];
  controls: string[];
}

interface CompiledRules {
  /** Keyword phrases by their first word, so the page text is scanned once whatever the rule count. */
  phrasesByFirstWord: Map<string, KeywordPhrase[]>;
  urlGlobs: { pieces: string[]; controls: string[] }[];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function alternatives(pattern: string): string[] {
  return pattern
    .split('|')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
}

function compileRules(rules: readonly MappingRule[]): CompiledRules {
  const phrasesByFirstWord = new Map<string, KeywordPhrase[]>();
  const urlGlobs: CompiledRules['urlGlobs'] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.controls.length === 0) continue;
    for (const alternative of alternatives(rule.pattern)) {
      if (rule.kind === 'url') {
        urlGlobs.push({ pieces: alternative.split('*'), controls: rule.controls });
        continue;
      }
      const [first, ...rest] = words(alternative);
      if (first === undefined) continue;
      const phrases = phrasesByFirstWord.get(first) ?? [];
      phrases.push({ rest, controls: rule.controls });
      phrasesByFirstWord.set(first, phrases);
    }
  }
  return { phrasesByFirstWord, urlGlobs };
}

/** The forms a rule word may take to match this page word: itself, or its singular ('policies' → 'policy'). */
function singularForms(word: string): string[] {
  if (!word.endsWith('s') || word.length < 3) return [word];
  const forms = [word, word.slice(0, -1)];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

function wordMatches(pageWord: string | undefined, ruleWord: string): boolean {
  return pageWord !== undefined && singularForms(pageWord).includes(ruleWord);
}

/** One pass over the words; each word costs a few map look-ups, so a 1 MB page stays linear. */
function collectKeywordMatches(pageWords: string[], compiled: CompiledRules, found: Set<string>): void {
  const matched = new Set<KeywordPhrase>();
  for (let index = 0; index < pageWords.length; index++) {
    for (const form of singularForms(pageWords[index] ?? '')) {
      const phrases = compiled.phrasesByFirstWord.get(form);
      if (phrases === undefined) continue;
      for (const phrase of phrases) {
        if (matched.has(phrase)) continue;
        if (!phrase.rest.every((word, offset) => wordMatches(pageWords[index + 1 + offset], word))) continue;
        matched.add(phrase);
        for (const control of phrase.controls) found.add(control);
      }
    }
  }
}

/** `*` matches any run of characters; the glob may match anywhere in the URL. */
function globMatches(url: string, pieces: string[]): boolean {
  let position = 0;
  for (const piece of pieces) {
    const at = url.indexOf(piece, position);
    if (at === -1) return false;
    position = at + piece.length;
  }
  return true;
}

/**
 * Controls the enabled rules suggest for a page: URL rules against the URL, keyword rules against
 * whole words of the title and text (case-insensitive; a page's plural matches a rule's singular, and
 * 'exchange' never matches 'change'). Deduplicated, in natural control order.
 */
export function suggestControls(rules: readonly MappingRule[], page: PageContent): string[] {
  const compiled = compileRules(rules);
  const found = new Set<string>();
  const url = page.url.toLowerCase();
  for (const glob of compiled.urlGlobs) {
    if (globMatches(url, glob.pieces)) for (const control of glob.controls) found.add(control);
  }
  // Title and text apart, so a phrase never spans the join between them.
  collectKeywordMatches(words(page.title), compiled, found);
  collectKeywordMatches(words(page.text), compiled, found);
  found.delete('');
  return [...found].sort(compareControlIds);
}
