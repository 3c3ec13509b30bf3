import type { ShadowRootReader } from '@/utils/page/types';

// Node types as numbers: the Node global belongs to one realm and the document may come from another.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_FRAGMENT_NODE = 11;

export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

export const openShadowRoot: ShadowRootReader = (element) => element.shadowRoot;

/** Elements whose content never reaches the screen as text (SVG names are case-sensitive). */
const NON_RENDERED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'object',
  'embed',
  'datalist',
  'param',
  'source',
  'track',
  'desc',
  'metadata',
  'defs',
  'symbol',
  'clipPath',
  'mask',
]);

/** The only elements that can carry an author shadow root (custom elements aside); form controls' UA roots are not content. */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

const TABLE_ROLES = new Set(['grid', 'treegrid', 'table']);

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isHtml(element: Element): element is HTMLElement {
  return element.namespaceURI === HTML_NAMESPACE;
}

export function isNonRendered(element: Element): boolean {
  return NON_RENDERED.has(element.localName);
}

/** The first role token, lower-cased: ARIA uses the first one it recognises. */
export function roleOf(element: Element): string {
  const role = element.getAttribute('role');
  if (role === null) return '';
  return role.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

export function isHtmlTable(element: Element): boolean {
  return element.localName === 'table' && isHtml(element);
}

/** A <table> (unless marked as layout with role=presentation/none) or an ARIA table, grid or treegrid. */
export function isTableContainer(element: Element): boolean {
  const role = roleOf(element);
  if (isHtmlTable(element)) return role !== 'presentation' && role !== 'none';
  return TABLE_ROLES.has(role);
}

export function isHeading(element: Element): boolean {
  if (isHtml(element) && /^h[1-6]$/.test(element.localName)) return true;
  return roleOf(element) === 'heading';
}

/** `hidden` attribute or aria-hidden="true": hidden whatever the stylesheet says. */
export function isHiddenByAttribute(element: Element): boolean {
  return (
    element.hasAttribute('hidden') || element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true'
  );
}

export function readShadowRoot(element: Element, shadowRootOf: ShadowRootReader): ShadowRoot | null {
  if (!isHtml(element)) return null;
  if (!element.localName.includes('-') && !SHADOW_HOSTS.has(element.localName)) return null;
  try {
    return shadowRootOf(element);
  } catch {
    return null;
  }
}

function slotName(node: Node): string {
  return isElement(node) ? (node.getAttribute('slot') ?? '') : '';
}

/** The slot a light child of a shadow host is rendered in, or null when it is not rendered at all. */
export function slotOf(node: Node, root: ShadowRoot): Element | null {
  const assigned = (node as Partial<Slottable>).assignedSlot;
  if (assigned) return assigned;
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) return null;
  const name = slotName(node);
  for (const slot of root.querySelectorAll('slot')) {
    if ((slot.getAttribute('name') ?? '') === name) return slot;
  }
  return null;
}

function slotContent(slot: HTMLSlotElement): ArrayLike<Node> {
  if (typeof slot.assignedNodes !== 'function') return slot.childNodes;
  const assigned = slot.assignedNodes();
  return assigned.length > 0 ? assigned : slot.childNodes;
}

/**
 * Children in the flat tree, as rendered: a shadow host shows its shadow root, a slot shows what is assigned to
 * it (or its fallback content), and a closed <details> shows only its summary.
 */
export function flatChildren(node: Node, shadowRootOf: ShadowRootReader): ArrayLike<Node> {
  if (!isElement(node)) return node.childNodes;
  const root = readShadowRoot(node, shadowRootOf);
  if (root) return root.childNodes;
  if (!isHtml(node)) return node.childNodes;
  if (node.localName === 'slot') return slotContent(node as HTMLSlotElement);
  if (node.localName === 'details' && !node.hasAttribute('open')) {
    for (const child of node.children) if (child.localName === 'summary') return [child];
    return [];
  }
  return node.childNodes;
}

/**
 * The parent in the flat tree; `undefined` when the element is a light child of a shadow host that no slot shows
 * (so it is not rendered), null at the top.
 */
export function flatParent(element: Element, shadowRootOf: ShadowRootReader): Element | null | undefined {
  const parent = element.parentNode;
  if (parent === null) return null;
  if (parent.nodeType === DOCUMENT_FRAGMENT_NODE) return (parent as Partial<ShadowRoot>).host ?? null;
  if (!isElement(parent)) return null;
  const root = readShadowRoot(parent, shadowRootOf);
  if (root) return slotOf(element, root) ?? undefined;
  if (parent.localName === 'details' && isHtml(parent) && !parent.hasAttribute('open')) {
    return element.localName === 'summary' ? parent : undefined;
  }
  return parent;
}

/** Pushes the flat children of `node` onto `stack` so that they pop in document order. */
export function pushChildrenReversed<T>(
  stack: T[],
  children: ArrayLike<Node>,
  wrap: (node: Node) => T,
): void {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index];
    if (child !== undefined) stack.push(wrap(child));
  }
}
