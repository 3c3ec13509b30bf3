import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectPage } from '@/utils/page/collect-page';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import type { ShadowRootReader } from '@/utils/page/types';

type ExtensionDom = { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };

/** Extensions may read closed shadow roots too: chrome.dom in Chromium, a property on Element in Firefox. */
function shadowRootReader(): ShadowRootReader {
  const chromeDom = (globalThis as { chrome?: { dom?: ExtensionDom } }).chrome?.dom;
  const openOrClosed = chromeDom?.openOrClosedShadowRoot;
  if (openOrClosed)
    return (element) => openOrClosed.call(chromeDom, element as HTMLElement) ?? element.shadowRoot;
  return (element) =>
    (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    element.shadowRoot;
}

// Injected on demand by the background with scripting.executeScript({ files: ['/collector.js'] }): the returned
// PageSnapshot is the injection result.
export default defineUnlistedScript({
  main: () => collectPage(document, window, { ...DEFAULT_LIMITS, shadowRootOf: shadowRootReader() }),
});
