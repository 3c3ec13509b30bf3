/** Resolves after the next frame is painted, or after 100 ms when the tab paints no frames (hidden). */
export function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = win.setTimeout(resolve, 100);
    win.requestAnimationFrame(() =>
      win.requestAnimationFrame(() => {
        win.clearTimeout(timer);
        resolve();
      }),
    );
  });
}

const QUIET_MS = 100;
const POLL_MS = 40;

/**
 * Gives lazy-loaded content a bounded time to appear: waits until the images on screen have loaded
 * and the DOM has been quiet for 100 ms, or `maxWaitMs` has passed.
 */
export async function settle(doc: Document, win: Window, maxWaitMs: number): Promise<void> {
  await nextFrame(win);
  const deadline = win.performance.now() + maxWaitMs;
  let lastMutation = win.performance.now();
  const Observer = (win as Window & typeof globalThis).MutationObserver;
  const observer = new Observer(() => {
    lastMutation = win.performance.now();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['src', 'srcset', 'style', 'class'],
  });
  try {
    while (win.performance.now() < deadline) {
      const quiet = win.performance.now() - lastMutation >= QUIET_MS;
      if (quiet && imagesOnScreenLoaded(doc, win)) break;
      await new Promise((resolve) => win.setTimeout(resolve, POLL_MS));
    }
  } finally {
    observer.disconnect();
  }
  await nextFrame(win);
}

function imagesOnScreenLoaded(doc: Document, win: Window): boolean {
  for (const image of doc.images) {
    if (image.complete) continue;
    const box = image.getBoundingClientRect();
    if (box.bottom > 0 && box.top < win.innerHeight && box.width > 0) return false;
  }
  return true;
}
