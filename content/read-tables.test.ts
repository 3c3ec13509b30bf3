import { describe, expect, it } from 'vitest';
import { readTables } from './read-tables';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Nodes parsed from markup, owned by `doc`: tests build shadow trees without assigning innerHTML. */
function nodes(doc: Document, html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => doc.importNode(node, true));
}

const ACCESS_REVIEW = `
  <h2>Quarterly access review — Q3</h2>
  <table>
    <thead>
      <tr><th rowspan="2">User</th><th colspan="2">Access</th><th>Decision</th></tr>
      <tr><th>Role</th><th>Last   login</th><th></th></tr>
    </thead>
    <tfoot><tr><td colspan="4">3 users reviewed</td></tr></tfoot>
    <tbody>
      <tr><td>alice@example.com</td><td>Admin</td><td>2024-06-01</td><td>Keep</td></tr>
      <tr><td>  bob@example.com
        </td><td colspan="2">  Suspended
        account </td><td>Remove</td></tr>
      <tr hidden><td>ghost</td><td>Admin</td><td>never</td><td>Keep</td></tr>
      <tr style="display:none"><td>phantom</td><td>Admin</td><td>never</td><td>Keep</td></tr>
      <tr><td>carol</td><td>Viewer <input type="password" value="hunter2"></td>
        <td><input value="2024-05-02"></td>
        <td><select><option>Keep</option><option selected>Remove</option></select></td></tr>
    </tbody>
  </table>`;

describe('readTables', () => {
  it('reads an access review: header rows, spans lined up, footer last, hidden rows left out', () => {
    const { tables, notes } = readTables(parse(ACCESS_REVIEW));
    expect(notes).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual({
      name: 'table-1',
      caption: 'Quarterly access review — Q3',
      source: 'table',
      truncated: false,
      rows: [
        ['User', 'Access', '', 'Decision'],
        ['', 'Role', 'Last login', ''],
        ['alice@example.com', 'Admin', '2024-06-01', 'Keep'],
        ['bob@example.com', 'Suspended account', '', 'Remove'],
        ['carol', 'Viewer', '2024-05-02', 'Remove'],
        ['3 users reviewed', '', '', ''],
      ],
    });
    expect(JSON.stringify(tables)).not.toContain('hunter2');
  });

  it('never reads a password typed into a cell', () => {
    const doc = parse(ACCESS_REVIEW);
    (doc.querySelector('input[type=password]') as HTMLInputElement).value = 'typed-secret';
    expect(JSON.stringify(readTables(doc))).not.toContain('typed-secret');
  });

  it('lines up row spans that end a row and restarts them per row group', () => {
    const doc = parse(`<table>
      <tbody><tr><td>a</td><td rowspan="0">tall</td></tr><tr><td>b</td></tr></tbody>
      <tbody><tr><td>c</td><td>d</td><td>e</td></tr></tbody></table>`);
    expect(readTables(doc).tables[0]?.rows).toEqual([
      ['a', 'tall', ''],
      ['b', '', ''],
      ['c', 'd', 'e'],
    ]);
  });

  it('reads an ARIA grid built from divs, with aria-colindex gaps and a virtualisation note', () => {
    const doc = parse(`
      <span id="grid-title">Users with MFA</span>
      <div role="grid" aria-labelledby="grid-title" aria-rowcount="250">
        <div role="rowgroup">
          <div role="row"><div role="columnheader">Name</div><div role="columnheader">MFA</div>
            <div role="columnheader">Status</div></div>
        </div>
        <div role="rowgroup">
          <div role="row"><div role="gridcell">Dana</div>
            <div role="gridcell"><span aria-hidden="true">✓</span> <span>Enabled</span></div>
            <div role="gridcell">Active</div></div>
          <div role="row"><div role="gridcell" aria-colindex="1">Eve</div>
            <div role="gridcell" aria-colindex="3">Locked</div></div>
          <div role="row" style="display:none"><div role="gridcell">Hidden</div></div>
          <div class="spinner">Loading…</div>
        </div>
      </div>`);
    const { tables, notes } = readTables(doc);
    expect(tables).toEqual([
      {
        name: 'table-1',
        caption: 'Users with MFA',
        source: 'aria-grid',
        truncated: false,
        rows: [
          ['Name', 'MFA', 'Status'],
          ['Dana', 'Enabled', 'Active'],
          ['Eve', '', 'Locked'],
        ],
      },
    ]);
    expect(notes).toEqual([
      'table-1 declares 250 rows (aria-rowcount) but only 3 are in the page: the list is virtualised, so the rest were not captured',
    ]);
  });

  it('reads a grid laid out with a presentation table as one grid', () => {
    const doc = parse(`<div role="grid" aria-label="Groups"><table role="presentation"><tbody>
      <tr role="row"><td role="gridcell">admins</td><td role="gridcell">4</td></tr>
      <tr role="row"><td role="gridcell">auditors</td><td role="gridcell">2</td></tr>
    </tbody></table></div>`);
    const { tables } = readTables(doc);
    expect(tables.map((table) => [table.caption, table.source, table.rows])).toEqual([
      [
        'Groups',
        'aria-grid',
        [
          ['admins', '4'],
          ['auditors', '2'],
        ],
      ],
    ]);
  });

  it('finds tables in open shadow roots and names tables in document order', () => {
    const doc = parse(
      '<table aria-label="First"><tr><td>1</td></tr></table><x-grid></x-grid><table><tr><td>3</td></tr></table>',
    );
    const host = doc.querySelector('x-grid') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const grid = doc.createElement('div');
    grid.setAttribute('role', 'table');
    grid.setAttribute('aria-label', 'Backups');
    grid.append(
      ...nodes(doc, '<div role="row"><span role="cell">nightly</span><span role="cell">ok</span></div>'),
    );
    root.append(grid);
    const { tables } = readTables(doc);
    expect(tables.map((table) => [table.name, table.caption, table.rows])).toEqual([
      ['table-1', 'First', [['1']]],
      ['table-2', 'Backups', [['nightly', 'ok']]],
      ['table-3', '', [['3']]],
    ]);
  });

  it('keeps a nested table separate and points to it from the parent cell', () => {
    const doc = parse(`<table><caption>Outer</caption>
      <tr><td>Group</td><td>Members: <table><caption>Inner</caption><tr><td>alice</td><td>bob</td></tr></table></td></tr>
    </table>`);
    const { tables } = readTables(doc);
    expect(tables.map((table) => table.caption)).toEqual(['Outer', 'Inner']);
    expect(tables[0]?.rows).toEqual([['Group', 'Members: [table-2]']]);
    expect(tables[1]?.rows).toEqual([['alice', 'bob']]);
  });

  it('skips hidden tables, with a note', () => {
    const doc = parse(`<style>.tab { display: none }</style>
      <div class="tab"><table><tr><td>inactive tab</td></tr></table></div>
      <div aria-hidden="true"><div role="grid"><div role="row"><div role="gridcell">clone</div></div></div></div>
      <table><tr><td>shown</td></tr></table>`);
    const { tables, notes } = readTables(doc);
    expect(tables.map((table) => table.rows)).toEqual([[['shown']]]);
    expect(notes).toEqual(['2 hidden tables not captured']);
  });

  it('caps rows and tables with notes', () => {
    const rows = Array.from({ length: 30 }, (_, index) => `<tr><td>${index}</td></tr>`).join('');
    const doc = parse(
      `<table>${rows}</table><table><tr><td>b</td></tr></table><table><tr><td>c</td></tr></table>`,
    );
    const { tables, notes } = readTables(doc, { maxRows: 10, maxTables: 2 });
    expect(tables).toHaveLength(2);
    expect(tables[0]?.rows).toHaveLength(10);
    expect(tables[0]?.rows[9]).toEqual(['9']);
    expect(tables[0]?.truncated).toBe(true);
    expect(tables[1]?.truncated).toBe(false);
    expect(notes).toEqual(['table-1 truncated at 10 of 30 rows', 'Found 3 tables; kept the first 2']);
  });

  it('bounds a hostile colspan', () => {
    const doc = parse('<table><tr><td colspan="999999">wide</td><td>after</td></tr></table>');
    const [table] = readTables(doc).tables;
    expect(table?.rows[0]).toHaveLength(1000);
    expect(table?.truncated).toBe(true);
  });
});
