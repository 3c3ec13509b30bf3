import { describe, expect, it, vi } from 'vitest';
import { collectPage } from './collect-page';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const now = (): Date => new Date('2024-07-01T12:00:00.000Z');

const PAGE = `<title>Entra · Users</title><h1>Users</h1><p>Review ${'text '.repeat(50)}</p>
  <table><tr><th>User</th></tr>${'<tr><td>someone</td></tr>'.repeat(20)}</table>
  <table><tr><td>second</td></tr></table>
  <label>Password <input type="password" value="hunter2"></label>`;

/** The page above plus a frame (a <frame>: happy-dom logs an error for every <iframe> it will not load). */
function page(): Document {
  const doc = parse(PAGE);
  doc.body.append(doc.createElement('frame'));
  return doc;
}

describe('collectPage', () => {
  it('returns plain data that survives structured cloning', () => {
    const snapshot = collectPage(page(), window, { now });
    expect(structuredClone(snapshot)).toEqual(snapshot);
    expect(snapshot.title).toBe('Entra · Users');
    expect(snapshot.url).toBe(document.URL);
    expect(snapshot.viewport).toEqual({
      width: window.innerWidth,
      height: window.innerHeight,
      devicePixelRatio: window.devicePixelRatio,
    });
    expect(snapshot.scroll).toEqual({ x: window.scrollX, y: window.scrollY });
    expect(snapshot.text.startsWith('Users\n\nReview text')).toBe(true);
    expect(snapshot.tables.map((table) => table.rows.length)).toEqual([21, 1]);
    expect(snapshot.dom.html).toContain('<meta name="isms-evidence-snapshot" content="sanitised">');
    expect(snapshot.dom.truncated).toBe(false);
    // An empty frame with no document is counted as skipped; same-origin frames are now read, others listed.
    expect(snapshot.notes).toEqual([
      'Page reading went past what it could not read: 1 frame. The rest of the capture is complete.',
    ]);
    expect(snapshot.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
  });

  it('turns every cap into a note', () => {
    const snapshot = collectPage(page(), window, {
      now,
      maxTextChars: 50,
      maxTableRows: 5,
      maxTables: 1,
      maxDomBytes: 500,
    });
    expect(snapshot.text.length).toBeLessThanOrEqual(50);
    expect(snapshot.tables).toHaveLength(1);
    expect(snapshot.tables[0]?.rows).toHaveLength(5);
    expect(snapshot.dom.truncated).toBe(true);
    expect(snapshot.dom.html.length).toBeLessThanOrEqual(500);
    expect(snapshot.notes).toEqual([
      'Visible text truncated at 50 characters',
      'table-1 truncated at 5 of 21 rows',
      'Found 2 tables; kept the first 1',
      `DOM snapshot truncated at 500 bytes of ${snapshot.dom.originalBytes.toLocaleString('en-US')} bytes`,
      'Page reading went past what it could not read: 1 frame. The rest of the capture is complete.',
    ]);
  });

  it('still returns text and tables when one part fails', () => {
    const doc = page();
    vi.spyOn(doc.implementation, 'createHTMLDocument').mockImplementation(() => {
      throw new Error('no inert document');
    });
    const snapshot = collectPage(doc, window, { now });
    expect(snapshot.text).toContain('Review');
    expect(snapshot.tables).toHaveLength(2);
    expect(snapshot.dom).toEqual({ html: '', truncated: false, originalBytes: 0 });
    expect(snapshot.notes).toContain(
      'DOM snapshot could not be read (no inert document); the rest of the capture is complete',
    );
  });

  it('collects a 100,000-node page completely', () => {
    const doc = document.implementation.createHTMLDocument('big');
    const table = doc.createElement('table');
    const body = doc.createElement('tbody');
    const rowCount = 15_000;
    for (let row = 0; row < rowCount; row++) {
      const tr = doc.createElement('tr');
      for (let column = 0; column < 3; column++) {
        const td = doc.createElement('td');
        td.textContent = `r${row}c${column}`;
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    doc.body.appendChild(table);
    expect(doc.getElementsByTagName('*').length + rowCount * 3).toBeGreaterThanOrEqual(100_000);

    const snapshot = collectPage(doc, window, { now });
    expect(snapshot.tables).toHaveLength(1);
    expect(snapshot.tables[0]?.rows).toHaveLength(rowCount);
    expect(snapshot.tables[0]?.rows[rowCount - 1]).toEqual([
      `r${rowCount - 1}c0`,
      `r${rowCount - 1}c1`,
      `r${rowCount - 1}c2`,
    ]);
    expect(snapshot.text.split('\n')).toHaveLength(rowCount);
    expect(snapshot.text.endsWith(`r${rowCount - 1}c0\tr${rowCount - 1}c1\tr${rowCount - 1}c2`)).toBe(true);
    expect(snapshot.dom.truncated).toBe(false);
    expect(snapshot.dom.html).toContain(`<td>r${rowCount - 1}c2</td>`);
    expect(snapshot.notes).toEqual([]);
  }, 60_000);
});
