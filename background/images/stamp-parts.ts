import type { StampFacts } from '@/utils/capture/stamp-layout';
import { renderImages } from './render-images';

export interface StampedPart {
  stamped: Blob;
  thumbnail: Blob;
}

/**
 * The stamped copy (and thumbnail) of every part, drawn from the part canvases one after the other: one
 * stamped canvas at a time, never a second decode of the PNG.
 */
export async function stampParts(
  canvases: readonly OffscreenCanvas[],
  facts: StampFacts,
): Promise<StampedPart[]> {
  const stamped: StampedPart[] = [];
  for (const canvas of canvases) stamped.push(await renderImages(canvas, facts));
  return stamped;
}
