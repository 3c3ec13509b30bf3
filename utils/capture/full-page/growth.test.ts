import { describe, expect, it } from 'vitest';
import { grewAtBottom, neverScrolled } from './growth';

describe('endless scrolling and scroll blocking', () => {
  it('counts growth only when the tile was within a screenful of the end', () => {
    expect(grewAtBottom(3000, 5000, 2200, 800)).toBe(true);
    expect(grewAtBottom(3000, 5000, 1400, 800)).toBe(true);
    // A lazy image higher up grew the page: not endless scrolling.
    expect(grewAtBottom(9000, 9400, 800, 800)).toBe(false);
    expect(grewAtBottom(3000, 3000, 2200, 800)).toBe(false);
  });

  it('tells a page that never left the top from one that stopped part of the way', () => {
    expect(neverScrolled([0, 0, 0], 5000, 800)).toBe(true);
    expect(neverScrolled([0, 800, 800], 5000, 800)).toBe(false);
    expect(neverScrolled([0], 5000, 800)).toBe(false);
    // Nothing more to scroll: a short page is not blocking anything.
    expect(neverScrolled([0, 0], 700, 800)).toBe(false);
  });
});
