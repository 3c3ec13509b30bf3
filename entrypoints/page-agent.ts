import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectPage } from '@/content/collect-page';
import { PageAgent } from '@/content/full-page/agent';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { shadowRootReader } from '@/content/shadow-root-reader';

type AgentGlobal = { __ismsAgent?: PageAgent };

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
