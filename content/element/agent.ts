import { chooseMethod, isFullyVisible, renderHeight, type CssRect } from '@/utils/capture/element/geometry';
import { compileRules } from '@/utils/masking/match';
import { redactText } from '@/utils/masking/redact';
import { redactSnapshot } from '@/utils/masking/redact-snapshot';
import type { MaskingRule } from '@/utils/masking/types';
import { elementAgentText } from '@/utils/text';
import { MaskScanner } from '../full-page/mask-scanner';
import { PageChanges, describeElement } from '../full-page/page-changes';
import type { CollectResult } from '@/utils/page/full-page-protocol';
import { nextFrame } from '../full-page/settle';
import type { ShadowRootReader } from '@/utils/page/types';
import { pageFacts } from '../page-facts';
import { collectElement } from './collect-element';
import {
  describeInFrames,
  elementAtPoint,
  insideArea,
  parentAcrossFrames,
  rectInTop,
  visibleArea,
} from './in-frames';
import {
  RENDER_ATTRIBUTE,
  type ElementStep,
  type ElementStepResults,
  type RenderRequest,
} from '@/utils/page/element-protocol';

export type Selection = { kind: 'element'; element: Element } | { kind: 'region'; rect: CssRect };

interface Prepared {
  root: Element;
  region: CssRect | null;
  masking: MaskingRule[] | null;
  scanner: MaskScanner | null;
  changes: PageChanges;
  restored: boolean;
}

function intersects(box: CssRect, rect: CssRect): boolean {
  return (
    box.x + box.width > rect.x &&
    box.x < rect.x + rect.width &&
    box.y + box.height > rect.y &&
    box.y < rect.y + rect.height
  );
}

/**
 * The page side of an element or region capture, in the extension's isolated world: brings the selection
 * on screen (or marks it for the html2canvas script), reports the areas to mask, reads the subtree's text,
 * tables and DOM, and puts the page back.
 */
export class ElementAgent {
  private selection: Selection | null = null;
  private prepared: Prepared | null = null;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly shadowRootOf: ShadowRootReader,
  ) {}

  select(selection: Selection): void {
    this.selection = selection;
    this.prepared = null;
  }

  async run(step: ElementStep): Promise<ElementStepResults[ElementStep['kind']]> {
    switch (step.kind) {
      case 'prepare':
        return this.prepare(step);
      case 'collect':
        return this.collect();
      case 'restore':
        return this.restore();
    }
  }

  /**
   * The smallest element that holds the whole region: its subtree gives the text and the DOM. A region drawn
   * inside a same-origin frame is held by an element of the frame's document.
   */
  private regionRoot(rect: CssRect): Element {
    const { doc } = this;
    const fallback = doc.body ?? doc.documentElement!;
    let element = elementAtPoint(doc, rect.x + rect.width / 2, rect.y + rect.height / 2);
    while (element && element !== fallback) {
      const box = rectInTop(element, doc);
      const holds =
        box.x <= rect.x + 0.5 &&
        box.y <= rect.y + 0.5 &&
        box.x + box.width >= rect.x + rect.width - 0.5 &&
        box.y + box.height >= rect.y + rect.height - 0.5;
      if (holds) return element;
      element = parentAcrossFrames(element, doc);
    }
    return fallback;
  }

  private async prepare(
    step: Extract<ElementStep, { kind: 'prepare' }>,
  ): Promise<ElementStepResults['prepare']> {
    const selection = this.selection;
    if (!selection) throw new Error(elementAgentText.nothingSelected);
    if (selection.kind === 'element' && !selection.element.isConnected)
      throw new Error(elementAgentText.elementLeft);
    const { doc, win } = this;
    const changes = new PageChanges();
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    // What is really on show: the viewport less the page's scrollbars (which the screenshot does include).
    // (In quirks mode the root's client size is the document's: never more than the viewport.)
    const shown = {
      width: Math.min(viewport.width, doc.documentElement?.clientWidth || viewport.width),
      height: Math.min(viewport.height, doc.documentElement?.clientHeight || viewport.height),
    };
    const root = selection.kind === 'element' ? selection.element : this.regionRoot(selection.rect);
    const rules = step.masking;
    const scanner = rules ? new MaskScanner(doc, win, compileRules(rules), this.shadowRootOf) : null;
    this.prepared = { root, region: null, masking: rules, scanner, changes, restored: false };

    // An element inside a same-origin frame is seen through the frame's viewport: it must fit that too.
    const visible = () => visibleArea(root, doc, shown);
    const area = visible();
    let rect = selection.kind === 'element' ? rectInTop(selection.element, doc) : selection.rect;
    let method = chooseMethod(selection.kind, rect, {
      width: area.right - area.left,
      height: area.bottom - area.top,
    });
    if (method === 'element-crop' && !(isFullyVisible(rect, shown) && insideArea(rect, area))) {
      this.scrollIntoView(root, changes);
      rect = rectInTop(root, doc);
      // Still clipped (an overflow pane, a sticky bar): the browser cannot show it whole.
      if (!(isFullyVisible(rect, shown) && insideArea(rect, visible()))) method = 'html2canvas';
    }
    if (selection.kind === 'region') this.prepared.region = selection.rect;

    let cut = false;
    let crossOriginImages = 0;
    if (method === 'html2canvas') {
      const height = renderHeight(rect.height, win.devicePixelRatio);
      cut = height.cut;
      const request: RenderRequest = { scale: win.devicePixelRatio, height: height.height };
      const previous = root.getAttribute(RENDER_ATTRIBUTE);
      root.setAttribute(RENDER_ATTRIBUTE, JSON.stringify(request));
      changes.record(elementAgentText.marked(describeElement(root)), () => {
        if (previous === null) root.removeAttribute(RENDER_ATTRIBUTE);
        else root.setAttribute(RENDER_ATTRIBUTE, previous);
      });
      crossOriginImages = this.crossOriginImages(root);
    }
    // The picker's overlay is gone; let the page paint without it (and after any scroll) before pixels are taken.
    await nextFrame(win);
    const bounds = { left: rect.x, top: rect.y, right: rect.x + rect.width, bottom: rect.y + rect.height };
    return {
      url: doc.URL,
      kind: selection.kind,
      method,
      rect,
      viewport,
      devicePixelRatio: win.devicePixelRatio,
      // An id or class can hold what the rules mask (an e-mail address in an id): the description is redacted too.
      description: rules
        ? redactText(describeInFrames(root, doc), compileRules(rules).patterns, [], new Map())
        : describeInFrames(root, doc),
      maskRects: scanner
        ? method === 'html2canvas'
          ? scanner.rectsWithin(bounds)
          : scanner.rectsOnScreen()
        : [],
      cut,
      crossOriginImages,
    };
  }

  /**
   * Scrolls every scrolling ancestor as little as needed (the frames' windows and their panes too, for an
   * element inside a frame), recording each position to put back.
   */
  private scrollIntoView(element: Element, changes: PageChanges): void {
    const scrolled: [Element, number, number][] = [];
    const windows: [Window, number, number][] = [];
    for (let node: Element | null = element; node;) {
      for (let parent = node.parentElement; parent; parent = parent.parentElement)
        if (parent.scrollTop !== 0 || parent.scrollLeft !== 0 || parent.scrollHeight > parent.clientHeight)
          scrolled.push([parent, parent.scrollTop, parent.scrollLeft]);
      const view: Window | null = node.ownerDocument.defaultView;
      if (view) windows.push([view, view.scrollX, view.scrollY]);
      node = node.ownerDocument === this.doc ? null : (view?.frameElement ?? null);
    }
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    changes.record(elementAgentText.scrolled(describeElement(element)), () => {
      for (const [node, top, left] of scrolled) node.scrollTo({ top, left, behavior: 'instant' });
      for (const [view, left, top] of windows) view.scrollTo({ top, left, behavior: 'instant' });
    });
  }

  private crossOriginImages(root: Element): number {
    const origin = this.win.location.origin;
    let count = 0;
    for (const image of root.querySelectorAll('img')) {
      try {
        const source = new URL(image.currentSrc || image.src, this.doc.baseURI);
        if (source.protocol !== 'data:' && source.protocol !== 'blob:' && source.origin !== origin) count++;
      } catch {
        // an unparsable source shows nothing either way
      }
    }
    return count;
  }

  private collect(): CollectResult {
    const prepared = this.required();
    const region = prepared.region;
    // An element inside a frame is read in its own document; the capture is still of the tab's page.
    const rootDoc = prepared.root.ownerDocument;
    const rootWin = rootDoc.defaultView ?? this.win;
    const read = collectElement(rootDoc, rootWin, prepared.root, {
      shadowRootOf: this.shadowRootOf,
      // A region's tables are those it touches, even when it lies inside one table (its root is then a row group).
      ...(region
        ? {
            keepTable: (table: Element) => intersects(rectInTop(table, this.doc), region),
            tablesRoot: rootDoc.body ?? prepared.root,
          }
        : {}),
    });
    const raw = rootDoc === this.doc ? read : { ...read, ...pageFacts(this.doc, this.win) };
    const scanner = prepared.scanner;
    const pixelAreas = [...(scanner?.pixelAreas ?? new Map<string, Set<string>>())].map(
      ([id, keys]) => [id, keys.size] as [string, number],
    );
    if (!prepared.masking) {
      return {
        snapshot: raw,
        pageChanges: prepared.changes.sentences,
        pixelAreas,
        textMatches: [],
        maskingProblems: [],
      };
    }
    const literals = scanner?.literals() ?? [];
    const redacted = redactSnapshot(raw, prepared.masking, literals);
    const { patterns } = compileRules(prepared.masking);
    return {
      snapshot: redacted.snapshot,
      pageChanges: prepared.changes.sentences.map((sentence) =>
        redactText(sentence, patterns, literals, new Map()),
      ),
      pixelAreas,
      textMatches: [...redacted.textMatches],
      maskingProblems: redacted.problems,
    };
  }

  private restore(): ElementStepResults['restore'] {
    const prepared = this.prepared;
    if (!prepared) return { pageChanges: [] };
    if (!prepared.restored) {
      prepared.restored = true;
      prepared.changes.restoreAll();
      prepared.scanner?.dispose();
    }
    return { pageChanges: prepared.changes.sentences };
  }

  private required(): Prepared {
    if (!this.prepared) throw new Error(elementAgentText.notPrepared);
    return this.prepared;
  }
}
