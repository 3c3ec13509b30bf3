/** The toolbar popup, its badge and menu, and the tagging panel. */
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
  captureElement: 'Capture element or region',
  capturingTile: (done: number, planned: number) => `Capturing tile ${done} of ${planned}…`,
  preparingPage: 'Preparing the page…',
  maskSecrets: 'Mask secrets (e-mail addresses, tokens, keys) in captures',
  maskingLocked: ' — set by your organisation',
  shortcuts: 'Shortcuts',
  altKey: 'Alt',
  shiftKey: 'Shift',
  visibleArea: 'visible area,',
  fullPageShortcut: 'whole page,',
  elementOrRegion: 'element or region',
  capturingAs: '· capturing as',
  /** Stands in for the capturer's name for the moment the popup reads it from storage. */
  capturerPending: '…',
  coveragePending: 'Reading coverage…',
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
  /** A weaker match: offered, not ticked. */
  alsoSuggested: 'possible',
  /** Why a control is suggested, e.g. "Suggested: the title says “backup”; the text says “backup job” 12 times." */
  suggestionReason: (
    reasons: readonly { place: string; words: readonly string[]; count: number }[],
    ticked: boolean,
  ) => {
    const quoted = (words: readonly string[]) => words.map((word) => `“${word}”`).join(', ');
    const parts = reasons.map(({ place, words, count }) => {
      if (place === 'address') return `the address matches ${quoted(words)}`;
      const times = count > 1 ? ` (${count} times)` : '';
      const where = place === 'heading' ? 'a heading' : `the ${place}`;
      return `${where} says ${quoted(words)}${times}`;
    });
    const lead = ticked ? 'Ticked because' : 'Not ticked, a weaker match:';
    return `${lead} ${parts.join('; ')}.`;
  },
  effectiveDateMissing: 'Choose the effective date: the day this evidence attests to.',
  dateHint: 'the day this evidence attests to',
  openBlackout: 'Black out areas of the screenshot…',
  closeBlackout: 'Close black-out',
  screenshotToBlackOut: (title: string) => `Screenshot of ${title} to black out`,
  saveWithout: 'Save without controls',
  saveWith: (count: number) => `Save with ${count} control(s)`,
};
