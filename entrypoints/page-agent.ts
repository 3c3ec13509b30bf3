import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectPage } from '@/utils/page/collect-page';
import { PageAgent } from '@/utils/page/full-page/agent';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import type { ShadowRootReader } from '@/utils/page/types';

type ExtensionDom = { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
type AgentGlobal = { __ismsAgent?: PageAgent };

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

// Injected once per capture with scripting.executeScript({ files: ['/page-agent.js'] }) into the extension's
// isolated world; the background then runs each step with executeScript({ func, args }) on the same world,
// where `globalThis.__ismsAgent` is this agent.
export default defineUnlistedScript({
  main: () => {
    const scope = globalThis as AgentGlobal;
    if (!scope.__ismsAgent) {
      const shadowRootOf = shadowRootReader();
      scope.__ismsAgent = new PageAgent(document, window, {
        shadowRootOf,
        collect: () => collectPage(document, window, { ...DEFAULT_LIMITS, shadowRootOf }),
      });
    }
    return true;
  },
});
