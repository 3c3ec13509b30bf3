import { devicePixel, toPartDraws } from '@/utils/capture/full-page/stitch';
import { MAX_PART_HEIGHT, type Draw, type Part } from '@/utils/capture/full-page/types';
import type { MaskRect } from '@/utils/page/full-page-protocol';
import { fillMasks } from './masking-pixels';

/** A tile as a canvas, with the masked areas filled solid before anything else sees the pixels. */
export function maskedTile(bitmap: ImageBitmap, rects: readonly MaskRect[], scale: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images in the background.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  fillMasks(context, rects, scale);
  return canvas;
}

/** Output canvases of at most 16,384 device pixels each, created as the tiles reach them. */
export class Stitcher {
  private readonly canvases: OffscreenCanvas[] = [];
  private width = 0;

  /** `background` fills every part before a tile is drawn: no pixel of the output stays transparent. */
  constructor(private readonly background: string) {}

  draw(tile: OffscreenCanvas, draw: Draw, scale: number): void {
    this.width ||= tile.width;
    const reach = devicePixel(draw.destY + draw.source.height, scale);
    const parts: Part[] = [];
    for (let top = 0; top < reach; top += MAX_PART_HEIGHT) parts.push({ top, height: MAX_PART_HEIGHT });
    for (const piece of toPartDraws(draw, scale, parts)) {
      const context = this.canvas(piece.part).getContext('2d');
      if (!context) throw new Error('This browser cannot draw images in the background.');
      context.drawImage(
        tile,
        piece.sx,
        piece.sy,
        piece.width,
        piece.height,
        piece.dx,
        piece.dy,
        piece.width,
        piece.height,
      );
    }
  }

  private canvas(index: number): OffscreenCanvas {
    while (this.canvases.length <= index) {
      const canvas = new OffscreenCanvas(this.width, MAX_PART_HEIGHT);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('This browser cannot draw images in the background.');
      context.fillStyle = this.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
      this.canvases.push(canvas);
    }
    return this.canvases[index]!;
  }

  /** The parts, the last one cut to the real height; the stitcher lets go of them. */
  cut(totalHeight: number): OffscreenCanvas[] {
    const parts: OffscreenCanvas[] = [];
    for (let top = 0, index = 0; top < totalHeight; top += MAX_PART_HEIGHT, index++) {
      const height = Math.min(MAX_PART_HEIGHT, totalHeight - top);
      let canvas = this.canvas(index);
      if (height < canvas.height) {
        const cut = new OffscreenCanvas(canvas.width, height);
        cut.getContext('2d')?.drawImage(canvas, 0, 0);
        canvas = cut;
      }
      parts.push(canvas);
    }
    this.canvases.length = 0;
    return parts;
  }
}

/** PNG of every part, one after the other (each encode already uses the browser's own threads). */
export async function encodeParts(parts: readonly OffscreenCanvas[]): Promise<Blob[]> {
  const blobs: Blob[] = [];
  for (const part of parts) blobs.push(await part.convertToBlob({ type: 'image/png' }));
  return blobs;
}
