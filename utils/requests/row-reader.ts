import type { Catalogue } from '../catalogue/types';
import { normaliseControlId } from '../catalogue/catalogue';
import { requestText } from '../text';
import type { RequestCsvColumn } from './columns';
import { REQUEST_STATUSES, type AuditRequest, type RequestStatus } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function key(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** A real calendar date: 2026-02-30 is refused, not rolled over into March. */
export function isIsoDate(cell: string): boolean {
  const match = DATE.exec(cell);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** One row's cells by field, and the row's problems as sentences without the line number. */
export class RequestRow {
  readonly problems: string[] = [];
  constructor(private readonly cells: ReadonlyMap<RequestCsvColumn, string>) {}

  /**
   * A cell's text. Our own export prefixes formula-leading cells with a quote, which is removed here; a cell
   * that still starts like a formula is refused rather than guessed at.
   */
  text(column: RequestCsvColumn): string {
    const raw = this.cells.get(column) ?? '';
    if (raw.startsWith("'") && FORMULA_START.test(raw.slice(1))) return raw.slice(1);
    if (FORMULA_START.test(raw)) {
      this.problems.push(requestText.import.formulaCell(column, raw.charAt(0)));
      return '';
    }
    return raw.trim();
  }

  date(column: RequestCsvColumn): string | null {
    const cell = this.text(column);
    if (cell === '') return null;
    if (!isIsoDate(cell)) this.problems.push(requestText.import.badDate(column, cell));
    return cell;
  }

  status(): RequestStatus {
    const cell = key(this.text('Status'));
    if (cell === '') return 'open';
    const found = REQUEST_STATUSES.find(
      (status) => key(status) === cell || key(requestText.status[status]) === cell || cell === 'returned',
    );
    const status = cell === 'returned' ? 'returned' : found;
    if (!status)
      this.problems.push(
        requestText.import.badStatus(
          cell,
          REQUEST_STATUSES.map((id) => requestText.status[id]),
        ),
      );
    return status ?? 'open';
  }

  list(column: RequestCsvColumn): string[] {
    return this.text(column)
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }

  controls(catalogue: Catalogue): string[] {
    const known = new Set(catalogue.items.map((item) => item.id));
    const ids = this.text('Controls')
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map(normaliseControlId);
    for (const id of ids) if (!known.has(id)) this.problems.push(requestText.import.unknownControl(id));
    return [...new Set(ids)];
  }
}

/** A request as the row states it; `defaultAudit` fills an empty Audit cell (the list being imported). */
export function readRequest(row: RequestRow, catalogue: Catalogue, defaultAudit: string): AuditRequest {
  return {
    reference: row.text('Reference'),
    text: row.text('Request'),
    controls: row.controls(catalogue),
    audit: row.text('Audit') || defaultAudit,
    dueDate: row.date('Due date'),
    owner: row.text('Owner'),
    status: row.status(),
    comment: '',
    population: row.text('Population'),
    items: row.list('Sample items').map((label) => ({ label, status: 'open', comment: '', evidenceIds: [] })),
    evidenceIds: [],
  };
}
