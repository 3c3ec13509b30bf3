/** A rectangle in CSS pixels of the viewport (or of the output image). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page agent measured before the first tile: enough to plan the tiles and the stitching. */
export interface ScrollGeometry {
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  /** The client area of the element that scrolls, in viewport CSS pixels (the whole viewport for the document). */
  pane: Rect;
  /** Full scrollable height of that element's content. */
  scrollHeight: number;
  /**
   * Height of the fixed or sticky elements that cover the bottom of the pane in the first tile (a fixed
   * footer). The rows beneath are taken from the next tile, and the footer is drawn once, at the end.
   */
  bottomInset: number;
  /** `document` or a short description of the inner pane (tag, id, classes), for the metadata. */
  container: string;
  /**
   * The opaque colour the page paints behind everything (the root's, else the body's, else the browser's
   * white): the stitched image starts filled with it, so where the page outside a scrolled inner pane does
   * not extend the image shows the page's background, never transparent pixels.
   */
  background: string;
}

/** One copy of pixels from a tile into the output, in CSS pixels. */
export interface Draw {
  source: Rect;
  /** Top-left corner in the output image; the size is the source's. */
  destX: number;
  destY: number;
}

/** A copy in device pixels, clipped to one output part. */
export interface PartDraw {
  part: number;
  sx: number;
  sy: number;
  width: number;
  height: number;
  dx: number;
  dy: number;
}

export interface Part {
  /** First device-pixel row of the output held by this part. */
  top: number;
  height: number;
}

/** Canvas limits: Chromium and Firefox refuse canvases taller than 32,767 px, and some GPUs 16,384. */
export const MAX_PART_HEIGHT = 16_384;
export const DEFAULT_MAX_HEIGHT = 100_000;
