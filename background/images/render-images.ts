import { captureErrorText } from '@/utils/text';
import { layoutStamp, type StampFacts } from '@/utils/capture/stamp-layout';

const THUMBNAIL_WIDTH = 320;
/** A narrow element capture still gets a band wide enough to hold the whole stamp; the image is not scaled. */
const MIN_STAMPED_WIDTH = 640;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Draws the stamped image (a band above the untouched screenshot) and a small thumbnail, from the PNG or
 * from the canvas it was encoded from (a full-page part: no second decode).
 * OffscreenCanvas works in the service worker and in Firefox's background page alike.
 */
export async function renderImages(
  original: Blob | OffscreenCanvas,
  facts: StampFacts,
): Promise<{ stamped: Blob; thumbnail: Blob }> {
  const bitmap = original instanceof Blob ? await createImageBitmap(original) : original;
  try {
    const scale = Math.max(1, bitmap.width / 1280);
    const measureCanvas = new OffscreenCanvas(1, 1).getContext('2d');
    if (!measureCanvas) throw new Error(captureErrorText.cannotDraw);
    const width = Math.max(bitmap.width, MIN_STAMPED_WIDTH);
    const layout = layoutStamp(facts, width, scale, (text, fontSize) => {
      measureCanvas.font = `${fontSize}px ${FONT_FAMILY}`;
      return measureCanvas.measureText(text).width;
    });

    const stampedCanvas = new OffscreenCanvas(width, bitmap.height + layout.bandHeight);
    const stamped = stampedCanvas.getContext('2d');
    if (!stamped) throw new Error(captureErrorText.cannotDraw);
    stamped.fillStyle = '#10243e';
    stamped.fillRect(0, 0, width, layout.bandHeight);
    if (width > bitmap.width) {
      stamped.fillStyle = '#d5dce5'; // beside a narrow capture: plainly not part of it
      stamped.fillRect(bitmap.width, layout.bandHeight, width - bitmap.width, bitmap.height);
    }
    stamped.fillStyle = '#ffffff';
    stamped.font = `${layout.fontSize}px ${FONT_FAMILY}`;
    stamped.textBaseline = 'top';
    layout.lines.forEach((line, index) => {
      stamped.fillText(
        line,
        layout.padding,
        layout.padding + index * layout.lineHeight + (layout.lineHeight - layout.fontSize) / 2,
      );
    });
    stamped.drawImage(bitmap, 0, layout.bandHeight);

    const thumbnailHeight = Math.max(1, Math.round((bitmap.height / bitmap.width) * THUMBNAIL_WIDTH));
    const thumbnailCanvas = new OffscreenCanvas(THUMBNAIL_WIDTH, thumbnailHeight);
    const thumbnail = thumbnailCanvas.getContext('2d');
    if (!thumbnail) throw new Error(captureErrorText.cannotDraw);
    thumbnail.imageSmoothingQuality = 'high';
    thumbnail.drawImage(bitmap, 0, 0, THUMBNAIL_WIDTH, thumbnailHeight);

    const [stampedBlob, thumbnailBlob] = await Promise.all([
      stampedCanvas.convertToBlob({ type: 'image/png' }),
      thumbnailCanvas.convertToBlob({ type: 'image/png' }),
    ]);
    return { stamped: stampedBlob, thumbnail: thumbnailBlob };
  } finally {
    if (bitmap !== original) (bitmap as ImageBitmap).close();
  }
}
