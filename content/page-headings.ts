import type { SkipLedger } from './skips';

/** Site chrome: its headings name every section of the console, not what this page shows. */
const CHROME =
  'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="menu"], [role="menubar"], [role="tablist"]';
const HEADINGS = 'h1, h2, h3, h4, caption, [role="heading"]';
const MAX_HEADINGS = 40;
const MAX_CHARS = 200;

/**
 * The page's own headings and table captions in document order, the console's navigation and banner left
 * out: what control suggestions weigh above the body text. An element that cannot be read is skipped and
 * counted, never the whole list.
 */
export function readHeadings(docs: Document[], skips: SkipLedger): string[] {
  const headings: string[] = [];
  for (const doc of docs) {
    for (const element of doc.querySelectorAll(HEADINGS)) {
      if (headings.length >= MAX_HEADINGS) return headings;
      try {
        if (element.closest(CHROME) || element.closest('[hidden], [aria-hidden="true"]')) continue;
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
        if (text !== '') headings.push(text);
      } catch {
        skips.record('element', element);
      }
    }
  }
  return headings;
}
