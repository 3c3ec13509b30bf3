import { describe, expect, it } from 'vitest';
import {
  describeRect,
  moveRect,
  rectanglesProblem,
  rectFromDrag,
  rectFromPercent,
  resizeRect,
  toPixelRect,
} from './rectangles';

const preview = { width: 320, height: 200 };

describe('manual black-out geometry', () => {
  it('turns a drag in any direction into a rectangle of fractions, clipped to the preview', () => {
    expect(rectFromDrag({ x: 160, y: 100 }, { x: 80, y: 50 }, preview)).toEqual({
      x: 0.25,
      y: 0.25,
      width: 0.25,
      height: 0.25,
    });
    expect(rectFromDrag({ x: 300, y: 180 }, { x: 400, y: 260 }, preview)).toEqual({
      x: 300 / 320,
      y: 0.9,
      width: 1 - 300 / 320,
      height: 1 - 0.9,
    });
  });

  it('ignores clicks and slips smaller than a few pixels', () => {
    expect(rectFromDrag({ x: 10, y: 10 }, { x: 12, y: 40 }, preview)).toBeNull();
    expect(rectFromDrag({ x: 10, y: 10 }, { x: 10, y: 10 }, preview)).toBeNull();
  });

  it('reads percent fields, clipping what runs past the edge', () => {
    expect(rectFromPercent({ x: 10, y: 20, width: 30, height: 5 })).toEqual({
      x: 0.1,
      y: 0.2,
      width: expect.closeTo(0.3, 10),
      height: expect.closeTo(0.05, 10),
    });
    expect(rectFromPercent({ x: 90, y: 0, width: 50, height: 10 })?.width).toBeCloseTo(0.1, 10);
    expect(rectFromPercent({ x: 10, y: 10, width: 0, height: 10 })).toBeNull();
    expect(rectFromPercent({ x: Number.NaN, y: 10, width: 5, height: 10 })).toBeNull();
  });

  it('moves and resizes with the keyboard without leaving the image', () => {
    const rect = { x: 0.9, y: 0.5, width: 0.08, height: 0.1 };
    expect(moveRect(rect, 0.05, 0)).toEqual({ ...rect, x: expect.closeTo(0.92, 10) });
    expect(moveRect(rect, 0, -0.9)).toEqual({ ...rect, y: 0 });
    expect(resizeRect(rect, 0.5, -0.5)).toEqual({ ...rect, width: expect.closeTo(0.1, 10), height: 0.01 });
  });

  it('covers every partly covered pixel, rounding outwards, within the image', () => {
    expect(toPixelRect({ x: 0.1, y: 0.1, width: 0.2, height: 0.2 }, 1280, 800)).toEqual({
      x: 128,
      y: 80,
      width: 256,
      height: 160,
    });
    // 0.3333 × 100 = 33.33 → from pixel 33; 0.6667 × 100 = 66.67 → through pixel 66.
    expect(toPixelRect({ x: 0.3333, y: 0, width: 0.3334, height: 1 }, 100, 10)).toEqual({
      x: 33,
      y: 0,
      width: 34,
      height: 10,
    });
    expect(toPixelRect({ x: 0.95, y: 0.95, width: 0.1, height: 0.1 }, 100, 100)).toEqual({
      x: 95,
      y: 95,
      width: 5,
      height: 5,
    });
  });

  it('refuses empty, malformed and out-of-image rectangle lists with a sentence', () => {
    expect(rectanglesProblem([])).toBe('Draw at least one area to black out.');
    expect(rectanglesProblem([{ x: 0, y: 0, width: '1', height: 1 }])).toMatch(/not a rectangle/);
    expect(rectanglesProblem([{ x: 0.5, y: 0, width: 0.6, height: 0.1 }])).toMatch(/outside the image/);
    expect(
      rectanglesProblem(Array.from({ length: 51 }, () => ({ x: 0, y: 0, width: 0.1, height: 0.1 }))),
    ).toMatch(/At most 50/);
    expect(rectanglesProblem([{ x: 0, y: 0, width: 1, height: 1 }])).toBeNull();
    expect(describeRect({ x: 0.1, y: 0.4, width: 0.25, height: 0.08 })).toBe(
      'from 10 % to 35 % across, 40 % to 48 % down',
    );
  });
});
