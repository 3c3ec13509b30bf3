import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ElementAgent } from '@/content/element/agent';
import { ElementPicker } from '@/content/element/picker';
import type { PickerMessage } from '@/utils/messages/picker';
import { shadowRootReader } from '@/content/shadow-root-reader';

interface ElementGlobal {
  __ismsElement?: { agent: ElementAgent; start(token: string, timeoutMs: number): void };
}

// Injected on demand with scripting.executeScript({ files: ['/picker.js'] }) into the extension's isolated world,
// then started with the session's token; the page's own scripts can reach neither the token nor the agent.
export default defineUnlistedScript({
  main: () => {
    const scope = globalThis as ElementGlobal;
    if (scope.__ismsElement) return true;
    const agent = new ElementAgent(document, window, shadowRootReader());
    let picker: ElementPicker | null = null;
    scope.__ismsElement = {
      agent,
      start(token, timeoutMs) {
        picker?.remove();
        picker = new ElementPicker(document, window, {
          timeoutMs,
          onDone: (choice, selection) => {
            if (selection) agent.select(selection);
            const message: PickerMessage = { type: 'pickerResult', token, choice };
            browser.runtime.sendMessage(message).catch(() => {});
          },
        });
      },
    };
    return true;
  },
});
