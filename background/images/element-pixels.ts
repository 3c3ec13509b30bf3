import { cropRect, type CssRect, type PixelRect, type Size } from '@/utils/capture/element/geometry';
import type { MaskRect } from '@/utils/page/full-page-protocol';
import { captureErrorText, elementCaptureText } from '@/utils/text';
import { fillMasks } from './masking-pixels';

export interface CroppedPixels {
  crop: Blob;
  /** The whole visible area the crop comes from: the browser's own bytes, or masked and re-encoded. */
  viewport: Blob;
  cropPx: PixelRect;
  scale: number;
}

const noCanvas = () => new Error(captureErrorText.cannotDraw);

/** Crops the browser's screenshot of the viewport to the selection, after blacking out the masked areas. */
export async function cropScreenshot(
  screenshot: Blob,
  rect: CssRect,
  viewport: Size,
  maskRects: readonly MaskRect[],
): Promise<CroppedPixels> {
  const bitmap = await createImageBitmap(screenshot);
  try {
    const scale = bitmap.width / viewport.width;
    const cropPx = cropRect(rect, viewport, scale, bitmap);
    if (!cropPx) throw new Error(elementCaptureText.notOnScreen);
    const full = new OffscreenCanvas(bitmap.width, bitmap.height);
    const fullContext = full.getContext('2d');
    if (!fullContext) throw noCanvas();
    fullContext.drawImage(bitmap, 0, 0);
    fillMasks(fullContext, maskRects, scale);
    const cropped = new OffscreenCanvas(cropPx.width, cropPx.height);
    const context = cropped.getContext('2d');
    if (!context) throw noCanvas();
    context.drawImage(
      full,
      cropPx.x,
      cropPx.y,
      cropPx.width,
      cropPx.height,
      0,
      0,
      cropPx.width,
      cropPx.height,
    );
    const [crop, viewportImage] = await Promise.all([
      cropped.convertToBlob({ type: 'image/png' }),
      maskRects.length > 0 ? full.convertToBlob({ type: 'image/png' }) : Promise.resolve(screenshot),
    ]);
    return { crop, viewport: viewportImage, cropPx, scale };
  } finally {
    bitmap.close();
  }
}

/** Blacks out masked areas of a re-rendered element; `origin` is the element's top left in viewport CSS pixels. */
export async function maskRendering(
  rendering: Blob,
  origin: { x: number; y: number },
  scale: number,
  maskRects: readonly MaskRect[],
): Promise<Blob> {
  if (maskRects.length === 0) return rendering;
  const bitmap = await createImageBitmap(rendering);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw noCanvas();
    context.drawImage(bitmap, 0, 0);
    const shifted = maskRects.map((mask) => ({ ...mask, x: mask.x - origin.x, y: mask.y - origin.y }));
    fillMasks(context, shifted, scale);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
