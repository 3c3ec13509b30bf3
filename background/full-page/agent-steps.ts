import { browser } from 'wxt/browser';
import { CaptureError } from '@/utils/capture/errors';
import type { AgentStep, StepResults } from '@/utils/page/full-page-protocol';
import { withTimeout } from '@/utils/capture/timeout';
import { captureErrorText } from '@/utils/text';

const STEP_TIMEOUT_MS = 20_000;

export function navigated(): CaptureError {
  return new CaptureError('tab-navigated', captureErrorText.pageChanged);
}

/** Injects the page agent into the tab's isolated world (once per document; it keeps itself). */
export async function injectAgent(tabId: number, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  await withTimeout(
    browser.scripting.executeScript({ target: { tabId }, files: ['/page-agent.js'] }),
    timeoutMs,
  );
}

/** Where each injected agent keeps itself in the page's isolated world. */
export type AgentHome = 'page-agent' | 'element-agent';

/**
 * Runs one step of an agent that an earlier injection left in the page's isolated world. A missing agent means
 * the page navigated (its world is gone); an agent's own error becomes the capture's error through `failure`.
 */
export async function runAgentStep<Result>(
  tabId: number,
  home: AgentHome,
  step: { kind: string },
  failure: (message: string) => string,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<Result> {
  const [injection] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page: self-contained, its inputs only from `args`.
      func: async (where: AgentHome, agentStep: { kind: string }) => {
        type Agent = { run(step: { kind: string }): Promise<unknown> };
        const scope = globalThis as { __ismsAgent?: Agent; __ismsElement?: { agent: Agent } };
        const agent = where === 'page-agent' ? scope.__ismsAgent : scope.__ismsElement?.agent;
        if (!agent) return { ok: false, error: 'gone' };
        try {
          return { ok: true, value: await agent.run(agentStep) };
        } catch (error) {
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      },
      args: [home, step],
    }),
    timeoutMs,
  );
  const reply = injection?.result as { ok: true; value: Result } | { ok: false; error: string } | undefined;
  if (!reply || (!reply.ok && reply.error === 'gone')) throw navigated();
  if (!reply.ok) throw new CaptureError('collector-failed', failure(reply.error));
  return reply.value;
}

/** Runs one step of the full-page agent. */
export function runStep<K extends AgentStep['kind']>(
  tabId: number,
  step: Extract<AgentStep, { kind: K }>,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<StepResults[K]> {
  return runAgentStep<StepResults[K]>(tabId, 'page-agent', step, captureErrorText.pageNotPrepared, timeoutMs);
}
