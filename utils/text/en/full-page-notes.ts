const px = (value: number) => `${value.toLocaleString('en-US')} px`;

/** What a full-page capture's metadata says when the image is not the whole page as asked. */
export const fullPageNoteText = {
  keptGrowing: 'the page kept growing while it was captured',
  tooTall: 'the page is taller than fits in that time',
  timeBudget: (tiles: number, seconds: number, covered: number, why: string) =>
    `The capture stopped after ${tiles} tiles (${seconds} s, the limit that keeps a capture within a minute): ${why}. It holds the first ${px(covered)} of the content.`,
  endlessScroll: (growths: number, covered: number) =>
    `The page kept adding content at its bottom while it was captured (endless scrolling): the capture stopped after the page had grown ${growths} times and holds the first ${px(covered)} of the content. Content loaded later is not in the image.`,
  heightCap: (pageHeight: number, captured: number, maxHeight: number) =>
    `The page is ${px(pageHeight)} tall; the capture holds its first ${px(captured)} (limit ${px(maxHeight)} for the whole image).`,
  gap: (gap: number, scrollTop: number) =>
    `The page did not scroll where asked: ${gap} px of content before ${scrollTop} px are missing from the image.`,
  stoppedScrolling: (scrollTop: number) =>
    `The page stopped scrolling at ${scrollTop} px (it blocks or resets scrolling); the image ends there.`,
  parts: (parts: number, maxPartHeight: number) =>
    `The image is ${parts} parts (original-1.png … original-${parts}.png), top to bottom: canvases are limited to ${maxPartHeight.toLocaleString('en-US')} px.`,
};
