import { COMMENT_NODE, isElement } from './dom';

/** Active or fetch-on-open content a static snapshot must not carry. */
const REMOVED_ELEMENTS = new Set([
  'script',
  'noscript',
  'object',
  'embed',
  'applet',
  'base',
  'noembed',
  'noframes',
]);

/** Attributes holding a URL that a click, a load or an animation could navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'codebase',
  'ping',
  'srcset',
  'to',
  'from',
  'values',
]);

const SCRIPT_URL = /^(javascript|vbscript):/;
/** Browsers ignore ASCII white space and control characters in a scheme: `java\tscript:` still runs. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/g;

const RESOURCE_HINTS =
  /\b(prefetch|preload|modulepreload|preconnect|prerender|dns-prefetch|import|serviceworker)\b/i;

const DROPPED_META = /^(refresh|content-type|set-cookie|default-style)$/i;

export function isScriptUrl(value: string): boolean {
  return SCRIPT_URL.test(value.replace(IGNORED_IN_SCHEME, '').toLowerCase());
}

function shouldRemove(element: Element): boolean {
  const tag = element.localName;
  if (REMOVED_ELEMENTS.has(tag)) return true;
  if ((tag === 'iframe' || tag === 'frame') && element.hasAttribute('srcdoc')) return true;
  if (tag === 'meta') {
    // our own marker and charset are added afresh; a page must not be able to forge the marker
    if (element.hasAttribute('charset') || element.getAttribute('name') === 'isms-evidence-snapshot')
      return true;
    return DROPPED_META.test(element.getAttribute('http-equiv')?.trim() ?? '');
  }
  if (tag === 'link') return RESOURCE_HINTS.test(element.getAttribute('rel') ?? '');
  // SVG animations can rewrite a link to javascript: after load
  if (tag === 'set' || tag === 'animate') {
    const target = element.getAttribute('attributeName') ?? element.getAttribute('attributename') ?? '';
    return /href$/i.test(target.trim());
  }
  return false;
}

function cleanAttributes(element: Element): void {
  if (!element.hasAttributes()) return;
  for (const { name, value } of Array.from(element.attributes)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'srcdoc') element.removeAttribute(name);
    else if (
      URL_ATTRIBUTES.has(lower) &&
      (isScriptUrl(value) || (lower === 'values' && /script:/i.test(value)))
    ) {
      element.removeAttribute(name);
    }
  }
}

/** Raw-text elements are serialised unescaped: text planted through the DOM must not be able to close them. */
function neutraliseRawText(element: Element): void {
  const tag = element.localName;
  if (tag === 'iframe') {
    element.textContent = ''; // fallback text, never shown
    return;
  }
  if (tag !== 'style' && tag !== 'xmp') return;
  const text = element.textContent ?? '';
  const closing = new RegExp(`</(${tag})`, 'gi');
  if (closing.test(text)) element.textContent = text.replace(closing, '<\\/$1');
}

/**
 * Makes a detached copy safe to open: no scripts, plug-ins, <base>, srcdoc frames, refreshes or resource hints, no
 * event-handler attributes, no javascript:/vbscript: URLs, no comments (a comment's text can end the comment).
 * Descends into <template> content, where declarative shadow roots live. Never call it on the live document.
 */
export function sanitise(root: Element | DocumentFragment): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (let child = node.firstChild; child !== null;) {
      const next = child.nextSibling;
      if (child.nodeType === COMMENT_NODE) node.removeChild(child);
      else if (isElement(child)) {
        if (shouldRemove(child)) node.removeChild(child);
        else {
          cleanAttributes(child);
          neutraliseRawText(child);
          stack.push(child);
          // Only <template> content is a fragment; <meta content="…"> is a string.
          if (child.localName === 'template') {
            const content = (child as HTMLTemplateElement).content as DocumentFragment | undefined;
            if (content && typeof content === 'object') stack.push(content);
          }
        }
      }
      child = next;
    }
  }
  if (isElement(root as Node)) cleanAttributes(root as Element);
}
