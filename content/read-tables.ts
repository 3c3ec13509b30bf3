import { isHtmlTable, openShadowRoot } from './dom';
import { groupDigits, plural } from './format';
import { GridBuilder, MAX_COLUMNS } from './grid-builder';
import { DEFAULT_LIMITS } from '@/utils/page/limits';
import { pageReadingText } from '@/utils/text';
import { indexPage } from './page-index';
import { renderText, type RenderContext } from './render-text';
import type { SkipLedger } from './skips';
import { createStyleReader } from './styles';
import { captionOf } from './table-caption';
import { ariaGridRows, htmlTableRows, type RowSource } from './table-rows';
import type { PageTable, ShadowRootReader } from '@/utils/page/types';
import { createVisibilityOracle, type VisibilityOracle } from './visibility';

export interface TablesOptions {
  maxRows?: number;
  maxTables?: number;
  shadowRootOf?: ShadowRootReader;
  /** Read only the tables inside this element (itself included); the whole document by default. */
  root?: Element;
  /** Keeps only the tables this returns true for (a region capture keeps those it intersects). */
  keep?: (container: Element) => boolean;
  /** Where elements that cannot be read are counted; a fresh ledger by default. */
  skips?: SkipLedger;
}

export interface Tables {
  tables: PageTable[];
  notes: string[];
}

/** Excel's limit for one cell: longer text would be cut when the CSV is opened anyway. */
export const MAX_CELL_CHARS = 32_767;

interface TableReader {
  context: RenderContext;
  visibility: VisibilityOracle;
  maxRows: number;
}

function rowSource(container: Element, reader: TableReader): RowSource {
  const { styles, shadowRootOf } = reader.context;
  if (isHtmlTable(container)) {
    return htmlTableRows(container, styles, reader.visibility);
  }
  return ariaGridRows(container, styles, shadowRootOf);
}

function readTable(container: Element, name: string, reader: TableReader, notes: string[]): PageTable {
  const layout = rowSource(container, reader);
  const builder = new GridBuilder();
  const totalRows = layout.groups.reduce((sum, group) => sum + group.length, 0);
  let rowCount = 0;
  let longCells = 0;
  rows: for (const group of layout.groups) {
    for (const row of group) {
      if (rowCount >= reader.maxRows) break rows;
      const cells = layout.cellsOf(row).map((cell) => {
        const { text, truncated } = renderText(cell, reader.context, {
          mode: 'cell',
          maxChars: MAX_CELL_CHARS,
          rootDisplayed: true, // cellsOf returns displayed cells only
        });
        if (truncated) longCells++;
        return { text, ...layout.spanOf(cell) };
      });
      builder.addRow(cells);
      rowCount++;
    }
    builder.endGroup();
  }
  const rowsTruncated = totalRows > rowCount;
  if (rowsTruncated) {
    notes.push(`${name} truncated at ${groupDigits(rowCount)} of ${groupDigits(totalRows)} rows`);
  }
  if (builder.columnsTruncated) notes.push(`${name} truncated at ${groupDigits(MAX_COLUMNS)} columns`);
  if (longCells > 0) {
    notes.push(`${name}: ${plural(longCells, 'cell')} cut at ${groupDigits(MAX_CELL_CHARS)} characters`);
  }
  const declaredRows = Number.parseInt(container.getAttribute('aria-rowcount') ?? '', 10);
  if (declaredRows > totalRows) {
    notes.push(
      `${name} declares ${groupDigits(declaredRows)} rows (aria-rowcount) but only ${groupDigits(totalRows)} ` +
        'are in the page: the list is virtualised, so the rest were not captured',
    );
  }
  return {
    name,
    caption: captionOf(container, reader.context),
    rows: builder.finish(),
    source: isHtmlTable(container) ? 'table' : 'aria-grid',
    truncated: rowsTruncated || builder.columnsTruncated,
  };
}

/**
 * A table that cannot be read stays in the list, empty, so the files keep their names and the note says why;
 * the other tables are read as usual.
 */
function readTableOrSkip(container: Element, name: string, reader: TableReader, notes: string[]): PageTable {
  try {
    return readTable(container, name, reader, notes);
  } catch {
    reader.context.styles.skips.record('table', container);
    notes.push(pageReadingText.tableUnreadable(name));
    const source = isHtmlTable(container) ? 'table' : 'aria-grid';
    return { name, caption: '', rows: [], source, truncated: true };
  }
}

/**
 * Every visible HTML <table> and ARIA table/grid/treegrid (also inside open shadow roots) as rows of trimmed,
 * white-space-collapsed cell text, spans expanded so columns line up. A nested table is a table of its own: the
 * parent's cell shows `[table-N]` in its place rather than repeating its text. Password values never appear.
 */
export function readTables(doc: Document, options: TablesOptions = {}): Tables {
  const maxRows = options.maxRows ?? DEFAULT_LIMITS.maxTableRows;
  const maxTables = options.maxTables ?? DEFAULT_LIMITS.maxTables;
  const shadowRootOf = options.shadowRootOf ?? openShadowRoot;
  if (doc.documentElement === null) return { tables: [], notes: [] };
  const styles = createStyleReader(doc, options.skips);
  const index = indexPage(
    options.root ?? doc.documentElement,
    shadowRootOf,
    (root) => styles.addRoot(root),
    styles.skips,
  );
  const visibility = createVisibilityOracle(styles, shadowRootOf);
  const keep = options.keep ?? (() => true);
  const shown = index.containers.filter((container) => !visibility.isHidden(container) && keep(container));
  const kept = shown.slice(0, maxTables);
  const names = new Map(kept.map((container, position) => [container, `table-${position + 1}`]));
  const context: RenderContext = {
    styles,
    shadowRootOf,
    index,
    nestedTableLabel: (table) => {
      const name = names.get(table);
      return name === undefined ? '' : `[${name}]`;
    },
  };
  const reader: TableReader = { context, visibility, maxRows };
  const notes: string[] = [];
  const tables = kept.map((container, position) =>
    readTableOrSkip(container, `table-${position + 1}`, reader, notes),
  );
  if (shown.length > kept.length) {
    notes.push(`Found ${groupDigits(shown.length)} tables; kept the first ${groupDigits(kept.length)}`);
  }
  const hidden = index.containers.length - shown.length;
  if (hidden > 0) notes.push(`${plural(hidden, 'hidden table')} not captured`);
  return { tables, notes };
}
