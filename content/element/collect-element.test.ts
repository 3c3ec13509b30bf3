import { describe, expect, it } from 'vitest';
import { collectElement, snapshotElement } from './collect-element';

const now = (): Date => new Date('2025-09-30T12:00:00.000Z');

function page(): Document {
  return new DOMParser().parseFromString(
    `<html lang="en"><head><title>Backups</title><style>td { color: navy }</style></head>
    <body class="console"><h1>Backup jobs</h1>
      <section id="left"><table id="chosen"><tr><th>Job</th><th>Status</th></tr>
        <tr><td>ERP nightly</td><td>Success</td></tr><tr><td>HR weekly</td><td>Failed</td></tr></table>
        <label>Password <input type="password" value="hunter2"></label></section>
      <section id="right"><table id="other"><tr><th>Owner</th></tr><tr><td>Grace Kim</td></tr></table>
        <script>window.evil = 1</script></section>
    </body></html>`,
    'text/html',
  );
}

describe('collectElement', () => {
  it('reads text and tables of the selected subtree only', () => {
    const doc = page();
    const snapshot = collectElement(doc, window, doc.getElementById('left')!, { now });
    expect(snapshot.text).toContain('ERP nightly');
    expect(snapshot.text).not.toContain('Grace Kim');
    expect(snapshot.text).not.toContain('Backup jobs');
    expect(snapshot.text).not.toContain('hunter2');
    expect(snapshot.tables.map((table) => table.rows)).toEqual([
      [
        ['Job', 'Status'],
        ['ERP nightly', 'Success'],
        ['HR weekly', 'Failed'],
      ],
    ]);
    expect(snapshot.title).toBe('Backups');
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });

  it('takes the selected table itself as a table', () => {
    const doc = page();
    const snapshot = collectElement(doc, window, doc.getElementById('other')!, { now });
    expect(snapshot.tables.map((table) => table.rows)).toEqual([[['Owner'], ['Grace Kim']]]);
  });

  it('keeps only the tables the caller keeps (a region keeps those it touches)', () => {
    const doc = page();
    const snapshot = collectElement(doc, window, doc.body, {
      now,
      keepTable: (table) => table.id === 'other',
    });
    expect(snapshot.tables.map((table) => table.rows[0])).toEqual([['Owner']]);
    expect(snapshot.text).toContain('Backup jobs');
  });
});

describe('snapshotElement', () => {
  it('holds the page head for its styles and the element, not its siblings or anything active', () => {
    const doc = page();
    const { html, truncated } = snapshotElement(doc, doc.getElementById('right')!, { now });
    expect(truncated).toBe(false);
    expect(html).toContain('td { color: navy }');
    expect(html).toContain('<body class="console">');
    expect(html).toContain('Grace Kim');
    expect(html).not.toContain('ERP nightly');
    expect(html).not.toContain('Backup jobs');
    expect(html).not.toContain('window.evil');
    expect(html).toContain('isms-evidence-snapshot');
    expect(html).toContain('2025-09-30T12:00:00.000Z');
  });

  it('writes the value the user sees, never a password', () => {
    const doc = page();
    (doc.querySelector('input') as HTMLInputElement).value = 'typed-secret';
    const { html } = snapshotElement(doc, doc.getElementById('left')!, { now });
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('typed-secret');
  });
});
