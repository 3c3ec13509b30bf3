import type { SkipLedger } from './skips';

/** A same-origin frame's document, reachable from the top document's script. */
export interface ReadableFrame {
  path: string;
  url: string;
  element: Element;
  doc: Document;
}

export interface FrameSurvey {
  readable: ReadableFrame[];
  otherOrigins: { origin: string; url: string; reason: 'no-permission' }[];
}

/** Deeper nesting than any console uses; stops a page that nests frames without end. */
const MAX_DEPTH = 8;

function frameUrl(element: Element, doc: Document): string {
  const src = element.getAttribute('src') ?? '';
  try {
    return new URL(src === '' ? 'about:blank' : src, doc.baseURI).href;
  } catch {
    return src;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * The same-origin document of a frame element, or null when the frame belongs to another origin (the browser
 * withholds it) or has not loaded. A frame whose document has no body (an empty about:blank) is not content.
 */
export function frameDocument(element: Element): Document | null {
  const frame = element as HTMLIFrameElement;
  const doc = frame.contentDocument;
  if (!doc || !doc.documentElement) return null;
  return doc;
}

/** Frames of `doc` in document order (not those inside shadow roots: consoles put them in the light tree). */
export function frameElements(doc: Document): Element[] {
  return [...doc.querySelectorAll('iframe, frame')];
}

/**
 * Every frame of the page at any depth: same-origin ones with their documents, in document order (a frame
 * before its own frames), other origins by origin. A frame that cannot be inspected at all is counted.
 */
export function surveyFrames(doc: Document, skips: SkipLedger): FrameSurvey {
  const survey: FrameSurvey = { readable: [], otherOrigins: [] };
  const visit = (parent: Document, prefix: string, depth: number) => {
    frameElements(parent).forEach((element, index) => {
      const path = prefix === '' ? `${index + 1}` : `${prefix}.${index + 1}`;
      const url = frameUrl(element, parent);
      let child: Document | null;
      try {
        child = frameDocument(element);
      } catch {
        child = null; // Firefox throws instead of returning null for some cross-origin frames
      }
      if (child === null) {
        const origin = originOf(url);
        // A frame of this page's own origin with no document has not loaded yet: counted, not listed as foreign.
        if (/^https?:/.test(url) && origin !== originOf(parent.URL))
          survey.otherOrigins.push({ origin, url, reason: 'no-permission' });
        else skips.record('frame', element);
        return;
      }
      survey.readable.push({ path, url: child.URL || url, element, doc: child });
      if (depth < MAX_DEPTH) visit(child, path, depth + 1);
      else skips.record('frame', element);
    });
  };
  visit(doc, '', 1);
  return survey;
}

/**
 * Where a same-origin frame's viewport sits in the top document's viewport: the sum of the content-box
 * corners of every frame element between the node's document and `top`. Frames move as the page scrolls:
 * read it when it is needed.
 */
export function frameOffset(node: Node, top: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let doc = node.ownerDocument; doc && doc !== top;) {
    const frame = doc.defaultView?.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
    doc = frame.ownerDocument;
  }
  return { x, y };
}
