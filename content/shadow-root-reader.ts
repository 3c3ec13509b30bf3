import type { ShadowRootReader } from '@/utils/page/types';

type ExtensionDom = { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };

/**
 * For scripts injected into a page: extensions may read closed shadow roots too, through chrome.dom in
 * Chromium and a property on Element in Firefox; open roots otherwise.
 */
export function shadowRootReader(): ShadowRootReader {
  const chromeDom = (globalThis as { chrome?: { dom?: ExtensionDom } }).chrome?.dom;
  const openOrClosed = chromeDom?.openOrClosedShadowRoot;
  if (openOrClosed)
    return (element) => openOrClosed.call(chromeDom, element as HTMLElement) ?? element.shadowRoot;
  return (element) =>
    (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    element.shadowRoot;
}
