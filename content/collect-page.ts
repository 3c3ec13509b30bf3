import { plural } from './format';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { readTables } from './read-tables';
import { readVisibleText } from './read-visible-text';
import { snapshotDom } from './snapshot-dom';
import type { PageLimits, PageSnapshot, ShadowRootReader } from '@/utils/page/types';

export type CollectOptions = Partial<PageLimits> & {
  shadowRootOf?: ShadowRootReader;
  now?: () => Date;
};

function failure(part: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `${part} could not be read (${reason}); the rest of the capture is complete`;
}

/** Frames are separate documents: say so, rather than let an auditor think their content was captured. */
function frameNote(doc: Document): string[] {
  const frames = doc.querySelectorAll('iframe, frame').length;
  return frames === 0
    ? []
    : [`${plural(frames, 'embedded frame')} not included in text, tables or DOM snapshot`];
}

/**
 * Everything the collector reads from the captured tab, as plain structured-cloneable data. Each part fails on
 * its own: a page that breaks the table reader still yields its text and snapshot, with a note.
 */
export function collectPage(doc: Document, win: Window, options: CollectOptions = {}): PageSnapshot {
  const clock = win.performance ?? Date;
  const started = clock.now();
  const limits: PageLimits = { ...DEFAULT_LIMITS, ...options };
  const shared = options.shadowRootOf ? { shadowRootOf: options.shadowRootOf } : {};
  const notes: string[] = [];

  let text = '';
  try {
    const visible = readVisibleText(doc, { maxChars: limits.maxTextChars, ...shared });
    text = visible.text;
    notes.push(...visible.notes);
  } catch (error) {
    notes.push(failure('Visible text', error));
  }

  let tables: PageSnapshot['tables'] = [];
  try {
    const read = readTables(doc, { maxRows: limits.maxTableRows, maxTables: limits.maxTables, ...shared });
    tables = read.tables;
    notes.push(...read.notes);
  } catch (error) {
    notes.push(failure('Tables', error));
  }

  let dom: PageSnapshot['dom'] = { html: '', truncated: false, originalBytes: 0 };
  try {
    const snapshot = snapshotDom(doc, {
      maxBytes: limits.maxDomBytes,
      url: doc.URL,
      ...shared,
      ...(options.now ? { now: options.now } : {}),
    });
    dom = { html: snapshot.html, truncated: snapshot.truncated, originalBytes: snapshot.originalBytes };
    notes.push(...snapshot.notes);
  } catch (error) {
    notes.push(failure('DOM snapshot', error));
  }

  notes.push(...frameNote(doc));
  return {
    url: doc.URL,
    title: doc.title,
    viewport: { width: win.innerWidth, height: win.innerHeight, devicePixelRatio: win.devicePixelRatio },
    scroll: { x: win.scrollX, y: win.scrollY },
    text,
    tables,
    dom,
    notes,
    durationMs: Math.round(clock.now() - started),
  };
}
