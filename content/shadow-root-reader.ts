import { HTML_NAMESPACE } from './dom';
import type { SkipLedger } from './skips';
import type { ShadowRootReader } from '@/utils/page/types';

type ExtensionDom = { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
type ExtensionGlobal = { browser?: { dom?: ExtensionDom }; chrome?: { dom?: ExtensionDom } };

/** `browser.dom` (Chromium 148+) or `chrome.dom` (Chromium 88+); Firefox has neither. */
function extensionDom(): ExtensionDom | undefined {
  const scope = globalThis as ExtensionGlobal;
  for (const dom of [scope.browser?.dom, scope.chrome?.dom]) {
    if (typeof dom?.openOrClosedShadowRoot === 'function') return dom;
  }
  return undefined;
}

function openRoot(element: Element): ShadowRoot | null {
  try {
    return element.shadowRoot ?? null;
  } catch {
    return null;
  }
}

/**
 * For scripts injected into a page: extensions may read closed shadow roots too, through `dom.openOrClosedShadowRoot`
 * in Chromium and a property on Element in Firefox; open roots otherwise. Never throws: Chromium's call rejects
 * anything that is not an HTMLElement of the calling realm (SVG and MathML elements, elements made in a frame and
 * adopted into this document), and a page may override the getters. Such an element is read for its open root
 * only and counted in `skips`.
 */
export function shadowRootReader(skips?: SkipLedger): ShadowRootReader {
  const dom = extensionDom();
  const readClosed = dom
    ? (element: Element) => dom.openOrClosedShadowRoot!.call(dom, element as HTMLElement)
    : (element: Element) =>
        (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  return (element) => {
    // Only HTML elements can host a shadow root: the others are not even asked.
    if (element.namespaceURI !== HTML_NAMESPACE) return null;
    try {
      return readClosed(element) ?? openRoot(element);
    } catch {
      skips?.record('shadowRoot', element);
      return openRoot(element);
    }
  };
}
