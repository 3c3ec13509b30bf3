import type { PageTable } from '@/utils/page/types';

interface CollectedGrid {
  header: string[] | null;
  rows: Map<string, { order: number; cells: string[] }>;
  label: string;
}

const CELL = '[role="gridcell"], [role="columnheader"], [role="rowheader"], [role="cell"]';
const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Virtualised grids keep only the rows on screen in the DOM. While the page is scrolled for the
 * tiles, the rows seen at each step are kept (by `aria-rowindex` when the grid gives it), so the CSV
 * holds the whole population, not the last screenful.
 */
export class VirtualRowCollector {
  private readonly grids = new Map<Element, CollectedGrid>();

  constructor(private readonly doc: Document) {}

  collect(): void {
    for (const grid of this.doc.querySelectorAll('[role="grid"], [role="treegrid"], [role="table"]')) {
      let collected = this.grids.get(grid);
      if (!collected) {
        const label = grid.getAttribute('aria-label') ?? grid.id ?? '';
        collected = { header: null, rows: new Map(), label };
        this.grids.set(grid, collected);
      }
      for (const row of grid.querySelectorAll('[role="row"]')) {
        const cells = [...row.querySelectorAll(CELL)];
        if (cells.length === 0) continue;
        const texts = cells.map((cell) => clean(cell.textContent));
        if (cells.every((cell) => cell.getAttribute('role') === 'columnheader')) {
          collected.header ??= texts;
          continue;
        }
        const index = Number(row.getAttribute('aria-rowindex'));
        const key = Number.isFinite(index) && index > 0 ? `#${index}` : texts.join('\u0001');
        if (!collected.rows.has(key))
          collected.rows.set(key, {
            order: Number.isFinite(index) && index > 0 ? index : 1e9 + collected.rows.size,
            cells: texts,
          });
      }
    }
  }

  /**
   * The snapshot's tables, where a grid was seen with more rows while scrolling than it holds now
   * replaced by (or, when it cannot be matched by its header, completed with) the collected rows.
   */
  merge(tables: readonly PageTable[]): { tables: PageTable[]; notes: string[] } {
    const result = [...tables];
    const notes: string[] = [];
    for (const collected of this.grids.values()) {
      if (!collected.header) continue;
      const rows = [...collected.rows.values()].sort((a, b) => a.order - b.order).map((row) => row.cells);
      const width = Math.max(collected.header.length, ...rows.map((row) => row.length));
      const pad = (row: string[]) => [...row, ...new Array<string>(width - row.length).fill('')];
      const header = collected.header;
      const index = result.findIndex(
        (table) =>
          table.source === 'aria-grid' && header.every((name, column) => table.rows[0]?.[column] === name),
      );
      const existing = index >= 0 ? result[index]! : null;
      if (existing && existing.rows.length - 1 >= rows.length) continue;
      const table: PageTable = {
        name: existing?.name ?? `table-${result.length + 1}`,
        caption: existing?.caption ?? collected.label,
        rows: [pad(header), ...rows.map(pad)],
        source: 'aria-grid',
        truncated: false,
      };
      if (existing) result[index] = table;
      else result.push(table);
      notes.push(
        `${rows.length} rows of the grid "${table.caption || table.name}" were collected while scrolling (the page shows only some at a time)`,
      );
    }
    return { tables: result, notes };
  }
}
