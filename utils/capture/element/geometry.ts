import type { Rect } from '../rect';

/** A rectangle in CSS pixels of the viewport (as getBoundingClientRect gives it). */
export type CssRect = Rect;

/** A rectangle of whole image pixels, inside the screenshot. */
export type PixelRect = Rect;

export interface Size {
  width: number;
  height: number;
}

export type SelectionKind = 'element' | 'region';

/**
 * How the pixels of an element or region capture are made: cropped from the browser's own screenshot,
 * or (an element larger than the viewport) re-rendered from the DOM by html2canvas-pro.
 */
export type ElementMethod = 'element-crop' | 'region-crop' | 'html2canvas';

/** A drag shorter than this (CSS px, either side) is a click, not a region. */
export const MIN_REGION_SIZE = 4;

/** The rectangle a drag from `start` to `end` spans, whichever way the pointer went. */
export function dragRect(start: { x: number; y: number }, end: { x: number; y: number }): CssRect {
  return {
    x: Math.min(start.x, end.x),
    y: Math.min(start.y, end.y),
    width: Math.abs(end.x - start.x),
    height: Math.abs(end.y - start.y),
  };
}

export function isRegionDrag(rect: CssRect): boolean {
  return rect.width >= MIN_REGION_SIZE && rect.height >= MIN_REGION_SIZE;
}

/** Whether the rectangle can be shown whole in the viewport (after scrolling it into view if need be). */
export function fitsViewport(size: Size, viewport: Size): boolean {
  return size.width <= viewport.width && size.height <= viewport.height;
}

/** Whether the rectangle is on screen in full right now. */
export function isFullyVisible(rect: CssRect, viewport: Size): boolean {
  return (
    rect.x >= 0 &&
    rect.y >= 0 &&
    rect.x + rect.width <= viewport.width &&
    rect.y + rect.height <= viewport.height
  );
}

/** Real pixels whenever the selection fits the viewport; a DOM re-rendering only when it cannot. */
export function chooseMethod(kind: SelectionKind, size: Size, viewport: Size): ElementMethod {
  if (kind === 'region') return 'region-crop'; // drawn on screen, so on screen by construction
  return fitsViewport(size, viewport) ? 'element-crop' : 'html2canvas';
}

/** The part of the rectangle inside the viewport, or null when none of it is. */
export function clampToViewport(rect: CssRect, viewport: Size): CssRect | null {
  const left = Math.max(0, rect.x);
  const top = Math.max(0, rect.y);
  const right = Math.min(viewport.width, rect.x + rect.width);
  const bottom = Math.min(viewport.height, rect.y + rect.height);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The screenshot pixels of a viewport rectangle. `scale` is image pixels per CSS pixel (the device pixel
 * ratio times the zoom, best measured as screenshot width / viewport width). Edges are rounded outwards so
 * that no part of the selection is cut, and the result stays inside the image.
 */
export function cropRect(rect: CssRect, viewport: Size, scale: number, image: Size): PixelRect | null {
  const visible = clampToViewport(rect, viewport);
  if (!visible) return null;
  // A hair of tolerance: 100.00000001 × 2 must not become 201 pixels.
  const snap = (value: number) => Math.round(value * 1e6) / 1e6;
  const x0 = Math.max(0, Math.floor(snap(visible.x * scale)));
  const y0 = Math.max(0, Math.floor(snap(visible.y * scale)));
  const x1 = Math.min(image.width, Math.ceil(snap((visible.x + visible.width) * scale)));
  const y1 = Math.min(image.height, Math.ceil(snap((visible.y + visible.height) * scale)));
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Canvas limits shared by the browsers we support (Chromium and Firefox cap a side at 32,767; area matters too). */
export const MAX_RENDER_SIDE = 16_384;

/**
 * The CSS height html2canvas may render of an element, so that the image stays within canvas limits;
 * `cut` says when the element is taller than that.
 */
export function renderHeight(height: number, scale: number): { height: number; cut: boolean } {
  const limit = Math.floor(MAX_RENDER_SIDE / Math.max(scale, 1e-6));
  return height > limit ? { height: limit, cut: true } : { height: Math.ceil(height), cut: false };
}
