import html2canvas from 'html2canvas-pro';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RENDER_ATTRIBUTE, type RenderReply, type RenderRequest } from '@/utils/page/element-protocol';

/** Every element carrying the mark: in the page and in its same-origin frames (an element picked in a frame). */
function markedElements(doc: Document, depth = 0): Element[] {
  const found = [...doc.querySelectorAll(`[${RENDER_ATTRIBUTE}]`)];
  if (depth >= 8) return found;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null; // another origin
    }
    if (inner?.documentElement) found.push(...markedElements(inner, depth + 1));
  }
  return found;
}

// Injected only when an element is larger than the viewport: re-renders the element the element agent marked
// (it may run in another world than the agent, so the mark is an attribute). The PNG data URL is the result.
export default defineUnlistedScript({
  main: async (): Promise<RenderReply> => {
    const marked = markedElements(globalThis.document);
    const element = marked[0] as HTMLElement | undefined;
    // An element of a frame belongs to the frame's realm: `instanceof HTMLElement` of this one says no.
    if (marked.length !== 1 || !element || typeof element.style !== 'object')
      return { ok: false, error: 'the page changed the element being captured' };
    const doc = element.ownerDocument;
    const view = doc.defaultView ?? window;
    try {
      const request = JSON.parse(element.getAttribute(RENDER_ATTRIBUTE) ?? '') as RenderRequest;
      const started = performance.now();
      const canvas = await html2canvas(element, {
        scale: request.scale,
        height: request.height,
        // Lay the clone out as wide as the page's viewport without its scrollbar: html2canvas clones into a
        // frame without scrollbars, so classic scrollbars (Firefox, Windows) made it wider than the page.
        windowWidth: (doc.scrollingElement ?? doc.documentElement).clientWidth || view.innerWidth,
        windowHeight: (doc.scrollingElement ?? doc.documentElement).clientHeight || view.innerHeight,
        logging: false,
        // Images from other sites would taint the canvas and make it unreadable: leave them out.
        useCORS: false,
        allowTaint: false,
        imageTimeout: 5_000,
        ignoreElements: (node) => node.localName === 'isms-evidence-picker',
      });
      const rendered = performance.now();
      const dataUrl = canvas.toDataURL('image/png');
      return {
        ok: true,
        dataUrl,
        width: canvas.width,
        height: canvas.height,
        renderMs: Math.round(rendered - started),
        encodeMs: Math.round(performance.now() - rendered),
      };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
});
