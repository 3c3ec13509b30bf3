import type { Rect } from '@/utils/capture/full-page/types';
import { frameDocument, frameOffset } from '../frames';
import { describeElement } from './page-changes';

export interface ScrollContainer {
  /** The element whose scrollTop moves the content: `document.scrollingElement` for the document. */
  element: Element;
  /** True only for the top document's own scrolling; a frame's document scrolling is an inner pane. */
  isDocument: boolean;
  description: string;
}

/** Same-origin frames inside frames, as deep as a console nests its tool pages. */
const MAX_FRAME_DEPTH = 3;

const SCROLLS = /^(auto|scroll|overlay)$/;

function scrollRange(element: Element): number {
  return element.scrollHeight - element.clientHeight;
}

function windowOf(element: Element, fallback: Window): Window {
  return element.ownerDocument.defaultView ?? fallback;
}

function canScroll(element: Element, win: Window): boolean {
  if (scrollRange(element) <= 1) return false;
  return SCROLLS.test(windowOf(element, win).getComputedStyle(element).overflowY);
}

/** How far a document scrolls by itself (0 when its root and body do not scroll). */
function documentRange(doc: Document, win: Window): number {
  const root = doc.scrollingElement ?? doc.documentElement;
  const style = win.getComputedStyle(doc.body ?? root);
  return SCROLLS.test(style.overflowY) || root.scrollHeight > root.clientHeight ? scrollRange(root) : 0;
}

interface Candidate {
  element: Element;
  range: number;
}

/**
 * The elements that scroll under one viewport point, walking up from what is hit; a same-origin frame hit
 * there is entered (its own scrolling document and what scrolls under the same point inside it).
 */
function scrollersAt(
  doc: Document,
  win: Window,
  x: number,
  y: number,
  depth: number,
  seen: Set<Element>,
  out: Candidate[],
) {
  const root = doc.scrollingElement ?? doc.documentElement;
  for (const hit of doc.elementsFromPoint(x, y)) {
    for (
      let element: Element | null = hit;
      element && element !== root && element !== doc.body;
      element = element.parentElement
    ) {
      if (seen.has(element)) break;
      seen.add(element);
      if (depth < MAX_FRAME_DEPTH && (element.localName === 'iframe' || element.localName === 'frame')) {
        const inner = frameDocument(element);
        const innerWin = inner?.defaultView;
        if (inner && innerWin) {
          const innerRoot = inner.scrollingElement ?? inner.documentElement;
          const range = documentRange(inner, innerWin);
          if (range > 1) out.push({ element: innerRoot, range });
          const box = element.getBoundingClientRect();
          scrollersAt(
            inner,
            innerWin,
            x - box.left - element.clientLeft,
            y - box.top - element.clientTop,
            depth + 1,
            seen,
            out,
          );
        }
        continue;
      }
      if (canScroll(element, win)) out.push({ element, range: scrollRange(element) });
    }
  }
}

/**
 * Finds the element that actually scrolls. Admin single-page apps often fix the document to the
 * viewport and scroll an inner pane: the pane under the middle of the viewport (and a few other
 * points) is compared with the document, and whichever has more to scroll wins.
 */
export function findScrollContainer(doc: Document, win: Window): ScrollContainer {
  const root = doc.scrollingElement ?? doc.documentElement;
  const ownRange = documentRange(doc, win);
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
  const candidates: Candidate[] = [];
  for (const [fx, fy] of points) scrollersAt(doc, win, width * fx, height * fy, 0, seen, candidates);
  let best: Candidate | null = null;
  for (const candidate of candidates) if (!best || candidate.range > best.range) best = candidate;
  if (best && best.range > ownRange) {
    const inFrame = best.element.ownerDocument !== doc;
    const description = describeElement(best.element);
    return {
      element: best.element,
      isDocument: false,
      description: inFrame ? `${description} in the frame ${best.element.ownerDocument.URL}` : description,
    };
  }
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
  const offset = frameOffset(element, doc);
  // A frame's own scrolling document: its client area is the frame's viewport.
  const frameRoot = element === element.ownerDocument.scrollingElement;
  const box = frameRoot ? { left: 0, top: 0 } : element.getBoundingClientRect();
  const x = Math.max(0, Math.round(offset.x + box.left + (frameRoot ? 0 : element.clientLeft)));
  const y = Math.max(0, Math.round(offset.y + box.top + (frameRoot ? 0 : element.clientTop)));
  return {
    x,
    y,
    width: Math.max(1, Math.min(element.clientWidth, win.innerWidth - x)),
    height: Math.max(1, Math.min(element.clientHeight, win.innerHeight - y)),
  };
}
