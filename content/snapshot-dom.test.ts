import { describe, expect, it } from 'vitest';
import { commentSafeUrl, snapshotDom } from './snapshot-dom';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Nodes parsed from markup, owned by `doc`: tests build shadow trees without assigning innerHTML. */
function nodes(doc: Document, html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => doc.importNode(node, true));
}
const now = (): Date => new Date('2024-07-01T12:00:00.000Z');

const HOSTILE = `<!DOCTYPE html><html><head>
  <meta charset="windows-1252">
  <meta http-equiv="refresh" content="0; url=https://evil.example/">
  <meta name="isms-evidence-snapshot" content="forged">
  <base href="https://evil.example/">
  <link rel="prefetch" href="https://tracker.example/p">
  <script>steal()</script>
  <title>Users</title>
</head><body onload="boot()">
  <h1 onclick="x()">Users</h1>
  <a href="javascript:alert(1)">js</a>
  <a href=" JaVa&#x09;ScRiPt:alert(2)">obfuscated</a>
  <a href="https://admin.example/users">ok link</a>
  <form action="javascript:send()"><button formaction="javascript:go()">Go</button></form>
  <img src="javascript:alert(3)" onerror="alert(4)" alt="pic">
  <svg><a xlink:href="javascript:alert(5)"><text>svg link</text></a></svg>
  <iframe srcdoc="<script>alert(8)</script>"></iframe>
  <object data="x.swf"></object><embed src="y.swf">
  <noscript><p>enable js</p></noscript>
  <input type="password" value="hunter2" name="pw">
  <input type="hidden" value="csrf-token-123">
  <input name="user" value="original">
  <input type="checkbox" name="mfa">
  <textarea>old notes</textarea>
  <select><option selected>Keep</option><option>Remove</option></select>
</body></html>`;

function reparse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const SVG = 'http://www.w3.org/2000/svg';

function hostileDocument(): Document {
  const doc = parse(HOSTILE);
  // happy-dom's parser stops at a <script> inside <svg>: build those through the DOM
  const svg = doc.querySelector('svg') as SVGSVGElement;
  const svgScript = doc.createElementNS(SVG, 'script');
  svgScript.textContent = 'alert(6)';
  const animation = doc.createElementNS(SVG, 'set');
  animation.setAttribute('attributeName', 'href');
  animation.setAttribute('to', 'javascript:alert(7)');
  svg.append(svgScript, animation);
  (doc.querySelector('input[type=password]') as HTMLInputElement).value = 'typed-secret';
  (doc.querySelector('input[name=user]') as HTMLInputElement).value = 'typed by user';
  (doc.querySelector('input[name=mfa]') as HTMLInputElement).checked = true;
  (doc.querySelector('textarea') as HTMLTextAreaElement).value = 'typed notes';
  const options = doc.querySelectorAll('option');
  (options[1] as HTMLOptionElement).selected = true;
  return doc;
}

describe('snapshotDom', () => {
  it('keeps the page when it has <meta content> attributes (strings, not template content)', () => {
    const doc = parse(
      '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"><title>Users</title></head><body><p>Access review</p></body></html>',
    );
    const snapshot = snapshotDom(doc, { now });
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.html).toContain('<p>Access review</p>');
    expect(snapshot.html).toContain('name="viewport"');
  });

  it('removes scripts, plug-ins, <base>, srcdoc frames, refreshes and event handlers', () => {
    const { html } = snapshotDom(hostileDocument(), { now, url: 'https://admin.example/users' });
    const copy = reparse(html);
    for (const selector of [
      'script',
      'noscript',
      'object',
      'embed',
      'base',
      'iframe',
      'set',
      'link[rel=prefetch]',
    ]) {
      expect(copy.querySelector(selector), selector).toBeNull();
    }
    expect(copy.querySelector('meta[http-equiv=refresh]')).toBeNull();
    const handlers = [...copy.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].map((attribute) => attribute.name).filter((name) => name.startsWith('on')),
    );
    expect(handlers).toEqual([]);
    expect(html).not.toMatch(/steal|alert|boot\(|enable js/);
    expect(copy.querySelector('a[href="https://admin.example/users"]')).not.toBeNull();
    expect(copy.querySelector('img')?.getAttribute('alt')).toBe('pic');
    expect(copy.body.textContent).toContain('svg link');
  });

  it('removes javascript: URLs however they are written', () => {
    const { html } = snapshotDom(hostileDocument(), { now });
    expect(html.toLowerCase().replace(/\s/g, '')).not.toContain('script:');
    const copy = reparse(html);
    expect(copy.querySelectorAll('a')).toHaveLength(4);
    expect(copy.querySelector('form')?.hasAttribute('action')).toBe(false);
    expect(copy.querySelector('button')?.hasAttribute('formaction')).toBe(false);
  });

  it('writes what the user sees into the markup, but never a password or hidden token', () => {
    const { html } = snapshotDom(hostileDocument(), { now });
    const copy = reparse(html);
    expect(copy.querySelector('input[name=user]')?.getAttribute('value')).toBe('typed by user');
    expect(copy.querySelector('input[name=mfa]')?.hasAttribute('checked')).toBe(true);
    expect(copy.querySelector('textarea')?.textContent).toBe('typed notes');
    const options = copy.querySelectorAll('option');
    expect([...options].map((option) => option.hasAttribute('selected'))).toEqual([false, true]);
    expect(copy.querySelector('input[type=password]')?.getAttribute('value')).toBe('');
    for (const secret of ['hunter2', 'typed-secret', 'csrf-token-123']) expect(html).not.toContain(secret);
  });

  it('never changes the live document', () => {
    const doc = hostileDocument();
    const before = doc.documentElement.outerHTML;
    const values = [...doc.querySelectorAll('input, textarea')].map(
      (field) => (field as HTMLInputElement).value,
    );
    snapshotDom(doc, { now });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(
      [...doc.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value),
    ).toEqual(values);
    expect(doc.querySelector('script')).not.toBeNull();
  });

  it('starts with a doctype and a comment naming the page, then one marker and a UTF-8 charset', () => {
    const url = 'https://admin.example/?q=--><script>alert(1)</script><!--';
    const { html } = snapshotDom(hostileDocument(), { now, url });
    const [doctype, comment] = html.split('\n');
    expect(doctype).toBe('<!DOCTYPE html>');
    expect(comment).toBe(
      '<!-- Snapshot of https://admin.example/?q=--%3E%3Cscript%3Ealert(1)%3C/script%3E%3C!-- taken 2024-07-01T12:00:00.000Z -->',
    );
    const copy = reparse(html);
    expect(copy.querySelector('script')).toBeNull();
    const markers = copy.querySelectorAll('meta[name=isms-evidence-snapshot]');
    expect(markers).toHaveLength(1);
    expect(markers[0]?.getAttribute('content')).toBe('sanitised');
    const charsets = copy.querySelectorAll('meta[charset]');
    expect([...charsets].map((meta) => meta.getAttribute('charset'))).toEqual(['utf-8']);
    expect(copy.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content')).toContain(
      "script-src 'none'",
    );
  });

  it('cannot be broken out of by comments or style text planted through the DOM', () => {
    const doc = parse('<p>page</p>');
    doc.body.append(doc.createComment('--><img src=x onerror=alert(1)>'));
    const style = doc.createElement('style');
    style.textContent = 'p { color: red } </style><img src=y onerror=alert(2)>';
    doc.body.append(style);
    const copy = reparse(snapshotDom(doc, { now }).html);
    expect(copy.querySelector('img')).toBeNull();
    expect(copy.querySelector('style')?.textContent).toContain('color: red');
  });

  it('includes open shadow roots as declarative shadow DOM, sanitised and with current values', () => {
    const doc = parse('<x-user-card></x-user-card>');
    const host = doc.querySelector('x-user-card') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.append(doc.createElement('div'));
    const card = root.firstChild as HTMLElement;
    card.append(
      ...nodes(doc, '<b onclick="x()">Dana</b><input type="password" value="pw-in-shadow"><input name="n">'),
    );
    (card.querySelector('input[name=n]') as HTMLInputElement).value = 'typed in shadow';
    const { html } = snapshotDom(doc, { now });
    expect(html).toContain('<x-user-card><template shadowrootmode="open"><div><b>Dana</b>');
    expect(html).toContain('value="typed in shadow"');
    expect(html).not.toContain('pw-in-shadow');
    expect(html).not.toContain('onclick');
    expect(host.shadowRoot?.innerHTML).toContain('onclick'); // the live shadow tree is untouched
  });

  it('keeps styles that live only in the CSSOM (CSS-in-JS, adopted sheets)', () => {
    const doc = parse('<head><style></style></head><p>styled</p>');
    (doc.querySelector('style') as HTMLStyleElement).sheet?.insertRule('p { color: rgb(1, 2, 3); }', 0);
    const adopted = new CSSStyleSheet();
    adopted.replaceSync('b { color: blue; }');
    doc.adoptedStyleSheets = [adopted];
    const copy = reparse(snapshotDom(doc, { now }).html);
    const styles = [...copy.querySelectorAll('style')].map((style) => style.textContent);
    expect(styles).toEqual(['p { color: rgb(1, 2, 3); }', 'b { color: blue; }']);
    expect(doc.querySelector('style')?.textContent).toBe(''); // the live element is untouched
  });

  it('includes closed shadow roots when given a reader that can open them', () => {
    const doc = parse('<x-secret-panel></x-secret-panel>');
    const host = doc.querySelector('x-secret-panel') as HTMLElement;
    const root = host.attachShadow({ mode: 'closed' });
    root.append(doc.createTextNode('closed content'));
    expect(snapshotDom(doc, { now }).html).not.toContain('closed content');
    const { html } = snapshotDom(doc, { now, shadowRootOf: (element) => (element === host ? root : null) });
    expect(html).toContain('<x-secret-panel><template shadowrootmode="closed">closed content</template>');
  });

  it('truncates at the byte cap on a character boundary, with a note', () => {
    const doc = parse(`<p>${'€ 😀 '.repeat(2000)}</p>`);
    const result = snapshotDom(doc, { now, maxBytes: 1001 });
    const bytes = new TextEncoder().encode(result.html).length;
    expect(bytes).toBeLessThanOrEqual(1001);
    expect(bytes).toBeGreaterThan(996);
    expect(result.html).not.toMatch(/[\ud800-\udbff]$/);
    expect(result.truncated).toBe(true);
    expect(result.originalBytes).toBe(new TextEncoder().encode(snapshotDom(doc, { now }).html).length);
    expect(result.notes).toEqual([
      `DOM snapshot truncated at 1,001 bytes of ${result.originalBytes.toLocaleString('en-US')} bytes`,
    ]);
    expect(snapshotDom(doc, { now }).truncated).toBe(false);
  });
});

describe('commentSafeUrl', () => {
  it('leaves nothing that could end or open a comment', () => {
    expect(commentSafeUrl('https://x.example/a-->b--!>c<!--d')).toBe(
      'https://x.example/a--%3Eb--!%3Ec%3C!--d',
    );
  });
});
