import type { ScrollGeometry } from './types';

/** Output rows above and below the scrolled content: page chrome around an inner pane, and the fixed footer. */
export function chromeHeights(geometry: ScrollGeometry): { above: number; below: number } {
  const { pane, viewport } = geometry;
  return {
    above: pane.y,
    below: Math.max(0, viewport.height - pane.y - pane.height) + effectiveInset(geometry),
  };
}

/**
 * How much of the content is captured: all of it, unless the whole image would pass `maxHeight`
 * (CSS pixels), in which case the content is cut there and `cut` says so.
 */
export function contentLimit(
  geometry: ScrollGeometry,
  scrollHeight: number,
  maxHeight: number,
): { height: number; cut: boolean } {
  const { above, below } = chromeHeights(geometry);
  const room = Math.max(geometry.pane.height, maxHeight - above - below);
  return scrollHeight > room
    ? { height: room, cut: true }
    : { height: Math.max(scrollHeight, 0), cut: false };
}

/** Content rows one tile can show: the first tile loses the rows under the fixed footer. */
export function usableRows(geometry: ScrollGeometry, first: boolean): number {
  const inset = first ? effectiveInset(geometry) : 0;
  return Math.max(1, geometry.pane.height - inset);
}

/** A footer covering more than half the pane is no footer to work around: treat it as content. */
export function effectiveInset(geometry: ScrollGeometry): number {
  return geometry.bottomInset * 2 > geometry.pane.height ? 0 : geometry.bottomInset;
}

/**
 * The scroll position for the next tile, or null when the content up to `contentHeight` is covered.
 * `coveredUntil` is the first content row not yet captured. The last tile is pulled up to the end of the
 * content so it is never scrolled past the bottom (the browser would clamp it anyway).
 */
export function nextScrollTop(
  geometry: ScrollGeometry,
  coveredUntil: number,
  contentHeight: number,
): number | null {
  if (coveredUntil >= contentHeight) return null;
  const maxScroll = Math.max(0, contentHeight - geometry.pane.height);
  return Math.min(coveredUntil, maxScroll);
}

/** How many tiles the whole capture needs, for the progress shown to the user. */
export function plannedTiles(geometry: ScrollGeometry, contentHeight: number): number {
  const first = usableRows(geometry, true);
  if (contentHeight <= first) return 1;
  return 1 + Math.ceil((contentHeight - first) / usableRows(geometry, false));
}
