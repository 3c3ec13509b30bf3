import { formatLocalTime, formatUtcTime } from './time';

export interface StampFacts {
  evidenceId: string;
  url: string;
  capturedAt: Date;
  timeZone: string;
  capturer: string;
}

export interface StampLayout {
  /** Band height in image pixels; the band is added above the screenshot and covers nothing. */
  bandHeight: number;
  fontSize: number;
  lineHeight: number;
  padding: number;
  lines: string[];
}

/** Measures the width of a line of text at the given font size, in pixels. */
export type MeasureText = (text: string, fontSize: number) => number;

const MAX_URL_LINES = 3;

/**
 * Lays out the banner burned into the stamped image: who, when (local with offset, and UTC), where
 * (the full URL, wrapped rather than cut, up to three lines) and which evidence ID.
 */
export function layoutStamp(
  facts: StampFacts,
  imageWidth: number,
  scale: number,
  measure: MeasureText,
): StampLayout {
  const fontSize = Math.round(13 * scale);
  const lineHeight = Math.round(18 * scale);
  const padding = Math.round(8 * scale);
  const maxWidth = imageWidth - padding * 2;
  const lines = [
    `Evidence ${facts.evidenceId} · captured by ${facts.capturer || 'unknown capturer'}`,
    `Local ${formatLocalTime(facts.capturedAt, facts.timeZone)} (${facts.timeZone}) · UTC ${formatUtcTime(facts.capturedAt)}`,
    ...wrap(`URL ${facts.url}`, maxWidth, fontSize, measure, MAX_URL_LINES),
  ];
  return { bandHeight: padding * 2 + lines.length * lineHeight, fontSize, lineHeight, padding, lines };
}

/** Breaks text into lines that fit, by characters (URLs have no spaces); the last line ends in … when cut. */
function wrap(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: MeasureText,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < maxLines) {
    let fit = fitLength(rest, maxWidth, fontSize, measure);
    if (lines.length === maxLines - 1 && fit < rest.length) {
      fit = fitLength(rest, maxWidth - measure('…', fontSize), fontSize, measure);
      lines.push(`${rest.slice(0, fit)}…`);
      return lines;
    }
    lines.push(rest.slice(0, fit));
    rest = rest.slice(fit);
  }
  return lines;
}

/** Longest prefix (at least one character) that fits, by binary search. */
function fitLength(text: string, maxWidth: number, fontSize: number, measure: MeasureText): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, middle), fontSize) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low;
}
