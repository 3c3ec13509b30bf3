/** The toolbar button, its badge and menu. (The popup's own screen still holds its words; see README.) */
export const popupText = {
  badgeTitle: (needsReview: number) =>
    needsReview > 0
      ? `Capture audit evidence — ${needsReview} capture(s) need review`
      : 'Capture audit evidence',
  contextMenu: 'Capture as audit evidence',
};
