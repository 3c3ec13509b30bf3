import type { ScrollGeometry } from '../capture/full-page/types';
import type { MaskingRule } from '../masking/types';
import type { PageSnapshot } from './types';

/** One step the background asks of the page agent; each crosses `scripting.executeScript` as plain data. */
export type AgentStep =
  | { kind: 'begin'; scope: 'full-page' | 'visible'; masking: MaskingRule[] | null }
  | { kind: 'scroll'; top: number | null; lazyWaitMs: number }
  | { kind: 'hideRepeated' }
  | { kind: 'restore' }
  | { kind: 'collect' };

/** An area to black out, in viewport CSS pixels. */
export interface MaskRect {
  x: number;
  y: number;
  width: number;
  height: number;
  ruleId: string;
}

export interface BeginResult {
  geometry: ScrollGeometry;
  url: string;
}

export interface ScrollResult {
  /** Where the pane really is (pages may refuse or snap a scroll). */
  scrollTop: number;
  scrollHeight: number;
  maskRects: MaskRect[];
  url: string;
}

export interface CollectResult {
  snapshot: PageSnapshot;
  /** Every change made to the page, as sentences for the metadata. */
  pageChanges: string[];
  /** Per rule id: areas blacked out in the pixels, occurrences removed from text, tables, DOM and title. */
  pixelAreas: [string, number][];
  textMatches: [string, number][];
  maskingProblems: string[];
}

export interface StepResults {
  begin: BeginResult;
  scroll: ScrollResult;
  hideRepeated: { hidden: number };
  restore: { pageChanges: string[] };
  collect: CollectResult;
}
