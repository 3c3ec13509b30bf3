/** How often a page may add content at its bottom during one capture before the capture stops there. */
export const MAX_BOTTOM_GROWTHS = 3;

/**
 * Endless scrolling: the page grew while the tile showed (or came within one screenful of) what was then
 * its end. Lazy images that grow the page further up do not count.
 */
export function grewAtBottom(
  previousHeight: number,
  height: number,
  scrollTop: number,
  paneHeight: number,
): boolean {
  return height > previousHeight && scrollTop + 2 * paneHeight >= previousHeight;
}

/** The page never left its first screenful although there was more to scroll: it blocks scrolling. */
export function neverScrolled(tileScrollTops: readonly number[], contentHeight: number, paneHeight: number) {
  const first = tileScrollTops[0] ?? 0;
  return (
    tileScrollTops.length > 1 &&
    contentHeight > first + paneHeight &&
    tileScrollTops.every((scrollTop) => scrollTop === first)
  );
}
