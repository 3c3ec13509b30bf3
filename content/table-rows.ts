import {
  flatChildren,
  isElement,
  isHiddenByAttribute,
  isNonRendered,
  isTableContainer,
  pushChildrenReversed,
  roleOf,
} from './dom';
import type { GridCell } from './grid-builder';
import type { StyleReader } from './styles';
import type { ShadowRootReader } from '@/utils/page/types';
import type { VisibilityOracle } from './visibility';

export interface RowSource {
  /** Visible rows, grouped as row spans are (thead, tbody, tfoot). */
  groups: Element[][];
  cellsOf(row: Element): Element[];
  spanOf(cell: Element): Omit<GridCell, 'text'>;
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

function parseSpan(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null) return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < min) return fallback;
  return Math.min(parsed, max);
}

/** Hidden cells (display:none) take no column; invisible ones still do, with no text. */
function isUndisplayed(cell: Element, styles: StyleReader): boolean {
  return cell.hasAttribute('hidden') || styles.read(cell).hidden;
}

/** Rows of an HTML table, in rendering order: the first <thead> on top, the first <tfoot> at the bottom. */
export function htmlTableRows(table: Element, styles: StyleReader, visibility: VisibilityOracle): RowSource {
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  let looseRows: Element[] | null = null;
  for (const child of table.children) {
    const tag = child.localName;
    if (tag === 'tr') {
      if (looseRows === null) body.push((looseRows = []));
      if (!visibility.isHidden(child)) looseRows.push(child);
      continue;
    }
    looseRows = null;
    if ((tag !== 'thead' && tag !== 'tbody' && tag !== 'tfoot') || visibility.isHidden(child)) continue;
    const rows = [...child.children].filter((row) => row.localName === 'tr' && !visibility.isHidden(row));
    if (tag === 'thead' && head.length === 0) head.push(rows);
    else if (tag === 'tfoot' && foot.length === 0) foot.push(rows);
    else body.push(rows);
  }
  return {
    groups: [...head, ...body, ...foot].filter((group) => group.length > 0),
    cellsOf: (row) =>
      [...row.children].filter(
        (cell) => (cell.localName === 'td' || cell.localName === 'th') && !isUndisplayed(cell, styles),
      ),
    spanOf: (cell) => ({
      colspan: parseSpan(cell.getAttribute('colspan'), 1, 1, 1000),
      rowspan: parseSpan(cell.getAttribute('rowspan'), 1, 0, 65534),
    }),
  };
}

/**
 * Descendants of `root` in the flat tree for which `pick` says 'take', not looking inside taken elements, nested
 * tables or hidden elements.
 */
function collect(
  root: Element,
  styles: StyleReader,
  shadowRootOf: ShadowRootReader,
  pick: (element: Element) => 'take' | 'skip' | 'descend',
): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [];
  pushChildrenReversed(stack, flatChildren(root, shadowRootOf), (child) => child);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    try {
      if (!isElement(node) || isNonRendered(node) || isHiddenByAttribute(node)) continue;
      if (isTableContainer(node)) continue; // a nested table is a table of its own
      const choice = pick(node);
      if (choice === 'skip' || styles.read(node).hidden) continue;
      if (choice === 'take') found.push(node);
      else pushChildrenReversed(stack, flatChildren(node, shadowRootOf), (child) => child);
    } catch {
      styles.skips.record('element', node);
    }
  }
  return found;
}

/** Rows of an ARIA grid/table/treegrid, which admin consoles build from divs, often inside shadow roots. */
export function ariaGridRows(grid: Element, styles: StyleReader, shadowRootOf: ShadowRootReader): RowSource {
  const rows = collect(grid, styles, shadowRootOf, (element) =>
    roleOf(element) === 'row' ? 'take' : 'descend',
  );
  return {
    groups: rows.length > 0 ? [rows] : [],
    cellsOf: (row) => {
      const cells = collect(row, styles, shadowRootOf, (element) => {
        const role = roleOf(element);
        if (role === 'row') return 'skip';
        return CELL_ROLES.has(role) ? 'take' : 'descend';
      });
      if (cells.length > 0) return cells;
      // a row whose cells carry no role: its rendered children are the cells
      return collect(row, styles, shadowRootOf, () => 'take');
    },
    spanOf: (cell) => {
      const column = parseSpan(cell.getAttribute('aria-colindex'), 0, 1, 1000);
      return {
        colspan: parseSpan(cell.getAttribute('aria-colspan') ?? cell.getAttribute('colspan'), 1, 1, 1000),
        rowspan: parseSpan(cell.getAttribute('aria-rowspan') ?? cell.getAttribute('rowspan'), 1, 0, 65534),
        ...(column > 0 ? { column } : {}),
      };
    },
  };
}
