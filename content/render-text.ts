import {
  flatChildren,
  isElement,
  isHiddenByAttribute,
  isHtml,
  isNonRendered,
  isTableContainer,
  pushChildrenReversed,
  readShadowRoot,
  TEXT_NODE,
} from './dom';
import { controlText, isFormControl } from './form-controls';
import { NEEDS_WALK_FOR_CELL, NEEDS_WALK_FOR_TEXT, type PageIndex } from './page-index';
import type { BreakKind, StyleReader, WhiteSpaceMode } from './styles';
import { TextSink } from './text-sink';
import type { ShadowRootReader } from '@/utils/page/types';

export interface RenderContext {
  styles: StyleReader;
  shadowRootOf: ShadowRootReader;
  /** Built by indexPage on the same document; lets subtrees with nothing special go through innerText. */
  index: PageIndex;
  /** Cell mode: what to write in place of a nested table (its name), so its text is not duplicated. */
  nestedTableLabel?: (table: Element) => string;
}

export interface RenderOptions {
  /** `page`: lines and tabs as innerText. `cell`: one line, white space collapsed, nested tables left out. */
  mode: 'page' | 'cell';
  maxChars: number;
  /**
   * The caller has checked that the root is displayed (not display:none), so with layout a plain root can go
   * straight to innerText (which returns raw textContent for undisplayed elements). Saves a style read per cell.
   */
  rootDisplayed?: boolean;
}

export interface RenderedText {
  text: string;
  truncated: boolean;
}

type Frame = { node: Node; visible: boolean; whiteSpace: WhiteSpaceMode } | { exit: BreakKind };

function enter(sink: TextSink, kind: BreakKind): void {
  if (kind === 'block' || kind === 'row') sink.requireBreaks(1);
  else if (kind === 'paragraph') sink.requireBreaks(2);
}

function leave(sink: TextSink, kind: BreakKind): void {
  if (kind === 'cell') sink.endCell();
  else enter(sink, kind);
}

function writeText(sink: TextSink, text: string, whiteSpace: WhiteSpaceMode): void {
  if (whiteSpace === 'pre') sink.preformatted(text);
  else if (whiteSpace === 'pre-line') sink.preLine(text);
  else sink.collapsible(text);
}

/** A field's value stands apart from the text around it, as its box does on screen; a textarea keeps its lines. */
function writeControl(sink: TextSink, control: Element, value: string, mode: RenderOptions['mode']): void {
  if (value === '') return;
  if (control.localName === 'textarea' && mode === 'page') {
    sink.collapsible(' ');
    sink.preformatted(value);
    sink.collapsible(' ');
  } else {
    sink.collapsible(` ${value} `);
  }
}

/** Cuts to `maxChars` without splitting a surrogate pair. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
  return text.slice(0, end);
}

/**
 * The text of `root` as a reader sees it. Walks the flat tree iteratively (shadow roots, slots) and skips hidden
 * content; where the engine has layout, subtrees with nothing special are read with innerText in one call.
 */
export function renderText(root: Element, context: RenderContext, options: RenderOptions): RenderedText {
  const { styles, shadowRootOf, index, nestedTableLabel } = context;
  const mask = options.mode === 'page' ? NEEDS_WALK_FOR_TEXT : NEEDS_WALK_FOR_TEXT | NEEDS_WALK_FOR_CELL;
  if (
    options.rootDisplayed === true &&
    options.mode === 'cell' &&
    styles.layout &&
    isHtml(root) &&
    !isNonRendered(root) &&
    !isHiddenByAttribute(root) &&
    ((index.needsWalk.get(root) ?? 0) & mask) === 0
  ) {
    const text = root.innerText.replace(/\s+/g, ' ').trim();
    return { text: cutText(text, options.maxChars), truncated: text.length > options.maxChars };
  }
  const sink = new TextSink(options.maxChars);
  const stack: Frame[] = [{ node: root, visible: true, whiteSpace: 'collapse' }];
  let truncated = false;

  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (sink.full) {
      truncated = true;
      break;
    }
    if ('exit' in frame) {
      leave(sink, frame.exit);
      continue;
    }
    const { node } = frame;
    try {
      if (node.nodeType === TEXT_NODE) {
        if (frame.visible) writeText(sink, (node as Text).data, frame.whiteSpace);
        continue;
      }
      if (!isElement(node) || isNonRendered(node) || isHiddenByAttribute(node)) continue;
      if (node !== root && nestedTableLabel && isTableContainer(node)) {
        sink.collapsible(` ${nestedTableLabel(node)} `);
        continue;
      }
      const style = styles.read(node);
      if (style.hidden) continue;
      const visible = style.visible ?? frame.visible;
      const whiteSpace = style.whiteSpace ?? frame.whiteSpace;
      if (node.localName === 'br' && isHtml(node)) {
        sink.lineBreak();
        continue;
      }
      enter(sink, style.breakKind);
      if (isFormControl(node)) {
        if (visible) writeControl(sink, node, controlText(node, styles), options.mode);
        leave(sink, style.breakKind);
        continue;
      }
      const needsWalk = ((index.needsWalk.get(node) ?? 0) & mask) !== 0;
      if (styles.layout && isHtml(node) && !style.contents && !needsWalk) {
        const inner = node.innerText; // innerText applies the page's CSS: hidden parts are left out
        if (options.mode === 'cell') sink.collapsible(inner);
        else sink.preformatted(inner);
        leave(sink, style.breakKind);
        continue;
      }
      stack.push({ exit: style.breakKind });
      const shadowRoot = readShadowRoot(node, shadowRootOf);
      if (shadowRoot) styles.addRoot(shadowRoot);
      pushChildrenReversed(stack, flatChildren(node, shadowRootOf), (child) => ({
        node: child,
        visible,
        whiteSpace,
      }));
    } catch {
      styles.skips.record('element', node); // left out with its subtree; the rest of the text is read
    }
  }

  const full = sink.toString();
  const text = options.mode === 'cell' ? full.replace(/\s+/g, ' ').trim() : full;
  return { text: cutText(text, options.maxChars), truncated: truncated || text.length > options.maxChars };
}
