import { copyLiveState, adoptedStyle } from './copy-live-state';
import { openShadowRoot } from './dom';
import { formatBytes } from './format';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { sanitise } from './sanitise';
import type { SkipLedger } from './skips';
import { createStyleReader } from './styles';
import type { PageSnapshot, ShadowRootReader } from '@/utils/page/types';
import { utf8Length, utf8Prefix } from './utf8';

export interface DomSnapshotOptions {
  /** UTF-8 bytes. */
  maxBytes?: number;
  shadowRootOf?: ShadowRootReader;
  /** Defaults to the document's URL. */
  url?: string;
  now?: () => Date;
  /** Where elements that cannot be read are counted; a fresh ledger by default. */
  skips?: SkipLedger;
}

export type DomSnapshot = PageSnapshot['dom'] & { notes: string[] };

/**
 * What the snapshot may do when an auditor opens it: render styles, images and fonts, never run or embed anything,
 * submit forms or fetch data. A backstop should a page find a way past the sanitiser.
 */
export const SNAPSHOT_CSP =
  "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'; " +
  "base-uri 'none'; style-src 'unsafe-inline' data: http: https:; img-src data: http: https:; " +
  'font-src data: http: https:; media-src data: http: https:';

/** The URL inside an HTML comment: `<` and `>` percent-encoded, so it can neither end nor nest the comment. */
export function commentSafeUrl(url: string): string {
  return url.replace(/</g, '%3C').replace(/>/g, '%3E');
}

function meta(inert: Document, attributes: Record<string, string>): HTMLMetaElement {
  const element = inert.createElement('meta');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function headOf(root: Element, inert: Document): Element {
  for (const child of root.children) if (child.localName === 'head') return child;
  const head = inert.createElement('head');
  root.insertBefore(head, root.firstChild);
  return head;
}

/**
 * A sanitised serialisation of the document: a copy made in an inert document (so no page script, handler or
 * custom-element constructor runs, and the live page is never touched), with the values the user sees, open
 * shadow roots as declarative shadow DOM, no active content, a UTF-8 charset, a CSP, a marker and a header comment.
 */
export function snapshotDom(doc: Document, options: DomSnapshotOptions = {}): DomSnapshot {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxDomBytes;
  const shadowRootOf = options.shadowRootOf ?? openShadowRoot;
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  const live = doc.documentElement;
  if (live === null)
    return { html: '', truncated: false, originalBytes: 0, notes: ['The page has no document to snapshot'] };

  const inert = doc.implementation.createHTMLDocument('');
  const clone = inert.importNode(live, true);
  copyLiveState(live, clone, inert, createStyleReader(doc, options.skips), shadowRootOf);
  return finishSnapshot(doc, clone, inert, options, takenAt, maxBytes);
}

/** Sanitises the copy, adds the charset, CSP, marker and header comment, and applies the size cap. */
export function finishSnapshot(
  doc: Document,
  clone: Element,
  inert: Document,
  options: DomSnapshotOptions,
  takenAt: string,
  maxBytes: number,
): DomSnapshot {
  sanitise(clone);

  const head = headOf(clone, inert);
  const documentStyles = adoptedStyle(doc, inert);
  if (documentStyles) head.appendChild(documentStyles);
  const first = head.firstChild;
  head.insertBefore(meta(inert, { charset: 'utf-8' }), first);
  head.insertBefore(meta(inert, { 'http-equiv': 'Content-Security-Policy', content: SNAPSHOT_CSP }), first);
  head.insertBefore(meta(inert, { name: 'isms-evidence-snapshot', content: 'sanitised' }), first);

  const url = options.url ?? doc.URL;
  const full = `<!DOCTYPE html>\n<!-- Snapshot of ${commentSafeUrl(url)} taken ${takenAt} -->\n${clone.outerHTML}`;
  const originalBytes = utf8Length(full);
  if (originalBytes <= maxBytes) return { html: full, truncated: false, originalBytes, notes: [] };
  return {
    html: utf8Prefix(full, maxBytes).text,
    truncated: true,
    originalBytes,
    notes: [`DOM snapshot truncated at ${formatBytes(maxBytes)} of ${formatBytes(originalBytes)}`],
  };
}
