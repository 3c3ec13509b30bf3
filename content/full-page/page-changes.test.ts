import { describe, expect, it } from 'vitest';
import { PageChanges, describeElement, setInlineStyle } from './page-changes';

describe('page changes', () => {
  it('puts inline styles back character for character, priority included', () => {
    const make = (id: string, style?: string) => {
      const element = document.createElement('div');
      element.id = id;
      if (style !== undefined) element.setAttribute('style', style);
      document.body.append(element);
      return element;
    };
    const a = make('a', 'color: red');
    a.className = 'x y z';
    const b = make('b');
    const c = make('c', 'visibility: visible !important');
    const changes = new PageChanges();
    for (const element of [a, b, c]) changes.record('hid', setInlineStyle(element, 'visibility', 'hidden'));
    expect(a.style.getPropertyValue('visibility')).toBe('hidden');
    expect(a.style.getPropertyPriority('visibility')).toBe('important');
    changes.restoreAll();
    expect(a.getAttribute('style')).toBe('color: red');
    expect(b.hasAttribute('style')).toBe(false);
    expect(c.style.getPropertyValue('visibility')).toBe('visible');
    expect(c.style.getPropertyPriority('visibility')).toBe('important');
    expect(changes.sentences).toEqual(['hid', 'hid', 'hid']);
    expect(describeElement(a)).toBe('div#a.x.y');
  });

  it('reports an undo that fails and still runs the others', () => {
    const changes = new PageChanges();
    let undone = 0;
    changes.record('one', () => undone++);
    changes.record('two', () => {
      throw new Error('gone');
    });
    changes.restoreAll();
    expect(undone).toBe(1);
    expect(changes.sentences.at(-1)).toContain('could not be undone (gone)');
  });
});
