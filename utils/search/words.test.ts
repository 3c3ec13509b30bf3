import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, queryWords, searchWords, tokenize } from './words';

describe('tokenize', () => {
  it('lower-cases letters and digits of any script and drops one-character words', () => {
    expect(tokenize('Backup-Jobs: Veeam 12 — Übersicht a B')).toEqual([
      'backup',
      'jobs',
      'veeam',
      '12',
      'übersicht',
    ]);
  });

  it('splits URLs into their parts', () => {
    expect(tokenize('https://admin.google.com/ac/users?org=acme')).toEqual([
      'https',
      'admin',
      'google',
      'com',
      'ac',
      'users',
      'org',
      'acme',
    ]);
  });

  it('cuts very long tokens so keys and hashes do not bloat the index', () => {
    const [word] = tokenize('x'.repeat(500));
    expect(word).toHaveLength(MAX_WORD_LENGTH);
  });
});

describe('searchWords', () => {
  it('returns unique words of title, URL, notes and text', () => {
    expect(
      searchWords({
        title: 'Users',
        url: 'https://admin.example.com/users',
        notes: 'Q4 review',
        text: 'users review MFA',
      }),
    ).toEqual(['users', 'https', 'admin', 'example', 'com', 'q4', 'review', 'mfa']);
  });

  it('keeps title, URL and notes when the text alone would exceed the cap', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `word${i}`).join(' ');
    const words = searchWords(
      { title: 'Access review', url: 'https://idp.example', notes: 'quarterly', text },
      100,
    );
    expect(words).toHaveLength(100);
    expect(words.slice(0, 6)).toEqual(['access', 'review', 'https', 'idp', 'example', 'quarterly']);
    expect(words).toContain('word0');
    expect(words).not.toContain('word9999');
  });

  it('merges words computed earlier after the fields, e.g. captured text from the pipeline', () => {
    expect(searchWords({ title: 'A title', url: '', notes: 'new note', words: ['title', 'veeam'] })).toEqual([
      'title',
      'new',
      'note',
      'veeam',
    ]);
  });

  it('indexes a 5 MB page text, each distinct word once', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(200_000);
    expect(new Set(searchWords({ title: '', url: '', notes: '', text }))).toEqual(
      new Set(['lorem', 'ipsum', 'dolor', 'sit', 'amet']),
    );
  });
});

describe('queryWords', () => {
  it('tokenizes like the index and drops words that are prefixes of another query word', () => {
    expect(queryWords('Admin administrator  BACKUP backup')).toEqual(['administrator', 'backup']);
  });

  it('has no words for punctuation or one-letter queries', () => {
    expect(queryWords(' - a ')).toEqual([]);
  });
});
