import { dragRect, isRegionDrag, type CssRect } from '@/utils/capture/element/geometry';
import type { PickerChoice } from '@/utils/messages/picker';
import { describeElement } from '../full-page/page-changes';
import { frameOffset, surveyFrames } from '../frames';
import { SkipLedger } from '../skips';
import {
  childAcrossFrames,
  describeInFrames,
  elementAtPoint,
  parentAcrossFrames,
  rectInTop,
} from './in-frames';
import { PICKER_CSS } from './picker-style';
import type { Selection } from './agent';
import { elementPickerText } from '@/utils/text';

export interface PickerOptions {
  timeoutMs: number;
  /** Called once: with the selection, or with a cancellation (Esc, timeout). The overlay is gone by then. */
  onDone: (choice: PickerChoice, selection: Selection | null) => void;
}

// Set through the CSSOM, which a page's Content-Security-Policy does not govern (a style attribute it would).
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['display', 'block'],
];
const SWALLOWED = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'contextmenu',
  'auxclick',
];

/**
 * The element and region picker: hover highlights the element under the pointer with its size, a click
 * selects it, a drag draws a rectangle; arrows or [ ] walk to the parent, child and siblings, Enter selects,
 * Esc cancels. It lives in a closed shadow root (the page's CSS cannot reach it), writes page strings only as
 * text, and reacts only to real (trusted) input. Removing it leaves no trace.
 */
export class ElementPicker {
  private readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private readonly label: HTMLElement;
  private readonly region: HTMLElement;
  private readonly banner: HTMLElement;
  private current: Element | null = null;
  /** Elements walked up from with [ or ↑, to walk back down the same way. */
  private readonly descent: Element[] = [];
  private dragStart: { x: number; y: number } | null = null;
  private dragging = false;
  private finished = false;
  private readonly timer: number;
  private readonly listeners: [Window, string, (event: Event) => void][] = [];
  /** The top window and every same-origin frame's window: pointer and keys over a frame go to the frame. */
  private readonly windows = new Set<Window>();

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly options: PickerOptions,
  ) {
    this.host = doc.createElement('isms-evidence-picker');
    for (const [property, value] of HOST_STYLE) this.host.style.setProperty(property, value, 'important');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = this.styleFor(root);
    this.box = this.part('div', 'box');
    this.label = this.part('div', 'label');
    this.region = this.part('div', 'region');
    this.banner = this.part('div', 'banner');
    this.banner.setAttribute('role', 'status');
    this.writeBanner();
    root.append(...(style ? [style] : []), this.box, this.region, this.label, this.banner);
    (doc.documentElement ?? doc).appendChild(this.host);

    this.watch(win);
    for (const frame of surveyFrames(doc, new SkipLedger()).readable)
      if (frame.doc.defaultView) this.watch(frame.doc.defaultView);
    this.listen(win, 'pagehide', () => this.remove());
    this.timer = win.setTimeout(
      () => this.finish({ kind: 'cancelled', reason: 'timeout' }, null),
      options.timeoutMs,
    );
    const start = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : null;
    this.highlight(start ?? doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2));
  }

  get isOpen(): boolean {
    return !this.finished;
  }

  /** Cancels without a result, e.g. when a new picker replaces this one. */
  remove(): void {
    if (this.finished) return;
    this.finished = true;
    this.win.clearTimeout(this.timer);
    for (const [target, type, listener] of this.listeners) {
      try {
        target.removeEventListener(type, listener, true);
      } catch {
        // a frame that went away took its listeners with it
      }
    }
    this.host.remove();
  }

  /** A constructed stylesheet where the browser allows adopting one (no CSP applies), a <style> otherwise. */
  private styleFor(root: ShadowRoot): HTMLStyleElement | null {
    try {
      const Sheet = (this.win as Window & typeof globalThis).CSSStyleSheet;
      const sheet = new Sheet();
      sheet.replaceSync(PICKER_CSS);
      root.adoptedStyleSheets = [sheet];
      return null;
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = PICKER_CSS;
      return style;
    }
  }

  private part(tag: string, className: string): HTMLElement {
    const element = this.doc.createElement(tag);
    element.className = className;
    return element;
  }

  private writeBanner(): void {
    const { doc, banner } = this;
    const strong = doc.createElement('strong');
    strong.textContent = elementPickerText.productName;
    const key = (text: string) => {
      const kbd = doc.createElement('kbd');
      kbd.textContent = text;
      return kbd;
    };
    banner.append(
      strong,
      elementPickerText.instructions,
      key('↑'),
      '/',
      key('['),
      elementPickerText.parent,
      key('↓'),
      '/',
      key(']'),
      elementPickerText.child,
      key(elementPickerText.enterKey),
      elementPickerText.capture,
      key(elementPickerText.escKey),
      elementPickerText.cancel,
    );
  }

  /** Listens to one window's input; a frame's pointer positions are carried into the top viewport. */
  private watch(target: Window): void {
    if (this.windows.has(target) || this.finished) return;
    this.windows.add(target);
    const pointer = (handler: (event: PointerEvent, x: number, y: number) => void) => (event: Event) => {
      const moved = event as PointerEvent;
      const offset = this.offsetOf(target);
      handler(moved, moved.clientX + offset.x, moved.clientY + offset.y);
    };
    this.listen(
      target,
      'pointermove',
      pointer((event, x, y) => this.onMove(event, x, y)),
    );
    this.listen(
      target,
      'pointerdown',
      pointer((event, x, y) => this.onDown(event, x, y)),
    );
    this.listen(
      target,
      'pointerup',
      pointer((event, x, y) => this.onUp(event, x, y)),
    );
    for (const type of SWALLOWED.filter((name) => name !== 'pointerdown' && name !== 'pointerup'))
      this.listen(target, type, (event) => this.swallow(event));
    this.listen(target, 'selectstart', (event) => this.swallow(event));
    this.listen(target, 'dragstart', (event) => this.swallow(event));
    this.listen(target, 'keydown', (event) => this.onKey(event as KeyboardEvent));
  }

  /** Where a frame's viewport sits in the top viewport (0, 0 for the top window). */
  private offsetOf(target: Window): { x: number; y: number } {
    if (target === this.win) return { x: 0, y: 0 };
    try {
      const root = target.document.documentElement;
      return root ? frameOffset(root, this.doc) : { x: 0, y: 0 };
    } catch {
      return { x: 0, y: 0 };
    }
  }

  private listen(target: Window, type: string, listener: (event: Event) => void): void {
    this.listeners.push([target, type, listener]);
    target.addEventListener(type, listener, true);
  }

  private swallow(event: Event): void {
    if (!event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** The page's element under a point of the top viewport, inside same-origin frames too. */
  private pageElementAt(x: number, y: number): Element | null {
    const element = elementAtPoint(this.doc, x, y, this.host);
    // A frame that loaded after the picker opened: listen to it from now on.
    const view = element?.ownerDocument.defaultView;
    if (view && view !== this.win) this.watch(view);
    return element;
  }

  private onMove(event: PointerEvent, x: number, y: number): void {
    if (!event.isTrusted) return;
    if (this.dragStart && (event.buttons & 1) === 1) {
      const rect = dragRect(this.dragStart, { x, y });
      if (this.dragging || isRegionDrag(rect)) {
        this.dragging = true;
        this.showRegion(rect);
        return;
      }
    }
    this.descent.length = 0;
    this.highlight(this.pageElementAt(x, y));
    // Keep the banner out of the way of what the user points at.
    this.banner.classList.toggle('top', y > this.win.innerHeight - 120);
  }

  private onDown(event: PointerEvent, x: number, y: number): void {
    if (!event.isTrusted) return;
    this.swallow(event);
    if (event.button !== 0) return;
    this.dragStart = { x, y };
    this.dragging = false;
  }

  private onUp(event: PointerEvent, x: number, y: number): void {
    if (!event.isTrusted) return;
    this.swallow(event);
    const start = this.dragStart;
    this.dragStart = null;
    if (event.button !== 0 || !start) return;
    const rect = dragRect(start, { x, y });
    if (this.dragging && isRegionDrag(rect)) {
      this.finish({ kind: 'region', rect }, { kind: 'region', rect });
      return;
    }
    this.dragging = false;
    const element = this.pageElementAt(x, y) ?? this.current;
    if (element) this.choose(element);
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const current = this.current;
    let handled = true;
    if (event.key === 'Escape') this.finish({ kind: 'cancelled', reason: 'escape' }, null);
    else if (event.key === 'Enter' && current) this.choose(current);
    else if ((event.key === 'ArrowUp' || event.key === '[') && current) {
      const parent = parentAcrossFrames(current, this.doc);
      if (parent) {
        this.descent.push(current);
        this.highlight(parent);
      }
    } else if ((event.key === 'ArrowDown' || event.key === ']') && current) {
      const back = this.descent.pop();
      this.highlight(
        back && parentAcrossFrames(back, this.doc) === current
          ? back
          : (childAcrossFrames(current) ?? current),
      );
    } else if (event.key === 'ArrowLeft' && current?.previousElementSibling) {
      this.descent.length = 0;
      this.highlight(current.previousElementSibling);
    } else if (event.key === 'ArrowRight' && current?.nextElementSibling) {
      this.descent.length = 0;
      this.highlight(current.nextElementSibling);
    } else handled = false;
    if (handled) this.swallow(event);
  }

  private choose(element: Element): void {
    this.finish(
      { kind: 'element', description: describeInFrames(element, this.doc) },
      { kind: 'element', element },
    );
  }

  private finish(choice: PickerChoice, selection: Selection | null): void {
    if (this.finished) return;
    this.remove();
    // The click that follows this pointerup must not reach the page either (it would follow a link).
    const swallowClick = (event: Event) => this.swallow(event);
    const windows = [...this.windows];
    for (const target of windows) target.addEventListener('click', swallowClick, true);
    this.win.setTimeout(() => {
      for (const target of windows) {
        try {
          target.removeEventListener('click', swallowClick, true);
        } catch {
          // the frame is gone
        }
      }
    }, 400);
    this.options.onDone(choice, selection);
  }

  private highlight(element: Element | null): void {
    if (!element || element === this.host) return;
    this.current = element;
    const box = rectInTop(element, this.doc);
    this.region.style.display = 'none';
    this.place(this.box, box);
    // Page strings (ids, classes) go in as text, never as markup.
    this.label.textContent = `${describeElement(element)} · ${Math.round(box.width)} × ${Math.round(box.height)}`;
    this.placeLabel(box.x, box.y, box.y + box.height);
  }

  private showRegion(rect: CssRect): void {
    this.box.style.display = 'none';
    this.place(this.region, rect);
    this.label.textContent = elementPickerText.region(Math.round(rect.width), Math.round(rect.height));
    this.placeLabel(rect.x, rect.y, rect.y + rect.height);
  }

  private place(element: HTMLElement, rect: CssRect): void {
    element.style.display = 'block';
    element.style.left = `${rect.x}px`;
    element.style.top = `${rect.y}px`;
    element.style.width = `${rect.width}px`;
    element.style.height = `${rect.height}px`;
  }

  private placeLabel(left: number, top: number, bottom: number): void {
    const label = this.label;
    label.style.display = 'block';
    label.style.left = `${Math.max(0, Math.min(left, this.win.innerWidth - 200))}px`;
    label.style.top = `${top >= 24 ? top - 22 : Math.min(bottom + 4, this.win.innerHeight - 22)}px`;
  }
}
