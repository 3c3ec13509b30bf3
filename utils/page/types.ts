/** One table of the page, ready to be written as CSV: every row has the same number of cells. */
export interface PageTable {
  /** `table-1`, `table-2` … in document order (tables inside open shadow roots included). */
  name: string;
  caption: string;
  rows: string[][];
  source: 'table' | 'aria-grid';
  truncated: boolean;
}

/** What the collector returns from the captured tab. Plain data: it crosses `scripting.executeScript`. */
export interface PageSnapshot {
  url: string;
  title: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  scroll: { x: number; y: number };
  /** Visible text as a reader sees it: block elements on their own lines, table cells separated by tabs. */
  text: string;
  tables: PageTable[];
  /** Sanitised serialisation of the document. */
  dom: { html: string; truncated: boolean; originalBytes: number };
  /** Human-readable remarks for the evidence record: truncation, virtualised grids, frames not captured. */
  notes: string[];
  durationMs: number;
}

export interface PageLimits {
  maxTextChars: number;
  maxTableRows: number;
  maxTables: number;
  /** Measured in UTF-8 bytes. */
  maxDomBytes: number;
}

/**
 * Returns an element's shadow root, or null. The default reads open roots only; an extension can pass
 * `chrome.dom.openOrClosedShadowRoot` (Chromium) or `element.openOrClosedShadowRoot` (Firefox) to read closed ones.
 */
export type ShadowRootReader = (element: Element) => ShadowRoot | null;
