import {
  DOCUMENT_FRAGMENT_NODE,
  flatChildren,
  isElement,
  isHeading,
  isHiddenByAttribute,
  isNonRendered,
  isTableContainer,
  pushChildrenReversed,
  readShadowRoot,
} from './dom';
import { isFormControl } from './form-controls';
import type { SkipLedger } from './skips';
import type { ShadowRootReader } from '@/utils/page/types';

/** The subtree holds something innerText would get wrong for us (form values, aria-hidden, shadow roots, slots). */
export const NEEDS_WALK_FOR_TEXT = 1;
/** The subtree holds a table or grid, which a cell's text must leave out. */
export const NEEDS_WALK_FOR_CELL = 2;

export interface PageIndex {
  /** Every <table> and ARIA table/grid/treegrid in flat-tree document order, hidden ones included. */
  containers: Element[];
  /** The nearest heading before each container, for captions. */
  headingBefore: Map<Element, Element>;
  /** Elements whose subtree contains something special (bit flags above); absent means "innerText is fine". */
  needsWalk: Map<Element, number>;
}

function ownFlags(element: Element, hasShadowRoot: boolean): number {
  let flags = 0;
  if (
    hasShadowRoot ||
    isFormControl(element) ||
    isHiddenByAttribute(element) ||
    element.localName === 'slot'
  ) {
    flags |= NEEDS_WALK_FOR_TEXT;
  }
  if (isTableContainer(element)) flags |= NEEDS_WALK_FOR_CELL;
  return flags;
}

function markAncestors(needsWalk: Map<Element, number>, element: Element, flags: number): void {
  let current: Node | null = element;
  while (current !== null) {
    if (isElement(current)) {
      const known = needsWalk.get(current) ?? 0;
      if ((known & flags) === flags) return; // the rest of the chain is marked already
      needsWalk.set(current, known | flags);
      current = current.parentNode;
    } else if (current.nodeType === DOCUMENT_FRAGMENT_NODE) {
      current = (current as Partial<ShadowRoot>).host ?? null;
    } else {
      return;
    }
  }
}

/** One pass over the rendered (flat) tree: O(elements), iterative so deep pages cannot overflow the stack. */
export function indexPage(
  root: Element,
  shadowRootOf: ShadowRootReader,
  onShadowRoot: (shadowRoot: ShadowRoot) => void = () => {},
  skips?: SkipLedger,
): PageIndex {
  const index: PageIndex = { containers: [], headingBefore: new Map(), needsWalk: new Map() };
  let lastHeading: Element | null = null;
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    try {
      if (!isElement(node) || isNonRendered(node)) continue;
      const shadowRoot = readShadowRoot(node, shadowRootOf);
      if (shadowRoot) onShadowRoot(shadowRoot);
      const flags = ownFlags(node, shadowRoot !== null);
      if (flags !== 0) markAncestors(index.needsWalk, node, flags);
      if (isTableContainer(node)) {
        index.containers.push(node);
        if (lastHeading) index.headingBefore.set(node, lastHeading);
      }
      if (isHeading(node)) lastHeading = node;
      pushChildrenReversed(stack, flatChildren(node, shadowRootOf), (child) => child);
    } catch {
      skips?.record('element', node); // an element that cannot be read is left out with its subtree
    }
  }
  return index;
}
