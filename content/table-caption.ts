import { isHtmlTable } from './dom';
import { renderText, type RenderContext } from './render-text';

const MAX_CAPTION_CHARS = 1000;

function textOf(element: Element, context: RenderContext): string {
  return renderText(element, context, { mode: 'cell', maxChars: MAX_CAPTION_CHARS }).text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTION_CHARS);
}

function labelledBy(container: Element, context: RenderContext): string {
  const ids = container.getAttribute('aria-labelledby')?.trim().split(/\s+/) ?? [];
  const root = container.getRootNode() as Partial<NonElementParentNode>;
  if (typeof root.getElementById !== 'function') return '';
  const parts: string[] = [];
  for (const id of ids) {
    const label = id === '' ? null : root.getElementById(id);
    // a label may be hidden on purpose: fall back to its raw text
    if (label) parts.push(textOf(label, context) || collapse(label.textContent ?? ''));
  }
  return collapse(parts.join(' '));
}

/** <caption>, then aria-label, then aria-labelledby, then the nearest heading before the table. */
export function captionOf(container: Element, context: RenderContext): string {
  if (isHtmlTable(container)) {
    for (const child of container.children) {
      if (child.localName === 'caption') {
        const caption = textOf(child, context);
        if (caption !== '') return caption;
      }
    }
  }
  const label = collapse(container.getAttribute('aria-label') ?? '');
  if (label !== '') return label;
  const labelled = labelledBy(container, context);
  if (labelled !== '') return labelled;
  const heading = context.index.headingBefore.get(container);
  return heading ? textOf(heading, context) : '';
}
