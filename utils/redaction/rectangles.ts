import type { Rect } from '../capture/rect';
import { blackoutProblemText, blackoutText } from '../text';

/**
 * Manual black-out geometry. Rectangles are kept as fractions of the image (0–1), so the same
 * rectangle means the same area on the small preview, the original and the stamped image alike.
 */
export type FractionRect = Rect;

/** A rectangle in whole image pixels, as recorded in the metadata and the custody log. */
export type PixelRect = Rect;

export const MAX_RECTANGLES = 50;
/** Smaller drags are clicks or slips, not areas to black out. */
export const MIN_DRAG_PIXELS = 3;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The rectangle spanned by a drag between two points on a preview of the given size, clipped to it. */
export function rectFromDrag(
  start: { x: number; y: number },
  end: { x: number; y: number },
  preview: { width: number; height: number },
): FractionRect | null {
  const x0 = clamp01(Math.min(start.x, end.x) / preview.width);
  const y0 = clamp01(Math.min(start.y, end.y) / preview.height);
  const x1 = clamp01(Math.max(start.x, end.x) / preview.width);
  const y1 = clamp01(Math.max(start.y, end.y) / preview.height);
  if ((x1 - x0) * preview.width < MIN_DRAG_PIXELS || (y1 - y0) * preview.height < MIN_DRAG_PIXELS)
    return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Percent fields (as typed by keyboard users) to a rectangle, clipped to the image; null when empty. */
export function rectFromPercent(fields: {
  x: number;
  y: number;
  width: number;
  height: number;
}): FractionRect | null {
  if (![fields.x, fields.y, fields.width, fields.height].every(Number.isFinite)) return null;
  const x0 = clamp01(fields.x / 100);
  const y0 = clamp01(fields.y / 100);
  const x1 = clamp01((fields.x + fields.width) / 100);
  const y1 = clamp01((fields.y + fields.height) / 100);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Moves a rectangle by a fraction of the image, keeping it whole inside the image (arrow keys). */
export function moveRect(rect: FractionRect, dx: number, dy: number): FractionRect {
  return {
    ...rect,
    x: Math.min(1 - rect.width, Math.max(0, rect.x + dx)),
    y: Math.min(1 - rect.height, Math.max(0, rect.y + dy)),
  };
}

/** Grows or shrinks a rectangle from its top-left corner, within the image and never below 1 %. */
export function resizeRect(rect: FractionRect, dw: number, dh: number): FractionRect {
  return {
    ...rect,
    width: Math.min(1 - rect.x, Math.max(0.01, rect.width + dw)),
    height: Math.min(1 - rect.y, Math.max(0.01, rect.height + dh)),
  };
}

/**
 * The pixels a rectangle covers on an image: edges rounded outwards, so that no partly covered
 * pixel (and no anti-aliased fringe of a glyph) survives; clipped to the image.
 */
export function toPixelRect(rect: FractionRect, imageWidth: number, imageHeight: number): PixelRect {
  // Float noise (0.1 + 0.2 = 0.30000000000000004) must not widen an edge by a whole pixel.
  const down = (value: number) => Math.floor(value + 1e-9);
  const up = (value: number) => Math.ceil(value - 1e-9);
  const x0 = Math.max(0, down(rect.x * imageWidth));
  const y0 = Math.max(0, down(rect.y * imageHeight));
  const x1 = Math.min(imageWidth, up((rect.x + rect.width) * imageWidth));
  const y1 = Math.min(imageHeight, up((rect.y + rect.height) * imageHeight));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** Why a list of rectangles sent for black-out cannot be applied, or null. */
export function rectanglesProblem(rects: unknown): string | null {
  if (!Array.isArray(rects) || rects.length === 0) return blackoutProblemText.noArea;
  if (rects.length > MAX_RECTANGLES) return blackoutProblemText.tooMany(MAX_RECTANGLES);
  for (const rect of rects as Partial<FractionRect>[]) {
    const { x, y, width, height } = rect ?? {};
    const numbers = [x, y, width, height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)))
      return blackoutProblemText.notRectangle;
    if (x! < 0 || y! < 0 || width! <= 0 || height! <= 0 || x! + width! > 1.000001 || y! + height! > 1.000001)
      return blackoutProblemText.outside;
  }
  return null;
}

/** A rectangle as percent of the image, for labels: "x 10–35 %, y 40–48 %". */
export function describeRect(rect: FractionRect): string {
  const pct = (value: number) => Math.round(value * 1000) / 10;
  return blackoutText.describe(pct(rect.x), pct(rect.x + rect.width), pct(rect.y), pct(rect.y + rect.height));
}
