import { Buffer } from 'node:buffer';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readPng } from '../fixtures/hostile/read-png.mjs';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The browser's own screenshot of a clip of the viewport, through CDP: an independent source of the same pixels. */
export async function cdpClip(page: Page, box: Box) {
  // The clip is in document coordinates; the box is in the viewport's.
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = (await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { ...box, x: box.x + scroll.x, y: box.y + scroll.y, scale: 1 },
    })) as { data: string };
    return readPng(new Uint8Array(Buffer.from(data, 'base64')));
  } finally {
    await cdp.detach();
  }
}

/** How many pixels differ between two images of the same size (the sizes are asserted equal). */
export function samePixels(actual: ReturnType<typeof readPng>, expected: ReturnType<typeof readPng>): number {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let different = 0;
  for (let y = 0; y < actual.height; y++)
    for (let x = 0; x < actual.width; x++)
      if (actual.pixel(x, y).join() !== expected.pixel(x, y).join()) different++;
  return different;
}
