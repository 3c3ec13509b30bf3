import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectPage } from '@/content/collect-page';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { shadowRootReader } from '@/content/shadow-root-reader';

// Injected on demand by the background with scripting.executeScript({ files: ['/collector.js'] }): the returned
// PageSnapshot is the injection result.
export default defineUnlistedScript({
  main: () => collectPage(document, window, { ...DEFAULT_LIMITS, shadowRootOf: shadowRootReader() }),
});
