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

/** Runs one agent step in the page's isolated world, where the injected agent lives. */
export async function runStep<K extends AgentStep['kind']>(
  tabId: number,
  step: Extract<AgentStep, { kind: K }>,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<StepResults[K]> {
  const [injection] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId },
      func: async (agentStep: AgentStep) => {
        const agent = (globalThis as { __ismsAgent?: { run(step: AgentStep): Promise<unknown> } })
          .__ismsAgent;
        if (!agent) return { ok: false, error: 'gone' };
        try {
          return { ok: true, value: await agent.run(agentStep) };
        } catch (error) {
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      },
      args: [step],
    }),
    timeoutMs,
  );
  const reply = injection?.result as
    { ok: true; value: StepResults[K] } | { ok: false; error: string } | undefined;
  if (!reply || (!reply.ok && reply.error === 'gone')) throw navigated();
  if (!reply.ok) throw new CaptureError('collector-failed', captureErrorText.pageNotPrepared(reply.error));
  return reply.value;
}
