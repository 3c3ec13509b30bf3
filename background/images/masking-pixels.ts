import type { MaskRect } from '@/utils/page/full-page-protocol';

/**
 * Blacks out the masked areas of a tile. A solid fill, never a blur: blurred text can be recovered.
 * Edges are rounded outwards so that no anti-aliased fringe of the masked glyphs survives.
 */
export function fillMasks(
  context: OffscreenCanvasRenderingContext2D,
  rects: readonly MaskRect[],
  devicePixelRatio: number,
): void {
  if (rects.length === 0) return;
  context.save();
  context.fillStyle = '#000000';
  context.globalAlpha = 1;
  context.globalCompositeOperation = 'source-over';
  for (const rect of rects) {
    const x0 = Math.floor(rect.x * devicePixelRatio);
    const y0 = Math.floor(rect.y * devicePixelRatio);
    const x1 = Math.ceil((rect.x + rect.width) * devicePixelRatio);
    const y1 = Math.ceil((rect.y + rect.height) * devicePixelRatio);
    context.fillRect(x0, y0, x1 - x0, y1 - y0);
  }
  context.restore();
}
