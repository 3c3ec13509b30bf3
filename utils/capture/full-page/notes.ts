// The sentences a full-page capture writes into its metadata when the image is not the whole page as asked.

const px = (value: number) => `${value.toLocaleString('en-US')} px`;

export function timeBudgetNote(tiles: number, seconds: number, covered: number, grew: boolean): string {
  const why = grew
    ? 'the page kept growing while it was captured'
    : 'the page is taller than fits in that time';
  return `The capture stopped after ${tiles} tiles (${seconds} s, the limit that keeps a capture within a minute): ${why}. It holds the first ${px(covered)} of the content.`;
}

export function endlessScrollNote(growths: number, covered: number): string {
  return `The page kept adding content at its bottom while it was captured (endless scrolling): the capture stopped after the page had grown ${growths} times and holds the first ${px(covered)} of the content. Content loaded later is not in the image.`;
}

export function heightCapNote(pageHeight: number, captured: number, maxHeight: number): string {
  return `The page is ${px(pageHeight)} tall; the capture holds its first ${px(captured)} (limit ${px(maxHeight)} for the whole image).`;
}

export function gapNote(gap: number, scrollTop: number): string {
  return `The page did not scroll where asked: ${gap} px of content before ${scrollTop} px are missing from the image.`;
}

export function stoppedScrollingNote(scrollTop: number): string {
  return `The page stopped scrolling at ${scrollTop} px (it blocks or resets scrolling); the image ends there.`;
}

export function partsNote(parts: number, maxPartHeight: number): string {
  return `The image is ${parts} parts (original-1.png … original-${parts}.png), top to bottom: canvases are limited to ${maxPartHeight.toLocaleString('en-US')} px.`;
}
