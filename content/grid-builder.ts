export interface GridCell {
  text: string;
  colspan: number;
  /** 0: to the end of the row group, as in HTML. */
  rowspan: number;
  /** 1-based column (aria-colindex), for grids that render only some columns. */
  column?: number;
}

/** Upper bound on columns per table: a hostile colspan must not allocate millions of cells. */
export const MAX_COLUMNS = 1000;
const TO_GROUP_END = Number.MAX_SAFE_INTEGER;

/**
 * Lays cells out on a grid the way a table does: a cell spanning n columns is followed by n-1 empty cells, and a
 * cell spanning rows leaves empty cells below it, so every column lines up in CSV.
 */
export class GridBuilder {
  readonly rows: string[][] = [];
  columnsTruncated = false;
  /** For each column, how many more rows a cell above still covers. */
  private covered: number[] = [];
  private width = 0;

  addRow(cells: readonly GridCell[]): void {
    const row: string[] = [];
    const skipCovered = (): void => {
      while (row.length < MAX_COLUMNS && (this.covered[row.length] ?? 0) > 0) row.push('');
    };
    for (const cell of cells) {
      skipCovered();
      if (cell.column !== undefined) {
        while (row.length < Math.min(cell.column - 1, MAX_COLUMNS)) {
          row.push('');
          skipCovered();
        }
      }
      for (let span = 0; span < cell.colspan; span++) {
        if (row.length >= MAX_COLUMNS) {
          this.columnsTruncated = true;
          break;
        }
        if (cell.rowspan !== 1) this.covered[row.length] = cell.rowspan === 0 ? TO_GROUP_END : cell.rowspan;
        row.push(span === 0 ? cell.text : '');
      }
    }
    // columns still covered by cells above, after this row's last cell
    let lastCovered = this.covered.length - 1;
    while (lastCovered >= row.length && (this.covered[lastCovered] ?? 0) === 0) lastCovered--;
    while (row.length <= lastCovered) row.push('');
    this.covered = this.covered.map((count) => Math.max(0, count - 1));
    this.width = Math.max(this.width, row.length);
    this.rows.push(row);
  }

  /** Row spans stop at the end of a <thead>/<tbody>/<tfoot>. */
  endGroup(): void {
    this.covered = [];
  }

  /** The rows, each padded to the widest one. */
  finish(): string[][] {
    for (const row of this.rows) while (row.length < this.width) row.push('');
    return this.rows;
  }
}
