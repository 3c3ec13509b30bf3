/** One table of the page, ready to be written as CSV: every row has the same number of cells. */
export interface PageTable {
  /** `table-1`, `table-2` … in document order (tables inside open shadow roots included). */
  name: string;
  caption: string;
  rows: string[][];
  source: 'table' | 'aria-grid';
  truncated: boolean;
  /** The URL of the same-origin frame the table was read from; absent for the top document. */
  frame?: string;
}

/** The frames of a page: those read like the top document, and those of other origins, which cannot be. */
export interface PageFrames {
  /** Same-origin frames at any depth, in document order; `path` is `1`, `1.1` … (frame 1, its first frame). */
  included: { path: string; url: string; tables: number }[];
  /** Frames of another origin: listed, never silently dropped. */
  otherOrigins: { origin: string; url: string; reason: 'no-permission' }[];
}

/** What the collector returns from the captured tab. Plain data: it crosses `scripting.executeScript`. */
export interface PageSnapshot {
  url: string;
  title: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  scroll: { x: number; y: number };
  /** Visible text as a reader sees it: block elements on their own lines, table cells separated by tabs. */
  text: string;
  /** The page's own headings and table captions, navigation left out: what control suggestions weigh most. */
  headings?: string[];
  tables: PageTable[];
  /** Sanitised serialisation of the document. */
  dom: { html: string; truncated: boolean; originalBytes: number };
  /** Human-readable remarks for the evidence record: truncation, virtualised grids, frames not captured. */
  notes: string[];
  /** Elements a page-reading step could not read and went past, by kind (absent: none skipped). */
  skipped?: SkippedCounts;
  /** Present when the page has frames. */
  frames?: PageFrames;
  durationMs: number;
}

/**
 * Kinds of element a page-reading step can fail on: one unreadable element is skipped and counted, never the
 * whole capture. `maskScan` matters most: masking could not check that element's text.
 */
export type SkipKind = 'shadowRoot' | 'style' | 'element' | 'table' | 'frame' | 'maskScan' | 'fixedElement';
export type SkippedCounts = Partial<Record<SkipKind, number>>;

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
