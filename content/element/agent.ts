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
import { collectElement } from './collect-element';
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

function toRect(box: DOMRect): CssRect {
  return { x: box.left, y: box.top, width: box.width, height: box.height };
}

function intersects(box: DOMRect, rect: CssRect): boolean {
  return (
    box.right > rect.x &&
    box.left < rect.x + rect.width &&
    box.bottom > rect.y &&
    box.top < rect.y + rect.height
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

  /** The smallest element that holds the whole region: its subtree gives the text and the DOM. */
  private regionRoot(rect: CssRect): Element {
    const { doc } = this;
    const fallback = doc.body ?? doc.documentElement!;
    let element = doc.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    while (element && element !== fallback) {
      const box = element.getBoundingClientRect();
      const holds =
        box.left <= rect.x + 0.5 &&
        box.top <= rect.y + 0.5 &&
        box.right >= rect.x + rect.width - 0.5 &&
        box.bottom >= rect.y + rect.height - 0.5;
      if (holds) return element;
      element = element.parentElement;
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

    let rect =
      selection.kind === 'element' ? toRect(selection.element.getBoundingClientRect()) : selection.rect;
    let method = chooseMethod(selection.kind, rect, shown);
    if (method === 'element-crop' && !isFullyVisible(rect, shown)) {
      this.scrollIntoView(root, changes);
      rect = toRect(root.getBoundingClientRect());
      // Still clipped (an overflow pane, a sticky bar): the browser cannot show it whole.
      if (!isFullyVisible(rect, shown)) method = 'html2canvas';
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
        ? redactText(describeElement(root), compileRules(rules).patterns, [], new Map())
        : describeElement(root),
      maskRects: scanner
        ? method === 'html2canvas'
          ? scanner.rectsWithin(bounds)
          : scanner.rectsOnScreen()
        : [],
      cut,
      crossOriginImages,
    };
  }

  /** Scrolls every scrolling ancestor as little as needed, recording each position to put back. */
  private scrollIntoView(element: Element, changes: PageChanges): void {
    const { win } = this;
    const scrolled: [Element, number, number][] = [];
    for (let node = element.parentElement; node; node = node.parentElement)
      if (node.scrollTop !== 0 || node.scrollLeft !== 0 || node.scrollHeight > node.clientHeight)
        scrolled.push([node, node.scrollTop, node.scrollLeft]);
    const windowX = win.scrollX;
    const windowY = win.scrollY;
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    changes.record(elementAgentText.scrolled(describeElement(element)), () => {
      for (const [node, top, left] of scrolled) node.scrollTo({ top, left, behavior: 'instant' });
      win.scrollTo({ top: windowY, left: windowX, behavior: 'instant' });
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
    const raw = collectElement(this.doc, this.win, prepared.root, {
      shadowRootOf: this.shadowRootOf,
      ...(region ? { keepTable: (table: Element) => intersects(table.getBoundingClientRect(), region) } : {}),
    });
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
