import type { CssRect } from '@/utils/capture/element/geometry';
import { describeElement } from '../full-page/page-changes';
import { elementAgentText } from '@/utils/text';
import { frameDocument, frameOffset } from '../frames';

/**
 * Same-origin frames for the element picker and agent: the element under a point at any depth of frames, and
 * an element's box and visible area in the top document's viewport (which is what the screenshot shows).
 */

/** The frame element's readable document, or null (another origin, not loaded, not a frame). */
export function readableFrame(element: Element): Document | null {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
  try {
    return frameDocument(element);
  } catch {
    return null; // Firefox throws for some frames of another origin
  }
}

/** Deeper than any console nests; stops a page that nests frames without end. */
const MAX_DEPTH = 8;

/**
 * The element under a point of the top viewport, looking into same-origin frames: the point is carried into
 * each frame's viewport (its content box). `skip` is left out at the top (the picker's own overlay).
 */
export function elementAtPoint(top: Document, x: number, y: number, skip?: Element): Element | null {
  let doc = top;
  let px = x;
  let py = y;
  for (let depth = 0; ; depth++) {
    const element = doc.elementFromPoint(px, py);
    if (!element || element === skip) return null;
    const inner = depth < MAX_DEPTH ? readableFrame(element) : null;
    if (!inner) return element;
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft;
    const topEdge = box.top + element.clientTop;
    // On the frame's border or padding, not its content: the frame element itself.
    if (px < left || py < topEdge || px >= left + element.clientWidth || py >= topEdge + element.clientHeight)
      return element;
    px -= left;
    py -= topEdge;
    doc = inner;
  }
}

/** The element's box in the top document's viewport. */
export function rectInTop(element: Element, top: Document): CssRect {
  const box = element.getBoundingClientRect();
  const offset = frameOffset(element, top);
  return { x: box.left + offset.x, y: box.top + offset.y, width: box.width, height: box.height };
}

/**
 * The part of the top viewport through which an element's document is seen: the top's shown area, cut down
 * to the content box of every frame between (a frame shows only its own viewport, less its scrollbars).
 */
export function visibleArea(element: Element, top: Document, shown: { width: number; height: number }) {
  let area = { left: 0, top: 0, right: shown.width, bottom: shown.height };
  for (let doc = element.ownerDocument; doc && doc !== top;) {
    const frame = doc.defaultView?.frameElement;
    if (!frame) break;
    const corner = rectInTop(frame, top);
    const left = corner.x + frame.clientLeft;
    const topEdge = corner.y + frame.clientTop;
    const root = doc.documentElement;
    const width = Math.min(frame.clientWidth, root?.clientWidth || frame.clientWidth);
    const height = Math.min(frame.clientHeight, root?.clientHeight || frame.clientHeight);
    area = {
      left: Math.max(area.left, left),
      top: Math.max(area.top, topEdge),
      right: Math.min(area.right, left + width),
      bottom: Math.min(area.bottom, topEdge + height),
    };
    doc = frame.ownerDocument;
  }
  return area;
}

export function insideArea(rect: CssRect, area: ReturnType<typeof visibleArea>): boolean {
  // Sub-pixel layout: a box a hundredth of a pixel past the edge still shows whole.
  const slack = 0.01;
  return (
    rect.x >= area.left - slack &&
    rect.y >= area.top - slack &&
    rect.x + rect.width <= area.right + slack &&
    rect.y + rect.height <= area.bottom + slack
  );
}

/** The element's parent for the picker's ↑: past a frame document's <body>, the frame element in its parent. */
export function parentAcrossFrames(element: Element, top: Document): Element | null {
  const doc = element.ownerDocument;
  const parent = element.parentElement;
  if (doc !== top && (!parent || parent === doc.documentElement))
    return doc.defaultView?.frameElement ?? null;
  return parent && parent !== top.documentElement ? parent : null;
}

/** The element's first child for the picker's ↓: into a same-origin frame, its <body>. */
export function childAcrossFrames(element: Element): Element | null {
  return element.firstElementChild ?? readableFrame(element)?.body ?? null;
}

/** `table#roles`, and where it is when that is a frame: `table#roles in the frame https://…/details.html`. */
export function describeInFrames(element: Element, top: Document): string {
  const description = describeElement(element);
  const doc = element.ownerDocument;
  return doc === top ? description : elementAgentText.inFrame(description, doc.URL);
}
