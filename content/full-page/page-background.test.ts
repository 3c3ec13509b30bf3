import { describe, expect, it } from 'vitest';
import { pageBackground } from './page-background';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('pageBackground', () => {
  it('takes the root colour first, then the body colour, then the browser white', () => {
    const both = page(
      '<html style="background-color: rgb(1, 2, 3)"><body style="background-color: rgb(4, 5, 6)">',
    );
    expect(pageBackground(both, window)).toBe('rgb(1, 2, 3)');
    expect(pageBackground(page('<body style="background-color: rgb(246, 247, 249)">'), window)).toBe(
      'rgb(246, 247, 249)',
    );
    expect(pageBackground(page('<p>plain</p>'), window)).toBe('rgb(255, 255, 255)');
  });

  it('passes over colours that are transparent or partly so: the fill must be opaque', () => {
    const halfRoot = page(
      '<html style="background-color: rgba(0, 0, 0, 0.5)"><body style="background-color: rgb(10, 20, 30)">',
    );
    expect(pageBackground(halfRoot, window)).toBe('rgb(10, 20, 30)');
    expect(pageBackground(page('<body style="background-color: transparent">'), window)).toBe(
      'rgb(255, 255, 255)',
    );
  });
});
