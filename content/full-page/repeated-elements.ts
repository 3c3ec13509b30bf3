import type { Rect } from '@/utils/capture/full-page/types';
import type { ShadowRootReader } from '@/utils/page/types';
import { readShadowRoot } from '../dom';
import { SkipLedger } from '../skips';

/**
 * Fixed and sticky elements on screen in the first tile: they would repeat on every tile. Shadow roots
 * (closed ones too, through `shadowRootOf`) are searched; frames are not (their fixed elements, if any, repeat).
 */
export function findRepeatedElements(
  doc: Document,
  win: Window,
  shadowRootOf: ShadowRootReader = (element) => element.shadowRoot,
  skips: SkipLedger = new SkipLedger(),
): HTMLElement[] {
  const found: HTMLElement[] = [];
  const roots: Node[] = [doc.body ?? doc.documentElement];
  for (let root = roots.pop(); root; root = roots.pop()) {
    const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as HTMLElement;
      try {
        // Through readShadowRoot: Chromium's openOrClosedShadowRoot rejects SVG, MathML and foreign-realm elements.
        const shadow = readShadowRoot(element, shadowRootOf);
        if (shadow) roots.push(shadow);
        if (isRepeatedOnScreen(element, win, found)) found.push(element);
      } catch {
        skips.record('fixedElement', element); // not hidden after the first tile: at worst it repeats
      }
    }
  }
  return found;
}

function isRepeatedOnScreen(element: HTMLElement, win: Window, found: readonly HTMLElement[]): boolean {
  const position = win.getComputedStyle(element).position;
  if (position !== 'fixed' && position !== 'sticky') return false;
  // A fixed element inside another one (or inside its shadow tree) is hidden with it.
  if (found.some((outer) => containsComposed(outer, element))) return false;
  const box = element.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return false;
  return !(box.bottom <= 0 || box.top >= win.innerHeight || box.right <= 0 || box.left >= win.innerWidth);
}

/** `contains` across shadow boundaries: walks up through parents and shadow hosts. */
function containsComposed(outer: Element, element: Element): boolean {
  for (let node: Node | null = element; node;) {
    if (node === outer) return true;
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return false;
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
