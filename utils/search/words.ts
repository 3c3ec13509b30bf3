/**
 * The search index of an evidence record: a capped set of lower-case words, stored in the record's
 * multi-entry `words` index. Title, URL and notes come first so the cap never drops them; captured
 * text fills the rest. The cap keeps a write (and the index it updates) small whatever the page size.
 */

export const MAX_WORDS_PER_RECORD = 2000;
/** Longer tokens (keys, hashes, base64) are cut: a prefix search still finds them, the index stays small. */
export const MAX_WORD_LENGTH = 32;
const MIN_WORD_LENGTH = 2;
const WORD = /[\p{L}\p{N}]+/gu;

export interface SearchSource {
  title: string;
  url: string;
  notes: string;
  /** Captured or file text; only its first words fit under the cap. */
  text?: string;
  /** Words computed earlier (e.g. from captured text by the capture pipeline), kept after the fields above. */
  words?: readonly string[];
}

/** Lower-case words of one text, in order of appearance, duplicates included. */
export function tokenize(text: string): string[] {
  return [...tokens(text)];
}

/** The unique words of a record, title/URL/notes first, at most `cap`. */
export function searchWords(source: SearchSource, cap = MAX_WORDS_PER_RECORD): string[] {
  const unique = new Set<string>();
  const addAll = (words: Iterable<string>): boolean => {
    for (const word of words) {
      if (unique.size >= cap) return false;
      unique.add(word);
    }
    return true;
  };
  // Each step stops early once the cap is reached, so a huge text is never tokenized whole.
  if (!addAll(tokenize(`${source.title} ${source.url} ${source.notes}`))) return [...unique];
  if (source.words && !addAll(source.words)) return [...unique];
  if (source.text) addAll(tokens(source.text));
  return [...unique];
}

/** Words of a search query, as the index holds them; each one matches indexed words by prefix. */
export function queryWords(query: string): string[] {
  const words = [...new Set(tokenize(query))];
  // "admin" also matches "administrator": drop query words that are prefixes of another query word.
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
}

function* tokens(text: string): Generator<string> {
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (word.length >= MIN_WORD_LENGTH) yield word.slice(0, MAX_WORD_LENGTH);
  }
}
