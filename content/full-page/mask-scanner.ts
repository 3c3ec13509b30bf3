import { findMatches, type CompiledRules } from '@/utils/masking/match';
import type { MaskedLiteral } from '@/utils/masking/redact';
import type { ShadowRootReader } from '@/utils/page/types';
import { readShadowRoot } from '../dom';
import { frameOffset, surveyFrames } from '../frames';
import { SkipLedger } from '../skips';
import type { MaskRect } from '@/utils/page/full-page-protocol';

interface Target {
  /** A text range, or a whole element (selector rule, or a form field whose value matches). */
  range: Range | null;
  element: Element;
  ruleId: string;
  key: string;
}

type Bounds = { left: number; top: number; right: number; bottom: number };

const SHOW_ELEMENT_AND_TEXT = 1 | 4;
/** A little margin: anti-aliased glyph edges reach past the text's client rects. */
const MARGIN = 2;

/**
 * Finds what the masking rules cover on the page, same-origin frames included at any depth, and where it
 * is on screen right now. The scan is repeated after the DOM changed (lazy loading, virtualised rows), and
 * on every tile when the page has frames; positions are re-read per tile.
 */
export class MaskScanner {
  private targets: Target[] = [];
  private dirty = true;
  private readonly observer: MutationObserver;
  private readonly nodeIds = new WeakMap<Node, number>();
  private nextNodeId = 1;
  /** The page's own document and its same-origin frames' documents, as of the last scan. */
  private documents: Document[] = [];
  readonly pixelAreas = new Map<string, Set<string>>();

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly rules: CompiledRules,
    private readonly shadowRootOf: ShadowRootReader,
    /** Elements the scan could not check: their text may be unmasked in the pixels, so they are counted. */
    readonly skips: SkipLedger = new SkipLedger(),
  ) {
    const Observer = (win as Window & typeof globalThis).MutationObserver;
    this.observer = new Observer(() => {
      this.dirty = true;
    });
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  dispose(): void {
    this.observer.disconnect();
  }

  /** The areas to black out in the tile about to be taken, in viewport CSS pixels. */
  rectsOnScreen(): MaskRect[] {
    return this.rectsWithin({ left: 0, top: 0, right: this.win.innerWidth, bottom: this.win.innerHeight });
  }

  /**
   * The areas to black out that reach into `bounds` (viewport CSS pixels, which may extend past the
   * screen: an element re-rendered whole).
   */
  rectsWithin(bounds: Bounds): MaskRect[] {
    if (this.dirty) this.scan();
    const rects: MaskRect[] = [];
    for (const target of this.targets) {
      try {
        this.placeTarget(target, bounds, rects);
      } catch {
        this.skips.record('maskScan', target.element);
      }
    }
    return rects;
  }

  private placeTarget(target: Target, bounds: Bounds, rects: MaskRect[]): void {
    if (!target.element.isConnected) return;
    if (target.element.checkVisibility && !target.element.checkVisibility({ visibilityProperty: true }))
      return;
    const offset = frameOffset(target.element, this.doc);
    const boxes = (
      target.range ? [...target.range.getClientRects()] : [target.element.getBoundingClientRect()]
    ).map((box) => ({
      left: box.left + offset.x,
      top: box.top + offset.y,
      right: box.right + offset.x,
      bottom: box.bottom + offset.y,
      width: box.width,
      height: box.height,
    }));
    let onScreen = false;
    for (const box of boxes) {
      if (box.width <= 0 || box.height <= 0) continue;
      if (
        box.bottom <= bounds.top ||
        box.top >= bounds.bottom ||
        box.right <= bounds.left ||
        box.left >= bounds.right
      )
        continue;
      onScreen = true;
      rects.push({
        x: box.left - MARGIN,
        y: box.top - MARGIN,
        width: box.width + 2 * MARGIN,
        height: box.height + 2 * MARGIN,
        ruleId: target.ruleId,
      });
    }
    if (onScreen) {
      const seen = this.pixelAreas.get(target.ruleId) ?? new Set<string>();
      seen.add(target.key);
      this.pixelAreas.set(target.ruleId, seen);
    }
  }

  /** The text of every element a selector rule matches, to remove from text, tables and DOM. */
  literals(): MaskedLiteral[] {
    const literals: MaskedLiteral[] = [];
    if (this.dirty) this.scan();
    for (const rule of this.rules.selectors) {
      for (const element of this.matching(rule.selector)) {
        const walker = element.ownerDocument.createTreeWalker(element, 4 /* SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.nodeValue ?? '').trim();
          if (text) literals.push({ text, ruleId: rule.id });
        }
        for (const field of [element, ...element.querySelectorAll('input, textarea, select')]) {
          const value = (field as HTMLInputElement).value;
          if (typeof value === 'string' && value.trim())
            literals.push({ text: value.trim(), ruleId: rule.id });
        }
      }
    }
    return literals;
  }

  private matching(selector: string): Element[] {
    const found: Element[] = [];
    for (const doc of this.documents) {
      try {
        found.push(...doc.querySelectorAll(selector));
      } catch {
        return [];
      }
    }
    return found;
  }

  private idOf(node: Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) {
      id = this.nextNodeId++;
      this.nodeIds.set(node, id);
    }
    return id;
  }

  private scan(): void {
    const frames = surveyFrames(this.doc, this.skips).readable.map((frame) => frame.doc);
    this.documents = [this.doc, ...frames];
    // A frame's changes are not observed (its document may be replaced): with frames, scan every tile.
    this.dirty = frames.length > 0;
    const targets: Target[] = [];
    for (const rule of this.rules.selectors) {
      for (const element of this.matching(rule.selector))
        targets.push({ range: null, element, ruleId: rule.id, key: `e${this.idOf(element)}` });
    }
    if (this.rules.patterns.length > 0)
      for (const doc of this.documents) if (doc.body) this.scanText(doc.body, targets);
    this.targets = targets;
  }

  private scanText(root: Node, targets: Target[]): void {
    const walker = (root.ownerDocument ?? this.doc).createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      try {
        this.scanNode(node, targets);
      } catch {
        this.skips.record('maskScan', node);
      }
    }
  }

  private scanNode(node: Node, targets: Target[]): void {
    if (node.nodeType === 3) {
      this.scanTextNode(node, targets);
      return;
    }
    const element = node as Element;
    if (element.localName === 'input' || element.localName === 'textarea') {
      const field = element as HTMLInputElement;
      const [match] = findMatches(field.value ?? '', this.rules.patterns);
      if (match) targets.push({ range: null, element, ruleId: match.ruleId, key: `e${this.idOf(element)}` });
    }
    // Through readShadowRoot: chrome.dom.openOrClosedShadowRoot throws on SVG and other non-HTML elements.
    const shadow = readShadowRoot(element, this.shadowRootOf);
    if (shadow) this.scanText(shadow, targets);
  }

  private scanTextNode(node: Node, targets: Target[]): void {
    const parent = node.parentElement;
    const text = node.nodeValue ?? '';
    if (!parent || text.length < 6 || parent.localName === 'script' || parent.localName === 'style') return;
    for (const match of findMatches(text, this.rules.patterns)) {
      const range = (node.ownerDocument ?? this.doc).createRange();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      targets.push({
        range,
        element: parent,
        ruleId: match.ruleId,
        key: `t${this.idOf(node)}:${match.start}`,
      });
    }
  }
}
