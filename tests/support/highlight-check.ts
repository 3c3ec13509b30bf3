import { expect } from 'vitest';

/** A box in CSS pixels of the top viewport. */
export interface ViewportBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The element picker's highlight lies exactly over `target`: along a line across it (below its label, above
 * the framed console's banner) and a line down its left side, every sampled pixel inside the rectangle
 * changed and none just right of it or below it. `changed(x, y)` compares the screen before and during the
 * hover at a CSS point; Chromium's and Firefox's framed-console tests sample the same points.
 */
export function expectHighlightOver(target: ViewportBox, changed: (x: number, y: number) => boolean): void {
  const right = target.x + target.width;
  const bottom = target.y + target.height;
  const across = target.y + 30; // below the label, above the banner
  for (let x = Math.ceil(target.x) + 2; x <= Math.floor(right) - 2; x += 4)
    expect(changed(x, across), `inside at ${x},${across}`).toBe(true);
  for (let x = Math.ceil(right) + 2; x < Math.ceil(right) + 40; x += 4)
    expect(changed(x, across), `right of it at ${x},${across}`).toBe(false);
  const down = target.x + 6; // left of the banner
  for (let y = Math.ceil(target.y) + 2; y <= Math.floor(bottom) - 2; y += 4)
    expect(changed(down, y), `inside at ${down},${y}`).toBe(true);
  for (let y = Math.ceil(bottom) + 2; y < Math.ceil(bottom) + 12; y += 2)
    expect(changed(down, y), `below it at ${down},${y}`).toBe(false);
}
