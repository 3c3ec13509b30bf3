import { openShadowRoot } from './dom';
import { pageFacts } from './page-facts';
import { readHeadings } from './page-headings';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { surveyFrames, type FrameSurvey } from './frames';
import { readTables } from './read-tables';
import { readVisibleText } from './read-visible-text';
import { guardShadowRoots, SkipLedger } from './skips';
import { snapshotDom } from './snapshot-dom';
import { pageReadingText } from '@/utils/text';
import type { PageFrames, PageLimits, PageSnapshot, PageTable, ShadowRootReader } from '@/utils/page/types';

export type CollectOptions = Partial<PageLimits> & {
  shadowRootOf?: ShadowRootReader;
  now?: () => Date;
};

interface Reading {
  limits: PageLimits;
  shadowRootOf: ShadowRootReader;
  skips: SkipLedger;
  notes: string[];
}

function failure(part: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `${part} could not be read (${reason}); the rest of the capture is complete`;
}

function readText(doc: Document, reading: Reading, maxChars: number): string {
  const { shadowRootOf, skips, notes } = reading;
  try {
    const visible = readVisibleText(doc, { maxChars, shadowRootOf, skips });
    notes.push(...visible.notes);
    return visible.text;
  } catch (error) {
    notes.push(failure('Visible text', error));
    return '';
  }
}

function readDocumentTables(doc: Document, reading: Reading, maxTables: number): PageTable[] {
  const { limits, shadowRootOf, skips, notes } = reading;
  if (maxTables <= 0) return [];
  try {
    const read = readTables(doc, { maxRows: limits.maxTableRows, maxTables, shadowRootOf, skips });
    notes.push(...read.notes);
    return read.tables;
  } catch (error) {
    notes.push(failure('Tables', error));
    return [];
  }
}

/** Frame tables continue the top document's numbering, so every table of the capture has its own file. */
function frameTables(survey: FrameSurvey, reading: Reading, tables: PageTable[], frames: PageFrames): void {
  for (const frame of survey.readable) {
    const read = readDocumentTables(frame.doc, reading, reading.limits.maxTables - tables.length);
    for (const table of read) tables.push({ ...table, name: `table-${tables.length + 1}`, frame: frame.url });
    frames.included.push({ path: frame.path, url: frame.url, tables: read.length });
  }
}

/** Each frame's text follows the page's, headed by the frame's URL, in document order. */
function frameText(survey: FrameSurvey, reading: Reading, text: string): string {
  let combined = text;
  for (const frame of survey.readable) {
    const left = reading.limits.maxTextChars - combined.length;
    if (left <= 0) break;
    const part = readText(frame.doc, reading, left);
    if (part !== '') combined += `\n\n${pageReadingText.frameHeading(frame.url)}\n${part}`;
  }
  return combined;
}

function readDom(doc: Document, reading: Reading, now: CollectOptions['now']): PageSnapshot['dom'] {
  const { limits, shadowRootOf, skips, notes } = reading;
  try {
    const snapshot = snapshotDom(doc, {
      maxBytes: limits.maxDomBytes,
      url: doc.URL,
      shadowRootOf,
      skips,
      ...(now ? { now } : {}),
    });
    notes.push(...snapshot.notes);
    return { html: snapshot.html, truncated: snapshot.truncated, originalBytes: snapshot.originalBytes };
  } catch (error) {
    notes.push(failure('DOM snapshot', error));
    return { html: '', truncated: false, originalBytes: 0 };
  }
}

function frameNotes(frames: PageFrames): string[] {
  const notes: string[] = [];
  if (frames.included.length > 0)
    notes.push(pageReadingText.framesIncluded(frames.included.map((f) => f.url)));
  if (frames.otherOrigins.length > 0) {
    const origins = [...new Set(frames.otherOrigins.map((frame) => frame.origin))];
    notes.push(pageReadingText.framesOtherOrigins(frames.otherOrigins.length, origins));
  }
  return notes;
}

/**
 * Everything the collector reads from the captured tab, as plain structured-cloneable data. Same-origin frames
 * are read like the top document (their text after the page's, their tables numbered on, their documents inlined
 * in the DOM snapshot); frames of other origins are listed. Each part fails on its own, and so does each element:
 * what cannot be read is skipped, counted and named in a note.
 */
export function collectPage(doc: Document, win: Window, options: CollectOptions = {}): PageSnapshot {
  const clock = win.performance ?? Date;
  const started = clock.now();
  const limits: PageLimits = { ...DEFAULT_LIMITS, ...options };
  const skips = new SkipLedger();
  const shadowRootOf = guardShadowRoots(options.shadowRootOf ?? openShadowRoot, skips);
  const reading: Reading = { limits, shadowRootOf, skips, notes: [] };
  const survey = surveyFrames(doc, skips);
  const frames: PageFrames = { included: [], otherOrigins: survey.otherOrigins };

  const text = frameText(survey, reading, readText(doc, reading, limits.maxTextChars));
  const tables = readDocumentTables(doc, reading, limits.maxTables);
  frameTables(survey, reading, tables, frames);
  const dom = readDom(doc, reading, options.now);
  const headings = readHeadings([doc, ...survey.readable.map((frame) => frame.doc)], skips);

  const notes = [...reading.notes, ...frameNotes(frames)];
  if (skips.total > 0) notes.push(pageReadingText.skipped(skips.summary()));
  const hasFrames = frames.included.length + frames.otherOrigins.length > 0;
  return {
    ...pageFacts(doc, win),
    text,
    headings,
    tables,
    dom,
    notes,
    ...(skips.total > 0 ? { skipped: skips.summary() } : {}),
    ...(hasFrames ? { frames } : {}),
    durationMs: Math.round(clock.now() - started),
  };
}
