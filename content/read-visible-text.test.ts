import { describe, expect, it, vi } from 'vitest';
import { readVisibleText } from './read-visible-text';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Nodes parsed from markup, owned by `doc`: tests build shadow trees without assigning innerHTML. */
function nodes(doc: Document, html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => doc.importNode(node, true));
}

describe('readVisibleText', () => {
  it('puts block elements on their own lines and collapses white space', () => {
    const doc = parse(`<h1>Access   review</h1><p>First <b>bold</b>
      para</p><div>Line<br>two</div><ul><li>one</li><li>two</li></ul><span>a</span><span>b</span>`);
    expect(readVisibleText(doc).text).toBe('Access review\n\nFirst bold para\n\nLine\ntwo\none\ntwo\nab');
  });

  it('keeps pre-formatted text and separates table cells with tabs', () => {
    const doc = parse('<pre>a  b\n  c</pre><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>');
    expect(readVisibleText(doc).text).toBe('a  b\n  c\nx\ty\nz');
  });

  it('leaves out every kind of hidden content', () => {
    const doc = parse(`<style>.gone { display: none } .ghost { visibility: hidden }</style>
      <p>shown</p>
      <p style="display:none">inline-none</p>
      <p class="gone">class-none</p>
      <p class="ghost">class-invisible <span style="visibility:visible">but-this-child-shows</span></p>
      <p style="visibility:hidden">inline-invisible</p>
      <p hidden>hidden-attribute</p>
      <p aria-hidden="true">aria-hidden</p>
      <script>script-text</script><noscript>noscript-text</noscript><template>template-text</template>
      <details><summary>summary-shown</summary>details-closed</details>
      <dialog>dialog-closed</dialog>`);
    const { text } = readVisibleText(doc);
    expect(text).toContain('shown');
    expect(text).toContain('summary-shown');
    expect(text).toContain('but-this-child-shows');
    for (const hidden of [
      'inline-none',
      'class-none',
      'class-invisible',
      'inline-invisible',
      'hidden-attribute',
      'aria-hidden',
      'script-text',
      'noscript-text',
      'template-text',
      'details-closed',
      'dialog-closed',
      'display',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('includes field values but never a password', () => {
    const doc = parse(`<label>User <input value="default"></label>
      <label>Password <input type="password" value="hunter2"></label>
      <label>Disguised <input type="text" autocomplete="current-password" value="s3cret"></label>
      <input type="checkbox" checked> MFA <select><option>Keep</option><option selected>Remove</option></select>
      <textarea>line 1\nline 2</textarea>`);
    const input = doc.querySelector('input') as HTMLInputElement;
    input.value = 'alice typed this';
    (doc.querySelector('input[type=password]') as HTMLInputElement).value = 'typed-secret';
    const { text } = readVisibleText(doc);
    expect(text).toContain('User alice typed this');
    expect(text).not.toContain('default');
    expect(text).toContain('[x] MFA Remove');
    expect(text).toContain('line 1\nline 2');
    expect(text).toContain('Password');
    for (const secret of ['hunter2', 'typed-secret', 's3cret']) expect(text).not.toContain(secret);
  });

  it('reads open shadow roots, slotted content and nested roots', () => {
    const doc = parse(
      '<p>light</p><div id="host"><span slot="title">slotted</span><span>unslotted</span></div>',
    );
    const host = doc.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const inner = doc.createElement('div');
    inner.append(
      ...nodes(
        doc,
        '<h2><slot name="title"></slot></h2><p>shadow text <input value="in shadow"></p><div class="n"></div>',
      ),
    );
    root.append(inner);
    const nested = (inner.querySelector('.n') as HTMLElement).attachShadow({ mode: 'open' });
    nested.append(doc.createTextNode('nested shadow'));
    const { text } = readVisibleText(doc);
    expect(text).toBe('light\n\nslotted\n\nshadow text in shadow\n\nnested shadow');
  });

  it('reads closed shadow roots only through the reader it is given', () => {
    const doc = parse('<p>light</p><x-panel></x-panel>');
    const host = doc.querySelector('x-panel') as HTMLElement;
    const root = host.attachShadow({ mode: 'closed' });
    root.append(doc.createTextNode('closed content'));
    expect(readVisibleText(doc).text).toBe('light');
    const reader = (element: Element) => (element === host ? root : null);
    expect(readVisibleText(doc, { shadowRootOf: reader }).text).toBe('light\n\nclosed content');
  });

  it('caps the text with a note', () => {
    const doc = parse(`<p>${'word '.repeat(1000)}</p>`);
    const result = readVisibleText(doc, { maxChars: 100 });
    expect(result.text.length).toBeGreaterThan(95);
    expect(result.text.length).toBeLessThanOrEqual(100);
    expect(result.truncated).toBe(true);
    expect(result.notes).toEqual(['Visible text truncated at 100 characters']);
    expect(readVisibleText(doc, { maxChars: 10_000 }).notes).toEqual([]);
  });

  it('works on a document without a window (createHTMLDocument)', () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.append(...nodes(doc, '<p>one</p><p style="display:none">two</p><p>three</p>'));
    expect(readVisibleText(doc).text).toBe('one\n\nthree');
  });

  it('survives a 20,000-deep tree without overflowing the stack', () => {
    const doc = document.implementation.createHTMLDocument('deep');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 20_000; depth++) {
      const child = doc.createElement('span');
      parent.appendChild(child);
      parent = child;
    }
    parent.textContent = 'bottom';
    expect(readVisibleText(doc).text).toBe('bottom');
  });

  describe('where the engine has layout', () => {
    function withLayout(doc: Document): void {
      const box = { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: 600, width: 800, height: 600 };
      vi.spyOn(doc.documentElement, 'getBoundingClientRect').mockReturnValue({ ...box, toJSON: () => box });
    }

    it('reads plain subtrees with innerText and walks only those holding fields', () => {
      const doc = parse(`<div id="plain">plain <b>text</b></div>
        <div id="form">Name <input value="typed"> <input type="password" value="secret"></div>`);
      withLayout(doc);
      const innerText = vi.spyOn(HTMLElement.prototype, 'innerText', 'get').mockImplementation(function (
        this: HTMLElement,
      ) {
        return `«${this.textContent?.trim() ?? ''}»`;
      });
      const { text } = readVisibleText(doc);
      expect(text).toContain('«plain text»');
      expect(text).toContain('Name typed');
      expect(text).not.toContain('secret');
      const readers = innerText.mock.contexts.map((element) => (element as HTMLElement).id);
      expect(readers).toContain('plain');
      expect(readers).not.toContain('form');
      expect(readers).not.toContain('');
    });
  });
});
