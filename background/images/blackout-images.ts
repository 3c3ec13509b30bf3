import { toPixelRect, type FractionRect, type PixelRect } from '@/utils/redaction/rectangles';

const THUMBNAIL_WIDTH = 320;

export interface BlackedOutImages {
  original: Blob;
  stamped: Blob | null;
  thumbnail: Blob;
  /** The covered areas in pixels of the original image. */
  pixelRects: PixelRect[];
}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images in the background.');
  return context;
}

function fillBlack(
  context: OffscreenCanvasRenderingContext2D,
  rects: readonly PixelRect[],
  offsetY = 0,
): void {
  // A solid, opaque fill: blur or translucency can be undone, black cannot.
  context.save();
  context.globalAlpha = 1;
  context.globalCompositeOperation = 'source-over';
  context.fillStyle = '#000000';
  for (const rect of rects) context.fillRect(rect.x, rect.y + offsetY, rect.width, rect.height);
  context.restore();
}

/**
 * Re-renders the original, the stamped image (whose band sits above the same pixels) and the
 * thumbnail with the rectangles filled solid black. OffscreenCanvas works in the service worker.
 */
export async function blackOutImages(
  original: Blob,
  stamped: Blob | null,
  rects: readonly FractionRect[],
): Promise<BlackedOutImages> {
  const bitmap = await createImageBitmap(original);
  const { width, height } = bitmap;
  const pixelRects = rects.map((rect) => toPixelRect(rect, width, height));
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  fillBlack(context, pixelRects);

  let stampedBlob: Blob | null = null;
  if (stamped) {
    const stampedBitmap = await createImageBitmap(stamped);
    const stampedCanvas = new OffscreenCanvas(stampedBitmap.width, stampedBitmap.height);
    const stampedContext = context2d(stampedCanvas);
    stampedContext.drawImage(stampedBitmap, 0, 0);
    // The stamp band is added above the screenshot: the same pixels sit lower by the band's height.
    fillBlack(stampedContext, pixelRects, stampedBitmap.height - height);
    stampedBitmap.close();
    stampedBlob = await stampedCanvas.convertToBlob({ type: 'image/png' });
  }

  const thumbnailHeight = Math.max(1, Math.round((height / width) * THUMBNAIL_WIDTH));
  const thumbnailCanvas = new OffscreenCanvas(THUMBNAIL_WIDTH, thumbnailHeight);
  const thumbnailContext = context2d(thumbnailCanvas);
  thumbnailContext.imageSmoothingQuality = 'high';
  thumbnailContext.drawImage(canvas, 0, 0, THUMBNAIL_WIDTH, thumbnailHeight);

  const [originalBlob, thumbnail] = await Promise.all([
    canvas.convertToBlob({ type: 'image/png' }),
    thumbnailCanvas.convertToBlob({ type: 'image/png' }),
  ]);
  return { original: originalBlob, stamped: stampedBlob, thumbnail, pixelRects };
}
