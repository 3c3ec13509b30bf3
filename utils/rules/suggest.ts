import { compareControlIds } from '../catalogue/catalogue';
import type { MappingRule } from '../isms/types';

export interface PageContent {
  url: string;
  title: string;
  text: string;
  /** The page's own headings and table captions, navigation left out (content/page-headings.ts). */
  headings?: string[];
}

/** Where on the page a rule matched, strongest first. */
export type MatchPlace = 'address' | 'title' | 'heading' | 'text';

export interface SuggestionReason {
  ruleId: string;
  place: MatchPlace;
  /** The rule's words or address pattern that matched, as written in the rule. */
  words: string[];
  /** How often they occur there (the address: 1). */
  count: number;
}

export interface Suggestion {
  controlId: string;
  score: number;
  /** A strong match: the page's address, the main part of its title or a heading names it, or its text does often. */
  strong: boolean;
  /** Ticked when the tagging view opens: the strongest few of the strong matches. */
  preTicked: boolean;
  reasons: SuggestionReason[];
}

export interface RankOptions {
  /** At most this many suggestions start ticked (default 3). */
  maxPreTicked?: number;
}

interface KeywordPhrase {
  /** Words after the first, lower-cased as written in the rule. */
  rest: string[];
  /** The rule alternative as written, for the reason shown to the person. */
  written: string;
  rule: CompiledRule;
}

interface CompiledRule {
  id: string;
  controls: string[];
}

interface CompiledRules {
  /** Keyword phrases by their first word, so the page text is scanned once whatever the rule count. */
  phrasesByFirstWord: Map<string, KeywordPhrase[]>;
  urlGlobs: { pieces: string[]; written: string; rule: CompiledRule }[];
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
    const compiled: CompiledRule = { id: rule.id, controls: rule.controls.filter((id) => id !== '') };
    for (const alternative of alternatives(rule.pattern)) {
      if (rule.kind === 'url') {
        urlGlobs.push({ pieces: alternative.split('*'), written: alternative, rule: compiled });
        continue;
      }
      const [first, ...rest] = words(alternative);
      if (first === undefined) continue;
      const phrases = phrasesByFirstWord.get(first) ?? [];
      phrases.push({ rest, written: alternative, rule: compiled });
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

/** What one rule matched in one place: the positions where one of its phrases starts, and which phrases. */
interface PlaceMatch {
  positions: number;
  /** Positions where a phrase of two or more words starts: those say more than a single word. */
  phrasePositions: number;
  words: Set<string>;
}

/**
 * One pass over the words; each word costs a few map look-ups, so a 1 MB page stays linear. A position
 * counts once per rule however many of its alternatives start there ('backup job' and 'backup').
 */
function matchWords(pageWords: string[], compiled: CompiledRules): Map<CompiledRule, PlaceMatch> {
  const matches = new Map<CompiledRule, PlaceMatch>();
  for (let index = 0; index < pageWords.length; index++) {
    // The rules that match starting here, and whether one of their phrases here has several words.
    const here = new Map<CompiledRule, boolean>();
    for (const form of singularForms(pageWords[index] ?? '')) {
      for (const phrase of compiled.phrasesByFirstWord.get(form) ?? []) {
        if (!phrase.rest.every((word, offset) => wordMatches(pageWords[index + 1 + offset], word))) continue;
        here.set(phrase.rule, (here.get(phrase.rule) ?? false) || phrase.rest.length > 0);
        const match = matches.get(phrase.rule) ?? { positions: 0, phrasePositions: 0, words: new Set() };
        match.words.add(phrase.written);
        matches.set(phrase.rule, match);
      }
    }
    for (const [rule, multiWord] of here) {
      const match = matches.get(rule)!;
      match.positions += 1;
      if (multiWord) match.phrasePositions += 1;
    }
  }
  return matches;
}

/** Keeps the old answer for callers that offer every match (a request's text): all controls matched. */
function matchedControls(matches: Map<CompiledRule, PlaceMatch>, found: Set<string>): void {
  for (const rule of matches.keys()) for (const control of rule.controls) found.add(control);
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
 * Every control the enabled rules match on a page: URL rules against the URL, keyword rules against
 * whole words of the title and text (case-insensitive; a page's plural matches a rule's singular, and
 * 'exchange' never matches 'change'). Deduplicated, in natural control order. For short texts a person
 * reviews line by line (a request list); a capture uses `rankSuggestions`.
 */
export function suggestControls(rules: readonly MappingRule[], page: PageContent): string[] {
  const compiled = compileRules(rules);
  const found = new Set<string>();
  const url = page.url.toLowerCase();
  for (const glob of compiled.urlGlobs) {
    if (globMatches(url, glob.pieces)) for (const control of glob.rule.controls) found.add(control);
  }
  // Title and text apart, so a phrase never spans the join between them.
  matchedControls(matchWords(words(page.title), compiled), found);
  matchedControls(matchWords(words(page.text), compiled), found);
  return [...found].sort(compareControlIds);
}

// How much each place says about what a page is. The address and the title name the page's subject,
// except the product's name at the title's end; a heading names a part of the page; text repeats, so it counts by how often, on a log scale
// and capped, and a phrase of two or more words counts half again a single word.
const WEIGHT = { address: 6, mainTitle: 5, productInTitle: 2, heading: 5 } as const;
const TEXT_CAP = 8;
/** A suggestion is strong from this score: a title or heading alone, or about five mentions in the text... */
const STRONG_SCORE = 5;
/** ...and only when it scores at least this share of the best suggestion on the page. */
const STRONG_SHARE = 0.4;

function textScore(match: PlaceMatch): number {
  const singleWords = match.positions - match.phrasePositions;
  const weighted = singleWords + 1.5 * match.phrasePositions;
  return Math.min(TEXT_CAP, 2 * Math.log2(1 + weighted));
}

/**
 * The title split where consoles join page, section and product ("Backup jobs - History - Vaultline
 * Backup & Replication console"): with three parts or more, the last is the product's name and says
 * little about the page.
 */
function splitTitle(title: string): [main: string, product: string] {
  const parts = title.split(/\s[-–—|·»]\s/);
  if (parts.length < 3) return [parts.join(' '), ''];
  return [parts.slice(0, -1).join(' '), parts.at(-1) ?? ''];
}

interface Scored {
  score: number;
  reasons: SuggestionReason[];
}

function addReason(
  scores: Map<string, Scored>,
  rule: CompiledRule,
  reason: SuggestionReason,
  points: number,
) {
  for (const controlId of rule.controls) {
    const scored = scores.get(controlId) ?? { score: 0, reasons: [] };
    scored.score += points;
    scored.reasons.push(reason);
    scores.set(controlId, scored);
  }
}

/**
 * The controls the enabled rules suggest for a capture, best first, each with the reasons a person can
 * check: which rule, where on the page and which of its words. Only strong matches start ticked, at most
 * `maxPreTicked` of them; the rest are offered unticked, so an admin in a hurry does not save a tag the
 * page does not evidence.
 */
export function rankSuggestions(
  rules: readonly MappingRule[],
  page: PageContent,
  options: RankOptions = {},
): Suggestion[] {
  const compiled = compileRules(rules);
  const scores = new Map<string, Scored>();
  const url = page.url.toLowerCase();
  for (const glob of compiled.urlGlobs) {
    if (!globMatches(url, glob.pieces)) continue;
    const reason: SuggestionReason = {
      ruleId: glob.rule.id,
      place: 'address',
      words: [glob.written],
      count: 1,
    };
    addReason(scores, glob.rule, reason, WEIGHT.address);
  }
  const [mainTitle, restOfTitle] = splitTitle(page.title);
  const inMain = matchWords(words(mainTitle), compiled);
  const inRest = matchWords(words(restOfTitle), compiled);
  for (const rule of new Set([...inMain.keys(), ...inRest.keys()])) {
    const main = inMain.get(rule);
    const matched = [...(main?.words ?? []), ...(inRest.get(rule)?.words ?? [])];
    const count = (main?.positions ?? 0) + (inRest.get(rule)?.positions ?? 0);
    const reason: SuggestionReason = { ruleId: rule.id, place: 'title', words: [...new Set(matched)], count };
    addReason(scores, rule, reason, main ? WEIGHT.mainTitle : WEIGHT.productInTitle);
  }
  const inHeadings = new Map<CompiledRule, PlaceMatch>();
  for (const heading of page.headings ?? []) {
    for (const [rule, match] of matchWords(words(heading), compiled)) {
      const sum = inHeadings.get(rule) ?? { positions: 0, phrasePositions: 0, words: new Set<string>() };
      sum.positions += match.positions;
      for (const word of match.words) sum.words.add(word);
      inHeadings.set(rule, sum);
    }
  }
  for (const [rule, match] of inHeadings) {
    const reason: SuggestionReason = {
      ruleId: rule.id,
      place: 'heading',
      words: [...match.words],
      count: match.positions,
    };
    addReason(scores, rule, reason, WEIGHT.heading);
  }
  for (const [rule, match] of matchWords(words(page.text), compiled)) {
    const reason: SuggestionReason = {
      ruleId: rule.id,
      place: 'text',
      words: [...match.words],
      count: match.positions,
    };
    addReason(scores, rule, reason, textScore(match));
  }
  scores.delete('');
  return preTick(scores, options.maxPreTicked ?? 3);
}

function preTick(scores: Map<string, Scored>, maxPreTicked: number): Suggestion[] {
  const ranked = [...scores]
    .map(([controlId, { score, reasons }]) => ({ controlId, score: Math.round(score * 100) / 100, reasons }))
    .sort((a, b) => b.score - a.score || compareControlIds(a.controlId, b.controlId));
  const best = ranked[0]?.score ?? 0;
  let ticked = 0;
  return ranked.map(({ controlId, score, reasons }) => {
    const strong = score >= STRONG_SCORE && score >= STRONG_SHARE * best;
    const preTicked = strong && ticked < maxPreTicked;
    if (preTicked) ticked += 1;
    return { controlId, score, strong, preTicked, reasons: reasons.sort(byPlace) };
  });
}

const PLACE_ORDER: MatchPlace[] = ['address', 'title', 'heading', 'text'];
function byPlace(a: SuggestionReason, b: SuggestionReason): number {
  return PLACE_ORDER.indexOf(a.place) - PLACE_ORDER.indexOf(b.place);
}
