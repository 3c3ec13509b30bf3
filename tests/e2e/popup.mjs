// The popup's contract, step by step: shared by the e2e tests, `npm start` and `npm run bench`.
/* global document */

/**
 * Clicks "capture" in the popup and waits for the tagging view or an error sentence.
 * @returns {Promise<{ outcome: 'tagging' } | { outcome: 'error', message: string }>}
 */
export async function captureFromPopup(popup, timeout = 20_000) {
  await popup.click('button[data-testid="capture-visible"]');
  await popup.waitForFunction(
    () => document.querySelector('[data-testid="tagging"], [data-testid="capture-error"]') !== null,
    { timeout, description: 'the tagging view or a capture error' },
  );
  const message = await popup.text('[data-testid="capture-error"]');
  return message === null ? { outcome: 'tagging' } : { outcome: 'error', message: message.trim() };
}

/** The control ids of the checked boxes in the tagging view. */
export function checkedControls(popup) {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="tagging"] input[type=checkbox][data-control-id]')]
      .filter((box) => box.checked)
      .map((box) => box.dataset.controlId ?? ''),
  );
}

/** Types notes, optionally sets the effective date, saves, and returns the saved message. */
export async function saveTagging(popup, { notes, effectiveDate } = {}) {
  if (notes !== undefined) await popup.type('textarea[data-testid="notes"]', notes);
  if (effectiveDate !== undefined)
    await popup.fill('input[type=date][data-testid="effective-date"]', effectiveDate);
  await popup.click('button[data-testid="save-tagging"]');
  await popup.waitFor('[data-testid="saved-message"]');
  return (await popup.text('[data-testid="saved-message"]')) ?? '';
}

/** The id of the tab the popup acts on, and its window: the active tab of the popup's window. */
export async function popupTab(popup) {
  return popup.evaluate(
    'chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => ({ tabId: tab.id, windowId: tab.windowId }))',
  );
}

/** The toolbar badge text on a tab, as the extension's own pages can read it. */
export function badgeText(popup, tabId) {
  return popup.evaluate(`chrome.action.getBadgeText({ tabId: ${Number(tabId)} })`);
}
