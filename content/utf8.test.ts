import { describe, expect, it } from 'vitest';
import { utf8Length, utf8Prefix } from './utf8';

const encoded = (text: string): number => new TextEncoder().encode(text).length;

describe('utf8', () => {
  it('measures like TextEncoder, lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€', '\ud800x', 'x\udc00']) {
      expect(utf8Length(text), text).toBe(encoded(text));
    }
  });

  it('cuts on a character boundary, never inside a multi-byte character', () => {
    expect(utf8Prefix('a😀b', 4)).toEqual({ text: 'a', bytes: 1 });
    expect(utf8Prefix('a😀b', 5)).toEqual({ text: 'a😀', bytes: 5 });
    expect(utf8Prefix('€€', 5)).toEqual({ text: '€', bytes: 3 });
    expect(utf8Prefix('abc', 10)).toEqual({ text: 'abc', bytes: 3 });
  });
});
