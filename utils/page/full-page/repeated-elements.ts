import type { Rect } from '../../capture/full-page/types';

/**
 * Fixed and sticky elements on screen in the first tile: they would repeat on every tile. Closed shadow
 * roots and frames are not searched (their fixed elements, if any, repeat).
 */
export function findRepeatedElements(doc: Document, win: Window): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as HTMLElement;
    const position = win.getComputedStyle(element).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    // A fixed element inside another one is hidden with it.
    if (found.some((outer) => outer.contains(element))) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) continue;
    if (box.bottom <= 0 || box.top >= win.innerHeight || box.right <= 0 || box.left >= win.innerWidth)
      continue;
    found.push(element);
  }
  return found;
}

/** How far fixed elements reach up into the bottom of the pane (a fixed footer or cookie bar). */
export function bottomInsetOf(elements: readonly Element[], pane: Rect): number {
  const paneBottom = pane.y + pane.height;
  let inset = 0;
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    const touchesBottom =
      box.bottom >= paneBottom - 1 && box.top < paneBottom && box.top > pane.y + pane.height / 2;
    const overlapsPane = box.right > pane.x && box.left < pane.x + pane.width;
    if (touchesBottom && overlapsPane) inset = Math.max(inset, Math.ceil(paneBottom - box.top));
  }
  return inset;
}
