import type { PageSnapshot } from '@/utils/page/types';

/** Where the page is and how it is shown, as every snapshot records it: address, title, viewport, scroll. */
export function pageFacts(
  doc: Document,
  win: Window,
): Pick<PageSnapshot, 'url' | 'title' | 'viewport' | 'scroll'> {
  return {
    url: doc.URL,
    title: doc.title,
    viewport: { width: win.innerWidth, height: win.innerHeight, devicePixelRatio: win.devicePixelRatio },
    scroll: { x: win.scrollX, y: win.scrollY },
  };
}
