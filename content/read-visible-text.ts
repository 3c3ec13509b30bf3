import { openShadowRoot } from './dom';
import { groupDigits } from './format';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { indexPage, type PageIndex } from './page-index';
import { renderText } from './render-text';
import type { SkipLedger } from './skips';
import { createStyleReader, type StyleReader } from './styles';
import type { ShadowRootReader } from '@/utils/page/types';

export interface VisibleTextOptions {
  maxChars?: number;
  shadowRootOf?: ShadowRootReader;
  /** Where elements that cannot be read are counted; a fresh ledger by default. */
  skips?: SkipLedger;
}

export interface VisibleText {
  text: string;
  truncated: boolean;
  notes: string[];
}

/** Without layout the walker reads every element itself, so the index (which feeds the innerText shortcut) is not needed. */
function indexForText(doc: Document, styles: StyleReader, shadowRootOf: ShadowRootReader): PageIndex {
  if (!styles.layout || doc.documentElement === null) {
    return { containers: [], headingBefore: new Map(), needsWalk: new Map() };
  }
  return indexPage(doc.documentElement, shadowRootOf, (root) => styles.addRoot(root), styles.skips);
}

/**
 * The page's visible text, as innerText lays it out, plus what innerText leaves out: values typed into fields
 * (never passwords) and the content of shadow roots. Hidden content (display:none, visibility:hidden, [hidden],
 * aria-hidden="true", script, style, noscript, template) is left out.
 */
export function readVisibleText(doc: Document, options: VisibleTextOptions = {}): VisibleText {
  const maxChars = options.maxChars ?? DEFAULT_LIMITS.maxTextChars;
  const root = doc.body ?? doc.documentElement;
  if (root === null) return { text: '', truncated: false, notes: [] };
  const shadowRootOf = options.shadowRootOf ?? openShadowRoot;
  const styles = createStyleReader(doc, options.skips);
  const index = indexForText(doc, styles, shadowRootOf);
  const rendered = renderText(root, { styles, shadowRootOf, index }, { mode: 'page', maxChars });
  const notes = rendered.truncated ? [`Visible text truncated at ${groupDigits(maxChars)} characters`] : [];
  return { text: rendered.text.trim(), truncated: rendered.truncated, notes };
}
