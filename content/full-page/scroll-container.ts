import type { Rect } from '@/utils/capture/full-page/types';
import { describeElement } from './page-changes';

export interface ScrollContainer {
  /** The element whose scrollTop moves the content: `document.scrollingElement` for the document. */
  element: Element;
  isDocument: boolean;
  description: string;
}

const SCROLLS = /^(auto|scroll|overlay)$/;

function scrollRange(element: Element): number {
  return element.scrollHeight - element.clientHeight;
}

function canScroll(element: Element, win: Window): boolean {
  if (scrollRange(element) <= 1) return false;
  return SCROLLS.test(win.getComputedStyle(element).overflowY);
}

/**
 * Finds the element that actually scrolls. Admin single-page apps often fix the document to the
 * viewport and scroll an inner pane: the pane under the middle of the viewport (and a few other
 * points) is compared with the document, and whichever has more to scroll wins.
 */
export function findScrollContainer(doc: Document, win: Window): ScrollContainer {
  const root = doc.scrollingElement ?? doc.documentElement;
  const documentRange =
    SCROLLS.test(win.getComputedStyle(doc.body ?? root).overflowY) || root.scrollHeight > root.clientHeight
      ? scrollRange(root)
      : 0;
  let best: Element | null = null;
  let bestRange = 0;
  const width = win.innerWidth;
  const height = win.innerHeight;
  const points: [number, number][] = [
    [0.5, 0.5],
    [0.5, 0.25],
    [0.5, 0.75],
    [0.3, 0.5],
    [0.7, 0.5],
  ];
  const seen = new Set<Element>();
  for (const [fx, fy] of points) {
    for (const hit of doc.elementsFromPoint(width * fx, height * fy)) {
      for (
        let element: Element | null = hit;
        element && element !== root && element !== doc.body;
        element = element.parentElement
      ) {
        if (seen.has(element)) break;
        seen.add(element);
        if (!canScroll(element, win)) continue;
        const range = scrollRange(element);
        if (range > bestRange) {
          best = element;
          bestRange = range;
        }
      }
    }
  }
  if (best && bestRange > documentRange)
    return { element: best, isDocument: false, description: describeElement(best) };
  return { element: root, isDocument: true, description: 'document' };
}

/** The client area of the container in viewport CSS pixels, clipped to the viewport. */
export function paneRect(container: ScrollContainer, doc: Document, win: Window): Rect {
  if (container.isDocument) {
    const root = doc.documentElement;
    return {
      x: 0,
      y: 0,
      width: root.clientWidth || win.innerWidth,
      height: root.clientHeight || win.innerHeight,
    };
  }
  const element = container.element;
  const box = element.getBoundingClientRect();
  const x = Math.max(0, Math.round(box.left + element.clientLeft));
  const y = Math.max(0, Math.round(box.top + element.clientTop));
  return {
    x,
    y,
    width: Math.max(1, Math.min(element.clientWidth, win.innerWidth - x)),
    height: Math.max(1, Math.min(element.clientHeight, win.innerHeight - y)),
  };
}
