/** Every change made to the page, with how to undo it; undone in reverse order, each on its own. */
export class PageChanges {
  private readonly undo: (() => void)[] = [];
  readonly sentences: string[] = [];

  record(sentence: string, undo: () => void): void {
    this.sentences.push(sentence);
    this.undo.push(undo);
  }

  note(sentence: string): void {
    this.sentences.push(sentence);
  }

  /** Undoes everything; a failing undo is reported and the others still run. */
  restoreAll(): void {
    while (this.undo.length > 0) {
      const step = this.undo.pop()!;
      try {
        step();
      } catch (error) {
        this.sentences.push(
          `A change could not be undone (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    }
  }
}

/** Sets one inline style property and returns the undo, which puts back the old value and priority exactly. */
export function setInlineStyle(
  element: HTMLElement | SVGElement,
  property: string,
  value: string,
): () => void {
  const style = element.style;
  const oldValue = style.getPropertyValue(property);
  const oldPriority = style.getPropertyPriority(property);
  const oldAttribute = element.getAttribute('style');
  const oldCssText = style.cssText;
  style.setProperty(property, value, 'important');
  return () => {
    if (oldValue) style.setProperty(property, oldValue, oldPriority);
    else style.removeProperty(property);
    // Put the attribute back character for character, unless the page changed other styles meanwhile.
    const now = element.getAttribute('style');
    if (oldAttribute === null && (now === null || now.trim() === '')) element.removeAttribute('style');
    else if (oldAttribute !== null && now !== oldAttribute && style.cssText === oldCssText)
      element.setAttribute('style', oldAttribute);
  };
}

/** A short, page-independent description of an element for the metadata: tag, id and first classes. */
export function describeElement(element: Element): string {
  const id = element.id ? `#${element.id.slice(0, 40)}` : '';
  const classes = [...element.classList]
    .slice(0, 2)
    .map((name) => `.${name.slice(0, 30)}`)
    .join('');
  return `${element.localName}${id}${classes}`;
}
