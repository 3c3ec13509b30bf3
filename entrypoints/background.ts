import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { refreshBadge } from '@/background/badge';
import { captureFromGesture } from '@/background/capture-service';
import { routeMessage } from '@/background/message-router';
import { closePickerSession } from '@/background/picker-sessions';
import { retryTimestamps, TIMESTAMP_ALARM } from '@/background/timestamps/stamp-queue';
import { isSyncAlarm, requestSync, resumeSyncOnStart } from '@/background/sync-runner';
import { popupText } from '@/utils/text';

const CAPTURE_COMMAND = 'capture-visible';
const FULL_PAGE_COMMAND = 'capture-full-page';
const ELEMENT_COMMAND = 'capture-element';

/** A capture from a shortcut or the context menu, then its upload to the team store when there is one. */
const captureAndSync = (...args: Parameters<typeof captureFromGesture>) =>
  captureFromGesture(...args).finally(() => void requestSync());

// A service worker in Chrome, an event page in Firefox (no MV3 service workers there); both stop when idle.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_COMMAND,
      title: popupText.contextMenu,
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CAPTURE_COMMAND) void captureAndSync(tab?.id, 'context-menu', 'visible');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) void captureAndSync(tab?.id, 'command', 'visible');
    if (command === FULL_PAGE_COMMAND) void captureAndSync(tab?.id, 'command', 'full-page');
    if (command === ELEMENT_COMMAND) void captureAndSync(tab?.id, 'command', 'element');
  });
  // A picker belongs to one page: leaving it (or closing the tab) ends the session.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void closePickerSession(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void closePickerSession(tabId));
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TIMESTAMP_ALARM) void retryTimestamps();
  });
  void refreshBadge();
  void retryTimestamps(); // stamps queued while the worker was stopped or the authority was down
  // The team store (nothing happens without one): retries at the alarm's time, and on every start a worker
  // stopped mid-upload left behind.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void requestSync();
  });
  void resumeSyncOnStart();

  // Test builds only (`wxt build --mode e2e`, never packaged): headless Chromium cannot press a shortcut
  // or open a context menu, so the end-to-end suite calls the handler both listeners call. Production
  // builds drop this block at build time (tests/e2e/gesture.test.ts checks the shipped file).
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      handleCaptureTrigger: ({
        tabId,
        trigger,
        scope = 'visible',
      }: {
        tabId: number;
        trigger: 'command' | 'context-menu';
        scope?: 'visible' | 'full-page' | 'element';
      }) => captureAndSync(tabId, trigger, scope),
    });
  }
});
