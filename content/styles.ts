import { isHtml } from './dom';
import { SkipLedger } from './skips';

/** How an element separates its text from its neighbours, as innerText does. */
export type BreakKind = 'none' | 'block' | 'paragraph' | 'row' | 'cell';
export type WhiteSpaceMode = 'collapse' | 'pre' | 'pre-line';

export interface ElementStyle {
  /** display: none */
  hidden: boolean;
  /** display: contents: the element has no box of its own. */
  contents: boolean;
  breakKind: BreakKind;
  /** null: inherited from the parent. */
  visible: boolean | null;
  /** null: inherited from the parent. */
  whiteSpace: WhiteSpaceMode | null;
}

export interface StyleReader {
  /** True when the engine lays the page out (a real tab), so computed styles and innerText can be trusted. */
  readonly layout: boolean;
  read(element: Element): ElementStyle;
  /** A text field drawn as dots by CSS (-webkit-text-security), i.e. a password field in disguise. */
  masksText(element: Element): boolean;
  /** Without layout, stylesheets are matched by selector: call for the document and each shadow root read. */
  addRoot(root: Document | ShadowRoot): void;
  /** What this reading could not read: walkers that get the styles record their skips here too. */
  readonly skips: SkipLedger;
}

const BLOCK_TAGS = new Set(
  (
    'html body address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend listing main menu nav ol optgroup p plaintext pre ' +
    'search section summary ul xmp'
  ).split(' '),
);

const TAG_DISPLAY: Record<string, string> = {
  li: 'list-item',
  table: 'table',
  thead: 'table-row-group',
  tbody: 'table-row-group',
  tfoot: 'table-row-group',
  tr: 'table-row',
  td: 'table-cell',
  th: 'table-cell',
  caption: 'table-caption',
  col: 'table-column',
  colgroup: 'table-column-group',
};

const PRE_TAGS = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext']);

/** The user-agent stylesheet's display, for engines that compute none. */
function defaultDisplay(element: Element): string {
  if (!isHtml(element)) return 'inline';
  const tag = element.localName;
  if (tag === 'dialog' && !element.hasAttribute('open')) return 'none';
  if (tag === 'input' && element.getAttribute('type')?.toLowerCase() === 'hidden') return 'none';
  if (BLOCK_TAGS.has(tag)) return 'block';
  return TAG_DISPLAY[tag] ?? 'inline';
}

function breakKindOf(display: string, element: Element): BreakKind {
  if (display === 'table-cell') return 'cell';
  if (display === 'table-row') return 'row';
  if (display.includes('inline') || display.startsWith('ruby') || display === 'math') return 'none';
  if (display === 'contents' || display.startsWith('table-column')) return 'none';
  return element.localName === 'p' && isHtml(element) ? 'paragraph' : 'block';
}

function whiteSpaceMode(value: string): WhiteSpaceMode | null {
  if (value === '') return null;
  if (value === 'pre-line') return 'pre-line';
  if (value.startsWith('pre') || value === 'break-spaces') return 'pre';
  return 'collapse';
}

function visibility(value: string): boolean | null {
  if (value === '' || value === 'inherit') return null;
  return value === 'visible';
}

function describe(
  element: Element,
  display: string,
  visible: boolean | null,
  whiteSpace: string,
): ElementStyle {
  const effectiveDisplay = display === '' ? defaultDisplay(element) : display;
  return {
    hidden: effectiveDisplay === 'none',
    contents: effectiveDisplay === 'contents',
    breakKind: breakKindOf(effectiveDisplay, element),
    visible,
    whiteSpace: whiteSpaceMode(whiteSpace) ?? (PRE_TAGS.has(element.localName) ? 'pre' : null),
  };
}

export function hasLayout(doc: Document): boolean {
  if (doc.defaultView === null || doc.documentElement === null) return false;
  try {
    const box = doc.documentElement.getBoundingClientRect();
    return box.width > 0 || box.height > 0;
  } catch {
    return false;
  }
}

type BareReader = Omit<StyleReader, 'skips'>;

function computedReader(view: Window): BareReader {
  return {
    layout: true,
    read(element) {
      const style = view.getComputedStyle(element);
      return describe(element, style.display, visibility(style.visibility), style.whiteSpace);
    },
    masksText(element) {
      const security = view.getComputedStyle(element).getPropertyValue('-webkit-text-security');
      return security !== '' && security !== 'none';
    },
    addRoot() {},
  };
}

function inlineStyle(element: Element): CSSStyleDeclaration | null {
  if (!element.hasAttribute('style')) return null;
  return (element as Partial<ElementCSSInlineStyle>).style ?? null;
}

/** Without layout (happy-dom, DOMParser documents): inline styles, tag defaults and simple stylesheet rules. */
function staticReader(): BareReader {
  const hiddenByRule = new Set<Element>();
  const visibilityByRule = new Map<Element, boolean>();
  const indexedRoots = new WeakSet<Document | ShadowRoot>();

  function indexRule(root: Document | ShadowRoot, rule: CSSRule): void {
    if (!('selectorText' in rule) || !('style' in rule)) return;
    const { selectorText, style } = rule as CSSStyleRule;
    const hides = style.display === 'none';
    const ruleVisibility = visibility(style.visibility);
    if (!hides && ruleVisibility === null) return;
    let matches: NodeListOf<Element>;
    try {
      matches = root.querySelectorAll(selectorText);
    } catch {
      return; // a selector this engine does not know
    }
    for (const element of matches) {
      if (hides) hiddenByRule.add(element);
      if (ruleVisibility !== null) visibilityByRule.set(element, ruleVisibility);
    }
  }

  return {
    layout: false,
    read(element) {
      const inline = inlineStyle(element);
      const display = inline?.display || (hiddenByRule.has(element) ? 'none' : '');
      const inlineVisibility = visibility(inline?.visibility ?? '');
      return describe(
        element,
        display,
        inlineVisibility ?? visibilityByRule.get(element) ?? null,
        inline?.whiteSpace ?? '',
      );
    },
    masksText: () => false,
    addRoot(root) {
      if (indexedRoots.has(root)) return;
      indexedRoots.add(root);
      let sheets: CSSStyleSheet[] = [];
      try {
        sheets = Array.from(root.styleSheets ?? []);
      } catch {
        return; // happy-dom recurses here and overflows on very deep trees
      }
      for (const sheet of sheets) {
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          continue; // cross-origin
        }
        for (const rule of rules) indexRule(root, rule);
      }
    },
  };
}

/**
 * An element whose style cannot be read (a getter that throws, an element from a closed realm) is read with its
 * tag's defaults and counted, so one odd element never fails the reader.
 */
function guardedReader(reader: BareReader, skips: SkipLedger): StyleReader {
  return {
    layout: reader.layout,
    skips,
    read(element) {
      try {
        return reader.read(element);
      } catch {
        skips.record('style', element);
        return describe(element, '', null, '');
      }
    },
    masksText(element) {
      try {
        return reader.masksText(element);
      } catch {
        skips.record('style', element);
        return true; // in doubt, a field's value is treated as secret and left out
      }
    },
    addRoot(root) {
      try {
        reader.addRoot(root);
      } catch {
        skips.record('style', root);
      }
    },
  };
}

/** Computed styles where the engine has layout; a cheap static approximation where it has none. */
export function createStyleReader(doc: Document, skips: SkipLedger = new SkipLedger()): StyleReader {
  const view = doc.defaultView;
  const reader = guardedReader(
    view !== null && hasLayout(doc) ? computedReader(view) : staticReader(),
    skips,
  );
  reader.addRoot(doc);
  return reader;
}
