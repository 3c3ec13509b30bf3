import { elementAgentText, pageReadingText } from '@/utils/text';
import { pageFacts } from '../page-facts';
import { copyLiveState } from '../copy-live-state';
import { openShadowRoot } from '../dom';
import { groupDigits } from '../format';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { indexPage } from '../page-index';
import { readTables } from '../read-tables';
import { renderText } from '../render-text';
import { guardShadowRoots, SkipLedger } from '../skips';
import { finishSnapshot, snapshotDom, type DomSnapshot, type DomSnapshotOptions } from '../snapshot-dom';
import { createStyleReader } from '../styles';
import type { PageLimits, PageSnapshot, ShadowRootReader } from '@/utils/page/types';

export type CollectElementOptions = Partial<PageLimits> & {
  shadowRootOf?: ShadowRootReader;
  /** Keeps only the tables this returns true for (a region keeps those it intersects). */
  keepTable?: (container: Element) => boolean;
  /** Where tables are looked for, when not the element itself (a region inside one table: its document). */
  tablesRoot?: Element;
  now?: () => Date;
};

function failure(part: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return elementAgentText.partFailed(part, reason);
}

/**
 * A sanitised snapshot of one element: the page's <head> (for its styles), an empty <body> with the page's
 * attributes, and the element's subtree with the values the user sees. Its ancestors are left out.
 */
export function snapshotElement(
  doc: Document,
  element: Element,
  options: DomSnapshotOptions = {},
): DomSnapshot {
  const live = doc.documentElement;
  if (live === null || element === live || element === doc.body) return snapshotDom(doc, options);
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxDomBytes;
  const shadowRootOf = options.shadowRootOf ?? openShadowRoot;
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  const styles = createStyleReader(doc, options.skips);
  const inert = doc.implementation.createHTMLDocument('');
  const html = inert.importNode(live, false);
  if (doc.head) {
    const head = inert.importNode(doc.head, true);
    copyLiveState(doc.head, head, inert, styles, shadowRootOf);
    html.appendChild(head);
  }
  const body = doc.body ? inert.importNode(doc.body, false) : inert.createElement('body');
  const target = inert.importNode(element, true);
  copyLiveState(element, target, inert, styles, shadowRootOf);
  body.appendChild(target);
  html.appendChild(body);
  return finishSnapshot(doc, html, inert, options, takenAt, maxBytes);
}

/**
 * What an element or region capture stores beside its pixels: the text, tables and DOM of one subtree, in
 * the same shape as a whole-page collection. Each part fails on its own, with a note.
 */
export function collectElement(
  doc: Document,
  win: Window,
  root: Element,
  options: CollectElementOptions = {},
): PageSnapshot {
  const clock = win.performance ?? Date;
  const started = clock.now();
  const limits: PageLimits = { ...DEFAULT_LIMITS, ...options };
  const skips = new SkipLedger();
  const shadowRootOf = guardShadowRoots(options.shadowRootOf ?? openShadowRoot, skips);
  const notes: string[] = [];

  let text = '';
  try {
    const styles = createStyleReader(doc, skips);
    const index = indexPage(root, shadowRootOf, (shadowRoot) => styles.addRoot(shadowRoot), skips);
    const rendered = renderText(
      root,
      { styles, shadowRootOf, index },
      { mode: 'page', maxChars: limits.maxTextChars },
    );
    text = rendered.text.trim();
    if (rendered.truncated) notes.push(elementAgentText.textTruncated(groupDigits(limits.maxTextChars)));
  } catch (error) {
    notes.push(failure(elementAgentText.text, error));
  }

  let tables: PageSnapshot['tables'] = [];
  try {
    const read = readTables(doc, {
      root: options.tablesRoot ?? root,
      maxRows: limits.maxTableRows,
      maxTables: limits.maxTables,
      shadowRootOf,
      skips,
      ...(options.keepTable ? { keep: options.keepTable } : {}),
    });
    tables = read.tables;
    notes.push(...read.notes);
  } catch (error) {
    notes.push(failure(elementAgentText.tables, error));
  }

  let dom: PageSnapshot['dom'] = { html: '', truncated: false, originalBytes: 0 };
  try {
    const snapshot = snapshotElement(doc, root, {
      maxBytes: limits.maxDomBytes,
      url: doc.URL,
      shadowRootOf,
      skips,
      ...(options.now ? { now: options.now } : {}),
    });
    dom = { html: snapshot.html, truncated: snapshot.truncated, originalBytes: snapshot.originalBytes };
    notes.push(...snapshot.notes);
  } catch (error) {
    notes.push(failure(elementAgentText.domSnapshot, error));
  }

  const frames = root.querySelectorAll('iframe, frame').length;
  if (frames > 0) notes.push(elementAgentText.frames(frames));
  if (skips.total > 0) notes.push(pageReadingText.skipped(skips.summary()));
  return {
    ...pageFacts(doc, win),
    text,
    tables,
    dom,
    notes,
    ...(skips.total > 0 ? { skipped: skips.summary() } : {}),
    durationMs: Math.round(clock.now() - started),
  };
}
