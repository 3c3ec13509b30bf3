/**
 * The toolbar popup, its badge and menu, and the tagging panel. The popup's screen (PopupApp, TaggingPanel,
 * popup/main) is converted to these words after the work on it merges; until then it holds copies inline.
 */
export const popupText = {
  badgeTitle: (needsReview: number) =>
    needsReview > 0
      ? `Capture audit evidence — ${needsReview} capture(s) need review`
      : 'Capture audit evidence',
  contextMenu: 'Capture as audit evidence',
  dashboard: 'Dashboard',
  capture: 'Capture',
  capturing: 'Capturing…',
  captureVisible: 'Capture visible area',
  fullPage: 'Full page',
  capturingTile: (done: number, planned: number) => `Capturing tile ${done} of ${planned}…`,
  preparingPage: 'Preparing the page…',
  maskSecrets: 'Mask secrets (e-mail addresses, tokens, keys) in captures',
  shortcut: 'Shortcut',
  capturingAs: '· capturing as',
  savedWith: (id: string, controls: readonly string[]) =>
    `Saved ${id} with ${controls.length ? controls.join(', ') : 'no controls'}.`,
  needsReviewLabel: 'Captures that need review',
  needsReview: (count: number) => `Needs review (${count})`,
  noControls: 'no controls',
  noActiveTab: 'Capture failed: no active tab in this window.',
};

export const taggingText = {
  label: (id: string) => `Tag evidence ${id}`,
  screenshotOf: (title: string) => `Screenshot of ${title}`,
  controlsShown: 'Controls this evidence shows',
  noneSuggested: 'No control suggested for this page: add one below.',
  suggested: 'suggested',
  effectiveDateMissing: 'Choose the effective date: the day this evidence attests to.',
  saveWithout: 'Save without controls',
  saveWith: (count: number) => `Save with ${count} control(s)`,
};
