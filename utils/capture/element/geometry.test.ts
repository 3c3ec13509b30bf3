import { describe, expect, it } from 'vitest';
import {
  chooseMethod,
  clampToViewport,
  cropRect,
  dragRect,
  fitsViewport,
  isFullyVisible,
  isRegionDrag,
  MAX_RENDER_SIDE,
  renderHeight,
} from './geometry';

const VIEWPORT = { width: 1280, height: 800 };

describe('dragRect', () => {
  it('spans the drag whichever way the pointer went', () => {
    const expected = { x: 100, y: 50, width: 200, height: 150 };
    expect(dragRect({ x: 100, y: 50 }, { x: 300, y: 200 })).toEqual(expected);
    expect(dragRect({ x: 300, y: 200 }, { x: 100, y: 50 })).toEqual(expected);
    expect(dragRect({ x: 300, y: 50 }, { x: 100, y: 200 })).toEqual(expected);
  });

  it('treats a few pixels of jitter as a click, not a region', () => {
    expect(isRegionDrag(dragRect({ x: 10, y: 10 }, { x: 13, y: 40 }))).toBe(false);
    expect(isRegionDrag(dragRect({ x: 10, y: 10 }, { x: 14, y: 14 }))).toBe(true);
  });
});

describe('choosing real pixels or a DOM re-rendering', () => {
  it('crops whatever fits the viewport, even when it is scrolled out of view now', () => {
    expect(chooseMethod('element', { width: 1280, height: 800 }, VIEWPORT)).toBe('element-crop');
    expect(fitsViewport({ width: 400, height: 200 }, VIEWPORT)).toBe(true);
    expect(isFullyVisible({ x: 0, y: 900, width: 400, height: 200 }, VIEWPORT)).toBe(false);
  });

  it('re-renders an element taller or wider than the viewport', () => {
    expect(chooseMethod('element', { width: 900, height: 801 }, VIEWPORT)).toBe('html2canvas');
    expect(chooseMethod('element', { width: 1281, height: 100 }, VIEWPORT)).toBe('html2canvas');
  });

  it('always crops a region: it was drawn on screen', () => {
    expect(chooseMethod('region', { width: 300, height: 100 }, VIEWPORT)).toBe('region-crop');
  });
});

describe('cropRect', () => {
  const image1x = { width: 1280, height: 800 };
  const image2x = { width: 2560, height: 1600 };

  it('maps CSS pixels to screenshot pixels at the device pixel ratio', () => {
    expect(cropRect({ x: 20, y: 80, width: 400, height: 186 }, VIEWPORT, 1, image1x)).toEqual({
      x: 20,
      y: 80,
      width: 400,
      height: 186,
    });
    expect(cropRect({ x: 20, y: 80, width: 400, height: 186 }, VIEWPORT, 2, image2x)).toEqual({
      x: 40,
      y: 160,
      width: 800,
      height: 372,
    });
  });

  it('rounds fractional edges outwards, so nothing of the selection is cut', () => {
    expect(
      cropRect({ x: 10.5, y: 20.25, width: 100.5, height: 50.5 }, VIEWPORT, 1.5, {
        width: 1920,
        height: 1200,
      }),
    ).toEqual({ x: 15, y: 30, width: 152, height: 77 }); // 15.75→15, 30.375→30, 166.5→167, 106.125→107
  });

  it('does not grow a pixel from floating-point noise', () => {
    expect(
      cropRect({ x: 0.1 + 0.2, y: 0, width: 100, height: 10 }, VIEWPORT, 10, {
        width: 12800,
        height: 8000,
      }),
    ).toMatchObject({ x: 3, width: 1000 });
  });

  it('clamps to the viewport and the image', () => {
    expect(clampToViewport({ x: -20, y: 700, width: 100, height: 300 }, VIEWPORT)).toEqual({
      x: 0,
      y: 700,
      width: 80,
      height: 100,
    });
    expect(cropRect({ x: -20, y: 700, width: 100, height: 300 }, VIEWPORT, 2, image2x)).toEqual({
      x: 0,
      y: 1400,
      width: 160,
      height: 200,
    });
    // A screenshot a pixel short of viewport × scale (rounding in the browser) is never overrun.
    expect(
      cropRect({ x: 1200, y: 0, width: 80, height: 10 }, VIEWPORT, 2, { width: 2559, height: 1600 }),
    ).toEqual({ x: 2400, y: 0, width: 159, height: 20 });
  });

  it('returns null when nothing of the selection is on screen', () => {
    expect(cropRect({ x: 0, y: 800, width: 100, height: 100 }, VIEWPORT, 1, image1x)).toBeNull();
    expect(cropRect({ x: -100, y: 0, width: 100, height: 100 }, VIEWPORT, 1, image1x)).toBeNull();
    expect(cropRect({ x: 10, y: 10, width: 0, height: 100 }, VIEWPORT, 1, image1x)).toBeNull();
  });
});

describe('renderHeight', () => {
  it('renders the whole element while the canvas can hold it', () => {
    expect(renderHeight(6200, 1)).toEqual({ height: 6200, cut: false });
    expect(renderHeight(6200.4, 2)).toEqual({ height: 6201, cut: false });
  });

  it('cuts at the canvas limit, in CSS pixels at the scale used', () => {
    expect(renderHeight(20_000, 1)).toEqual({ height: MAX_RENDER_SIDE, cut: true });
    expect(renderHeight(20_000, 2)).toEqual({ height: MAX_RENDER_SIDE / 2, cut: true });
  });
});
