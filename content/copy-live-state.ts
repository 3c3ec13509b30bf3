import { isElement, isHtml, readShadowRoot } from './dom';
import { frameDocument } from './frames';
import { isSecretInput } from './form-controls';
import type { StyleReader } from './styles';
import type { ShadowRootReader } from '@/utils/page/types';

function sheetText(sheet: CSSStyleSheet): string {
  try {
    return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
  } catch {
    return ''; // a cross-origin sheet cannot be read
  }
}

/** Adopted stylesheets (constructable CSS, used by Lit and others) as one <style>, or null. */
export function adoptedStyle(owner: Document | ShadowRoot, inert: Document): HTMLStyleElement | null {
  let sheets: readonly CSSStyleSheet[] = [];
  try {
    sheets = owner.adoptedStyleSheets ?? [];
  } catch {
    return null;
  }
  const css = sheets.map(sheetText).filter((text) => text !== '');
  if (css.length === 0) return null;
  const style = inert.createElement('style');
  style.setAttribute('data-isms-adopted', '');
  style.textContent = css.join('\n');
  return style;
}

/** The value the user sees, written where a serialiser keeps it (attributes, textarea text); never a secret. */
function copyControlState(live: Element, clone: Element, styles: StyleReader): void {
  switch (live.localName) {
    case 'input': {
      const input = live as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio')
        clone.toggleAttribute('checked', input.checked);
      else if (input.type === 'file') clone.removeAttribute('value');
      else if (input.type === 'hidden' || isSecretInput(input, styles)) clone.setAttribute('value', '');
      else clone.setAttribute('value', input.value);
      return;
    }
    case 'textarea':
      clone.textContent = (live as HTMLTextAreaElement).value;
      return;
    case 'option':
      clone.toggleAttribute('selected', (live as HTMLOptionElement).selected);
      return;
    case 'style': {
      // CSS-in-JS libraries insert rules through the CSSOM and leave the element empty
      const sheet = (live as HTMLStyleElement).sheet;
      if ((live.textContent ?? '').trim() === '' && sheet) clone.textContent = sheetText(sheet);
      return;
    }
  }
}

function shadowTemplate(root: ShadowRoot, inert: Document): HTMLTemplateElement {
  const template = inert.createElement('template');
  template.setAttribute('shadowrootmode', root.mode === 'closed' ? 'closed' : 'open');
  if (root.delegatesFocus) template.setAttribute('shadowrootdelegatesfocus', '');
  const adopted = adoptedStyle(root, inert);
  if (adopted) template.content.appendChild(adopted);
  return template;
}

/**
 * A same-origin frame's document takes the frame's place, inside a declarative shadow root so that its styles
 * stay its own; the frame's URL is kept on the holder. Frames of other origins stay as they are (empty).
 */
function inlineFrame(live: Element, clone: Element, inert: Document, stack: Array<[Node, Node]>): void {
  const frameDoc = frameDocument(live);
  if (frameDoc === null || clone.parentNode === null) return;
  const holder = inert.createElement('div');
  holder.setAttribute('data-isms-frame', frameDoc.URL);
  const template = inert.createElement('template');
  template.setAttribute('shadowrootmode', 'open');
  for (const part of [frameDoc.head, frameDoc.body]) {
    for (const child of part?.childNodes ?? []) {
      const imported = inert.importNode(child, true);
      template.content.appendChild(imported);
      stack.push([child, imported]);
    }
  }
  holder.appendChild(template);
  clone.parentNode.replaceChild(holder, clone);
}

/** Copies one element's live state and queues its children; true when it carried a shadow root over. */
function copyNode(
  liveNode: Node,
  cloneNode: Node,
  inert: Document,
  styles: StyleReader,
  shadowRootOf: ShadowRootReader,
  stack: Array<[Node, Node]>,
): boolean {
  if (!isElement(liveNode) || !isElement(cloneNode)) return false;
  if (liveNode.localName === 'iframe' || liveNode.localName === 'frame') {
    inlineFrame(liveNode, cloneNode, inert, stack);
    return false;
  }
  if (isHtml(liveNode)) copyControlState(liveNode, cloneNode, styles);
  if (liveNode.localName === 'textarea') return false;
  const liveChildren = liveNode.childNodes;
  const cloneChildren = cloneNode.childNodes;
  if (liveChildren.length === cloneChildren.length) {
    for (let index = 0; index < liveChildren.length; index++) {
      const liveChild = liveChildren[index];
      const cloneChild = cloneChildren[index];
      if (liveChild !== undefined && cloneChild !== undefined) stack.push([liveChild, cloneChild]);
    }
  }
  const root = readShadowRoot(liveNode, shadowRootOf);
  if (root === null) return false;
  const template = shadowTemplate(root, inert);
  for (const child of root.childNodes) {
    const imported = inert.importNode(child, true);
    template.content.appendChild(imported);
    stack.push([child, imported]);
  }
  cloneNode.insertBefore(template, cloneNode.firstChild);
  return true;
}

/**
 * Walks the live tree and its fresh clone in step, copying what cloning loses: current form values, CSSOM-only
 * styles, adopted stylesheets and shadow roots (as declarative `<template shadowrootmode>`). Reads the live tree only.
 */
export function copyLiveState(
  live: Element,
  clone: Element,
  inert: Document,
  styles: StyleReader,
  shadowRootOf: ShadowRootReader,
): { shadowRoots: number } {
  let shadowRoots = 0;
  const stack: Array<[Node, Node]> = [[live, clone]];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    try {
      if (copyNode(pair[0], pair[1], inert, styles, shadowRootOf, stack)) shadowRoots++;
    } catch {
      // The clone keeps what cloning gave it; only this element's live state (value, shadow root) is lost.
      styles.skips.record('element', pair[0]);
    }
  }
  return { shadowRoots };
}
