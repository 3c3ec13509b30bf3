/** What a browser paints behind a page whose root and body have no background of their own. */
const BROWSER_DEFAULT = 'rgb(255, 255, 255)';

/** The alpha of a computed CSS colour: `rgba(…, a)`, `… / a)` (modern syntax), or 1 when there is none. */
function alphaOf(colour: string): number {
  const value = colour.trim().toLowerCase();
  if (value === 'transparent') return 0;
  const slash = /\/\s*([\d.]+)(%?)\s*\)$/.exec(value);
  if (slash) return Number(slash[1]) / (slash[2] === '%' ? 100 : 1);
  const legacy = /^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\s*\)$/.exec(value);
  if (legacy) return Number(legacy[1]);
  return 1;
}

/**
 * The opaque colour the page shows behind its content: the root element's background, else the body's
 * (CSS propagates the body's to the canvas when the root has none), else the browser's white. A colour
 * that is partly transparent is passed over, so what fills a stitched image is always opaque.
 */
export function pageBackground(doc: Document, win: Window): string {
  for (const element of [doc.documentElement, doc.body]) {
    if (!element) continue;
    try {
      const colour = win.getComputedStyle(element).backgroundColor;
      if (colour && alphaOf(colour) >= 1) return colour;
    } catch {
      // A root the page made unreadable: the next candidate, or the browser's default.
    }
  }
  return BROWSER_DEFAULT;
}
