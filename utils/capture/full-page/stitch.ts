import { chromeHeights, usableRows } from './plan';
import { MAX_PART_HEIGHT, type Draw, type Part, type PartDraw, type ScrollGeometry } from './types';

export interface TileDraws {
  draws: Draw[];
  /** The first content row not covered after this tile. */
  coveredUntil: number;
  /** Content rows skipped because the page did not scroll where asked (a gap in the image). */
  gap: number;
}

/**
 * Which rows of one tile go where in the output. `scrollTop` is where the pane really was (pages may
 * refuse or snap a scroll), `coveredUntil` the first content row not yet in the output. The first tile
 * also gives the chrome above the pane and, as the output's last rows, the fixed footer and the chrome
 * below it; later tiles give only the pane, since the fixed and sticky elements are hidden by then.
 */
export function tileDraws(
  geometry: ScrollGeometry,
  tileIndex: number,
  scrollTop: number,
  coveredUntil: number,
  contentHeight: number,
): TileDraws {
  const { pane, viewport } = geometry;
  const first = tileIndex === 0;
  const draws: Draw[] = [];
  const start = Math.max(coveredUntil, scrollTop);
  const end = Math.min(scrollTop + usableRows(geometry, first), contentHeight);
  // The first tile copies whole rows (side bars beside an inner pane are seen once); later ones the pane.
  const x = first ? 0 : pane.x;
  const width = first ? viewport.width : pane.width;
  if (first && pane.y > 0)
    draws.push({ source: { x: 0, y: 0, width: viewport.width, height: pane.y }, destX: 0, destY: 0 });
  if (end > start) {
    draws.push({
      source: { x, y: pane.y + (start - scrollTop), width, height: end - start },
      destX: x,
      destY: pane.y + start,
    });
  }
  return { draws, coveredUntil: Math.max(coveredUntil, end), gap: Math.max(0, scrollTop - coveredUntil) };
}

/** The first tile's footer band (fixed footer and chrome below the pane), placed after the content. */
export function footerDraw(geometry: ScrollGeometry, contentHeight: number): Draw | null {
  const { pane, viewport } = geometry;
  const { below } = chromeHeights(geometry);
  const height = below;
  if (height <= 0) return null;
  return {
    source: { x: 0, y: viewport.height - height, width: viewport.width, height },
    destX: 0,
    destY: pane.y + contentHeight,
  };
}

/** Height of the whole output in CSS pixels. */
export function outputHeight(geometry: ScrollGeometry, contentHeight: number): number {
  const { above, below } = chromeHeights(geometry);
  return above + contentHeight + below;
}

/** Numbered parts no taller than the canvas limit, top to bottom, in device pixels. */
export function splitParts(totalHeight: number, maxPartHeight = MAX_PART_HEIGHT): Part[] {
  const parts: Part[] = [];
  for (let top = 0; top < totalHeight; top += maxPartHeight)
    parts.push({ top, height: Math.min(maxPartHeight, totalHeight - top) });
  return parts;
}

/** Device-pixel edge of a CSS coordinate; shared by both sides of every seam so bands abut exactly. */
export function devicePixel(css: number, devicePixelRatio: number): number {
  return Math.round(css * devicePixelRatio);
}

/**
 * A draw in device pixels, split over the parts it crosses. Heights are taken from the destination
 * edges (rounded the same way for neighbouring bands) so that no seam gets a gap or an overlap at
 * fractional device pixel ratios.
 */
export function toPartDraws(draw: Draw, devicePixelRatio: number, parts: readonly Part[]): PartDraw[] {
  const dy0 = devicePixel(draw.destY, devicePixelRatio);
  const dy1 = devicePixel(draw.destY + draw.source.height, devicePixelRatio);
  const sx = devicePixel(draw.source.x, devicePixelRatio);
  const sy = devicePixel(draw.source.y, devicePixelRatio);
  const width = devicePixel(draw.source.x + draw.source.width, devicePixelRatio) - sx;
  const dx = devicePixel(draw.destX, devicePixelRatio);
  const result: PartDraw[] = [];
  parts.forEach((part, index) => {
    const top = Math.max(dy0, part.top);
    const bottom = Math.min(dy1, part.top + part.height);
    if (bottom <= top || width <= 0) return;
    result.push({
      part: index,
      sx,
      sy: sy + (top - dy0),
      width,
      height: bottom - top,
      dx,
      dy: top - part.top,
    });
  });
  return result;
}
