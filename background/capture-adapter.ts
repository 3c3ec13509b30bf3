import { browser } from 'wxt/browser';
import type { CaptureAdapter } from '@/utils/capture/capture-visible';
import type { CommitAdapter } from '@/utils/capture/pipeline';
import { parseBrowser } from '@/utils/capture/user-agent';
import type { PageSnapshot } from '@/utils/page/types';
import { rankSuggestions } from '@/utils/rules/suggest';
import { getDatabase } from '@/storage/db';
import { saveCapture } from '@/storage/evidence-repository';
import { refreshBadge } from './badge';
import { stampAfterCapture } from './timestamps/stamp-queue';
import {
  readEffectiveCapturer,
  readEffectiveMappingRules,
  readEffectiveOrganisation,
} from '@/platform/effective-settings';
import { dataUrlToBlob, toDataUrl } from './images/data-url';
import { renderImages } from './images/render-images';
import { captureErrorText } from '@/utils/text';

/** The browser side of a capture, for the background context. */
export function browserCaptureAdapter(): CaptureAdapter {
  return {
    async getTab(tabId) {
      const tab = await browser.tabs.get(tabId);
      if (tab.id === undefined) throw new Error(`No tab with id ${tabId}`);
      return {
        id: tab.id,
        windowId: tab.windowId ?? browser.windows.WINDOW_ID_CURRENT,
        url: tab.url,
        title: tab.title,
      };
    },
    async captureVisibleTab(windowId) {
      const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      return dataUrlToBlob(dataUrl);
    },
    async collectPage(tabId) {
      const [injection] = await browser.scripting.executeScript({
        target: { tabId },
        files: ['/collector.js'],
      });
      const snapshot = injection?.result as PageSnapshot | undefined;
      if (!snapshot || typeof snapshot.text !== 'string') {
        throw new Error(captureErrorText.noContent);
      }
      return snapshot;
    },
    renderImages,
    async rankSuggestions(page) {
      return rankSuggestions(await readEffectiveMappingRules(getDatabase()), page);
    },
    capturer: () => readEffectiveCapturer(getDatabase()),
    organisation: () => readEffectiveOrganisation(getDatabase()),
    environment: () => ({
      browser: parseBrowser(navigator.userAgent),
      extensionVersion: browser.runtime.getManifest().version,
    }),
    now: () => new Date(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  };
}

/** Where every kind of capture is committed: one transaction in the database, then the badge's count. */
export function browserCommitAdapter(): CommitAdapter {
  return {
    async save(prepared, capturer, trigger) {
      const { evidence, custody } = await saveCapture(getDatabase(), prepared, capturer, { trigger });
      void refreshBadge();
      void stampAfterCapture(custody); // after the record is stored, never awaited: the TSA never delays a capture
      return evidence;
    },
    thumbnailDataUrl: toDataUrl,
  };
}
