import { describe, expect, it } from 'vitest';
import { contentLimit, nextScrollTop, plannedTiles } from './plan';
import { footerDraw, outputHeight, splitParts, tileDraws, toPartDraws } from './stitch';
import type { Draw, ScrollGeometry } from './types';

/** An admin console: a 60 px top bar, an inner pane down to a 40 px status bar, a 50 px fixed footer in the pane. */
const paneGeometry: ScrollGeometry = {
  viewport: { width: 1000, height: 800 },
  devicePixelRatio: 1,
  pane: { x: 200, y: 60, width: 800, height: 700 },
  scrollHeight: 5000,
  bottomInset: 50,
  container: 'main#content',
  background: 'rgb(255, 255, 255)',
};

/** What a tile shows at a viewport row, for a one-dimensional model of the page. */
function tileRow(geometry: ScrollGeometry, first: boolean, scrollTop: number, row: number): string {
  const { pane } = geometry;
  if (row < pane.y) return `above-${row}`;
  if (row >= pane.y + pane.height) return `below-${row}`;
  if (first && row >= pane.y + pane.height - geometry.bottomInset) return `footer-${row}`;
  if (!first && row >= pane.y + pane.height - geometry.bottomInset) {
    // Later tiles: the footer is hidden, the content shows through.
  }
  return `content-${row - pane.y + scrollTop}`;
}

/** Runs the tile loop the way the browser side does, and paints rows into an output array. */
function simulate(geometry: ScrollGeometry, maxHeight: number, scrollClamp?: (top: number) => number) {
  const { height: contentHeight, cut } = contentLimit(geometry, geometry.scrollHeight, maxHeight);
  const output: (string | undefined)[] = new Array(outputHeight(geometry, contentHeight));
  const paint = (draw: Draw, first: boolean, scrollTop: number) => {
    for (let r = 0; r < draw.source.height; r++)
      output[draw.destY + r] = tileRow(geometry, first, scrollTop, draw.source.y + r);
  };
  let covered = 0;
  let tiles = 0;
  let gaps = 0;
  for (
    let top = nextScrollTop(geometry, covered, contentHeight);
    top !== null;
    top = nextScrollTop(geometry, covered, contentHeight)
  ) {
    const actual = scrollClamp ? scrollClamp(top) : top;
    const result = tileDraws(geometry, tiles, actual, covered, contentHeight);
    for (const draw of result.draws) paint(draw, tiles === 0, actual);
    if (tiles === 0) {
      const footer = footerDraw(geometry, contentHeight);
      if (footer) paint(footer, true, actual);
    }
    gaps += result.gap;
    if (result.coveredUntil === covered) break;
    covered = result.coveredUntil;
    tiles++;
  }
  return { output, tiles, contentHeight, cut, gaps };
}

describe('full-page tile plan and stitching', () => {
  it('puts every content row exactly once between the chrome and the footer', () => {
    const { output, tiles, contentHeight } = simulate(paneGeometry, 100_000);
    expect(contentHeight).toBe(5000);
    expect(tiles).toBe(plannedTiles(paneGeometry, contentHeight));
    expect(tiles).toBe(1 + Math.ceil((5000 - 650) / 700));
    const expected = [
      ...Array.from({ length: 60 }, (_, r) => `above-${r}`),
      ...Array.from({ length: 5000 }, (_, r) => `content-${r}`),
      ...Array.from({ length: 50 }, (_, r) => `footer-${710 + r}`),
      ...Array.from({ length: 40 }, (_, r) => `below-${760 + r}`),
    ];
    expect(output).toEqual(expected);
  });

  it('handles a document that fits in one tile, and one that scrolls by less than a tile', () => {
    const short = { ...paneGeometry, scrollHeight: 600 };
    expect(simulate(short, 100_000).tiles).toBe(1);
    const { output } = simulate({ ...paneGeometry, scrollHeight: 900 }, 100_000);
    expect(output.filter((row) => row?.startsWith('content-'))).toHaveLength(900);
    expect(output.includes(undefined)).toBe(false);
  });

  it('cuts at the height cap and says so', () => {
    const tall = { ...paneGeometry, scrollHeight: 250_000 };
    const { output, cut, contentHeight } = simulate(tall, 100_000);
    expect(cut).toBe(true);
    expect(output.length).toBe(100_000);
    expect(contentHeight).toBe(100_000 - 60 - 90);
    expect(output.at(-1)).toBe('below-799');
  });

  it('reports a gap when the page refuses to scroll where it was asked', () => {
    // The page snaps every scroll to multiples of 1000 px.
    const { gaps } = simulate(paneGeometry, 100_000, (top) => Math.ceil(top / 1000) * 1000);
    expect(gaps).toBeGreaterThan(0);
    // A page that does not scroll at all ends after the first tile instead of looping.
    const stuck = simulate(paneGeometry, 100_000, () => 0);
    expect(stuck.tiles).toBe(2); // the second tile, footer hidden, still adds the rows that were under it
    expect(stuck.output.filter((row) => row?.startsWith('content-'))).toHaveLength(700);
  });

  it('ignores a "footer" taller than half the pane', () => {
    const overlay = { ...paneGeometry, bottomInset: 500 };
    const { output } = simulate(overlay, 100_000);
    // Drawn where it stood in the first tile, not moved to the end, and the output has no hole.
    expect(output).toHaveLength(60 + 5000 + 40);
    expect(output.includes(undefined)).toBe(false);
    expect(output.at(-41)).toBe('content-4999');
    expect(output[60 + 200]).toBe('footer-260');
  });

  it('splits into parts of at most 16,384 px and clips draws that cross a part edge', () => {
    expect(splitParts(40_000)).toEqual([
      { top: 0, height: 16_384 },
      { top: 16_384, height: 16_384 },
      { top: 32_768, height: 7_232 },
    ]);
    const parts = splitParts(40_000);
    const draws = toPartDraws(
      { source: { x: 0, y: 100, width: 800, height: 700 }, destX: 0, destY: 16_000 },
      1,
      parts,
    );
    expect(draws).toEqual([
      { part: 0, sx: 0, sy: 100, width: 800, height: 384, dx: 0, dy: 16_000 },
      { part: 1, sx: 0, sy: 484, width: 800, height: 316, dx: 0, dy: 0 },
    ]);
  });

  it('leaves no seam at a fractional device pixel ratio', () => {
    const geometry = { ...paneGeometry, devicePixelRatio: 1.5, scrollHeight: 30_000 };
    const { height: contentHeight } = contentLimit(geometry, geometry.scrollHeight, 100_000);
    const total = Math.round(outputHeight(geometry, contentHeight) * 1.5);
    const parts = splitParts(total);
    const painted = new Uint8Array(total);
    let covered = 0;
    for (
      let tile = 0, top = nextScrollTop(geometry, 0, contentHeight);
      top !== null;
      tile++, top = nextScrollTop(geometry, covered, contentHeight)
    ) {
      const result = tileDraws(geometry, tile, top, covered, contentHeight);
      const draws = tile === 0 ? [...result.draws, footerDraw(geometry, contentHeight)!] : result.draws;
      for (const draw of draws)
        for (const partDraw of toPartDraws(draw, 1.5, parts))
          for (let r = 0; r < partDraw.height; r++)
            painted[parts[partDraw.part]!.top + partDraw.dy + r]! += 1;
      covered = result.coveredUntil;
    }
    expect(painted.every((count) => count === 1)).toBe(true);
  });
});
