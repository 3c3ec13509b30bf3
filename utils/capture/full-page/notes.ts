import { fullPageNoteText } from '../../text';

// The sentences a full-page capture writes into its metadata when the image is not the whole page as asked.

export function timeBudgetNote(tiles: number, seconds: number, covered: number, grew: boolean): string {
  const why = grew ? fullPageNoteText.keptGrowing : fullPageNoteText.tooTall;
  return fullPageNoteText.timeBudget(tiles, seconds, covered, why);
}

export function endlessScrollNote(growths: number, covered: number): string {
  return fullPageNoteText.endlessScroll(growths, covered);
}

export function heightCapNote(pageHeight: number, captured: number, maxHeight: number): string {
  return fullPageNoteText.heightCap(pageHeight, captured, maxHeight);
}

export function gapNote(gap: number, scrollTop: number): string {
  return fullPageNoteText.gap(gap, scrollTop);
}

export function stoppedScrollingNote(scrollTop: number): string {
  return fullPageNoteText.stoppedScrolling(scrollTop);
}

export function partsNote(parts: number, maxPartHeight: number): string {
  return fullPageNoteText.parts(parts, maxPartHeight);
}
