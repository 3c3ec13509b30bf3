import { bottomInsetOf, findRepeatedElements } from './repeated-elements';
import { findScrollContainer, paneRect, type ScrollContainer } from './scroll-container';
import { frameOffset } from '../frames';
import type { Rect } from '@/utils/capture/full-page/types';
import { pageBackground } from './page-background';
import { settle } from './settle';
import { MaskScanner } from './mask-scanner';
import { PageChanges, describeElement, setInlineStyle } from './page-changes';
import { VirtualRowCollector } from './virtual-rows';
import type { AgentStep, StepResults } from '@/utils/page/full-page-protocol';
import { compileRules } from '@/utils/masking/match';
import { redactText } from '@/utils/masking/redact';
import { redactSnapshot } from '@/utils/masking/redact-snapshot';
import type { MaskingRule } from '@/utils/masking/types';
import type { PageSnapshot, ShadowRootReader } from '@/utils/page/types';
import { pageReadingText } from '@/utils/text';
import { SkipLedger } from '../skips';

interface CaptureState {
  scope: 'full-page' | 'visible';
  container: ScrollContainer;
  original: { windowX: number; windowY: number; top: number; left: number; focus: Element | null };
  repeated: HTMLElement[];
  changes: PageChanges;
  masking: MaskingRule[] | null;
  scanner: MaskScanner | null;
  rows: VirtualRowCollector;
  scrolledTo: number;
  steps: number;
  restored: boolean;
  /** What the search for fixed elements and the masking scan could not read. */
  skips: SkipLedger;
}

export interface AgentOptions {
  shadowRootOf: ShadowRootReader;
  collect: () => PageSnapshot;
  /** Puts the page back by itself when no step came for this long (the background was stopped). */
  abandonAfterMs?: number;
}

/** The page reading's skips and the agent's own (fixed elements, masking scan), counted and said once. */
function withAgentSkips(snapshot: PageSnapshot, agentSkips: SkipLedger): PageSnapshot {
  if (agentSkips.total === 0) return snapshot;
  const all = new SkipLedger();
  all.add(snapshot.skipped);
  all.add(agentSkips.summary());
  const readingNote = snapshot.skipped ? pageReadingText.skipped(snapshot.skipped) : null;
  const notes = snapshot.notes.filter((note) => note !== readingNote);
  return { ...snapshot, skipped: all.summary(), notes: [...notes, pageReadingText.skipped(all.summary())] };
}

/** Longer than any pause between two steps of a live capture (a step times out after 20 s). */
export const ABANDON_AFTER_MS = 30_000;

/** A rectangle of the top viewport in the coordinates of a frame's viewport. */
function inFrame(rect: Rect, frameDoc: Document, top: Document): Rect {
  const offset = frameOffset(frameDoc.documentElement, top);
  return { ...rect, x: rect.x - offset.x, y: rect.y - offset.y };
}

/**
 * The page side of a full-page (or masked) capture: finds what scrolls, scrolls it tile by tile,
 * hides repeated fixed/sticky elements, reports the areas to mask, and puts everything back. Runs in
 * the extension's isolated world, where the page's own overrides of `scrollTo` and friends do not reach.
 */
export class PageAgent {
  private state: CaptureState | null = null;
  private watchdog: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly options: AgentOptions,
  ) {}

  async run(step: AgentStep): Promise<StepResults[AgentStep['kind']]> {
    // MV3 may stop the background mid-capture: a page left scrolled with its headers hidden would
    // be the user's to repair. Each step re-arms the watchdog; a lull means the capture is gone.
    this.win.clearTimeout(this.watchdog);
    this.watchdog = this.win.setTimeout(() => {
      if (this.state && !this.state.restored) this.restore();
    }, this.options.abandonAfterMs ?? ABANDON_AFTER_MS);
    switch (step.kind) {
      case 'begin':
        return this.begin(step);
      case 'scroll':
        return this.scroll(step);
      case 'hideRepeated':
        return this.hideRepeated();
      case 'restore':
        return this.restore();
      case 'collect':
        return this.collect();
    }
  }

  private begin(step: Extract<AgentStep, { kind: 'begin' }>): StepResults['begin'] {
    if (this.state && !this.state.restored) this.restore();
    const { doc, win } = this;
    const container = findScrollContainer(doc, win);
    const changes = new PageChanges();
    const original = {
      windowX: win.scrollX,
      windowY: win.scrollY,
      top: container.element.scrollTop,
      left: container.element.scrollLeft,
      focus: doc.activeElement,
    };
    const pane = paneRect(container, doc, win);
    const skips = new SkipLedger();
    const repeated =
      step.scope === 'full-page' ? findRepeatedElements(doc, win, this.options.shadowRootOf, skips) : [];
    // A pane inside a frame: that frame's sticky and fixed elements repeat on every tile too.
    const paneDoc = container.element.ownerDocument;
    const paneWin = paneDoc.defaultView;
    const framed =
      step.scope === 'full-page' && paneDoc !== doc && paneWin
        ? findRepeatedElements(paneDoc, paneWin, this.options.shadowRootOf, skips)
        : [];
    const rules = step.masking;
    this.state = {
      scope: step.scope,
      container,
      original,
      repeated: [...repeated, ...framed],
      changes,
      masking: rules,
      scanner: rules
        ? new MaskScanner(doc, win, compileRules(rules), this.options.shadowRootOf, skips)
        : null,
      rows: new VirtualRowCollector(doc),
      scrolledTo: original.top,
      steps: 0,
      restored: false,
      skips,
    };
    if (step.scope === 'full-page') this.prepareScrolling(container, changes);
    return {
      url: doc.URL,
      geometry: {
        viewport: { width: win.innerWidth, height: win.innerHeight },
        devicePixelRatio: win.devicePixelRatio,
        pane,
        scrollHeight: container.element.scrollHeight,
        bottomInset: Math.max(
          bottomInsetOf(repeated, pane),
          bottomInsetOf(framed, inFrame(pane, paneDoc, doc)),
        ),
        container: container.description,
        background: pageBackground(doc, win),
      },
    };
  }

  /** Smooth scrolling and scroll snapping would move the pane elsewhere than asked: both are turned off. */
  private prepareScrolling(container: ScrollContainer, changes: PageChanges): void {
    const targets = container.isDocument
      ? [this.doc.documentElement, ...(this.doc.body ? [this.doc.body] : [])]
      : [container.element];
    for (const element of targets) {
      const style = (element.ownerDocument.defaultView ?? this.win).getComputedStyle(element);
      const html = element as HTMLElement;
      if (style.scrollBehavior === 'smooth') {
        changes.record(
          `Turned off smooth scrolling on ${describeElement(element)} (restored afterwards).`,
          setInlineStyle(html, 'scroll-behavior', 'auto'),
        );
      }
      if (style.scrollSnapType && style.scrollSnapType !== 'none') {
        changes.record(
          `Turned off scroll snapping on ${describeElement(element)} (restored afterwards).`,
          setInlineStyle(html, 'scroll-snap-type', 'none'),
        );
      }
    }
  }

  private async scroll(step: Extract<AgentStep, { kind: 'scroll' }>): Promise<StepResults['scroll']> {
    const state = this.required();
    const element = state.container.element;
    if (step.top !== null) {
      element.scrollTo({ top: step.top, left: state.original.left, behavior: 'instant' });
      state.steps++;
    }
    await settle(this.doc, this.win, step.lazyWaitMs);
    state.rows.collect();
    const scrollTop = Math.round(element.scrollTop);
    state.scrolledTo = Math.max(state.scrolledTo, scrollTop);
    return {
      scrollTop,
      scrollHeight: element.scrollHeight,
      maskRects: state.scanner?.rectsOnScreen() ?? [],
      url: this.doc.URL,
    };
  }

  private hideRepeated(): StepResults['hideRepeated'] {
    const state = this.required();
    const hidden = state.repeated.filter((element) => element.isConnected);
    if (hidden.length === 0) return { hidden: 0 };
    const undo = hidden.map((element) => setInlineStyle(element, 'visibility', 'hidden'));
    const names = hidden.slice(0, 5).map(describeElement).join(', ');
    const more = hidden.length > 5 ? ` and ${hidden.length - 5} more` : '';
    state.changes.record(
      `Hid ${hidden.length} fixed or sticky element${hidden.length === 1 ? '' : 's'} (${names}${more}) after the first tile, so that they appear once (styles restored afterwards).`,
      () => undo.reverse().forEach((step) => step()),
    );
    return { hidden: hidden.length };
  }

  private restore(): StepResults['restore'] {
    const state = this.required();
    if (state.restored) return { pageChanges: state.changes.sentences };
    state.restored = true;
    const { container, original, changes } = state;
    state.changes.restoreAll();
    if (state.steps > 0) {
      container.element.scrollTo({ top: original.top, left: original.left, behavior: 'instant' });
      if (!container.isDocument)
        this.win.scrollTo({ top: original.windowY, left: original.windowX, behavior: 'instant' });
      const now = Math.round(container.element.scrollTop);
      const where = container.isDocument ? 'the page' : `the scrolling pane ${container.description}`;
      changes.note(
        `Scrolled ${where} in ${state.steps} step${state.steps === 1 ? '' : 's'} down to ${state.scrolledTo} px to take the tiles; ` +
          (Math.abs(now - Math.round(original.top)) <= 1
            ? `scroll position restored to ${Math.round(original.top)} px.`
            : `the scroll position could not be restored exactly (${now} px instead of ${Math.round(original.top)} px).`),
      );
    }
    const focus = original.focus as HTMLElement | null;
    if (focus && focus.isConnected && this.doc.activeElement !== focus && typeof focus.focus === 'function') {
      focus.focus({ preventScroll: true });
      changes.note(`Focus returned to ${describeElement(focus)}.`);
    }
    state.scanner?.dispose();
    return { pageChanges: changes.sentences };
  }

  private collect(): StepResults['collect'] {
    const state = this.required();
    const raw = withAgentSkips(this.options.collect(), state.skips);
    const merged = state.rows.merge(raw.tables);
    const snapshot: PageSnapshot = { ...raw, tables: merged.tables, notes: [...raw.notes, ...merged.notes] };
    const pixelAreas = [...(state.scanner?.pixelAreas ?? new Map<string, Set<string>>())].map(
      ([id, keys]) => [id, keys.size] as [string, number],
    );
    if (!state.masking) {
      return {
        snapshot,
        pageChanges: state.changes.sentences,
        pixelAreas,
        textMatches: [],
        maskingProblems: [],
      };
    }
    const literals = state.scanner?.literals() ?? [];
    const redacted = redactSnapshot(snapshot, state.masking, literals);
    const { patterns } = compileRules(state.masking);
    const pageChanges = state.changes.sentences.map((sentence) =>
      redactText(sentence, patterns, literals, new Map()),
    );
    return {
      snapshot: redacted.snapshot,
      pageChanges,
      pixelAreas,
      textMatches: [...redacted.textMatches],
      maskingProblems: redacted.problems,
    };
  }

  private required(): CaptureState {
    if (!this.state) throw new Error('The page agent was not started for this capture.');
    return this.state;
  }
}
