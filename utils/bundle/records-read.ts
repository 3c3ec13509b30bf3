/**
 * Reads a bundle's `data/internal-audits.csv` and `data/management-reviews.csv` back into records, so an
 * import restores the audit programme and the reviews. Columns are found by their names; every row that
 * cannot be read gets a line-numbered sentence and is left out, the others are kept.
 */
import { CsvParseError, parseCsv } from '../csv/csv';
import {
  REVIEW_INPUTS,
  type InternalAudit,
  type ManagementReview,
  type ReviewAction,
  type ReviewActionStatus,
} from '../isms-records/types';
import {
  internalAuditProblems,
  managementReviewProblems,
  tidyInternalAudit,
  tidyManagementReview,
} from '../isms-records/validate';
import { ismsRecordsText } from '../text';
import {
  INTERNAL_AUDITS_FILE,
  INTERNAL_AUDITS_HEADER,
  MANAGEMENT_REVIEWS_FILE,
  MANAGEMENT_REVIEWS_HEADER,
  reviewInputColumn,
} from './records-files';

const t = ismsRecordsText.bundle;

/** The records a bundle carries, as read; absent from a VerifiedBundle that has neither file (older versions). */
export interface BundledIsmsRecords {
  internalAudits: InternalAudit[];
  managementReviews: ManagementReview[];
  /** One sentence per row left out, naming the file and the line (the header is line 1). */
  problems: string[];
}

export const INTERNAL_AUDITS_PATH = `data/${INTERNAL_AUDITS_FILE}`;
export const MANAGEMENT_REVIEWS_PATH = `data/${MANAGEMENT_REVIEWS_FILE}`;

/** The payload paths the verifier keeps as text for this reader. */
export function keepsRecordsTable(path: string): boolean {
  return path === INTERNAL_AUDITS_PATH || path === MANAGEMENT_REVIEWS_PATH;
}

/** Links are resolved by the import against what this installation holds: here any ID is accepted. */
const ANY_LINK = { evidence: () => true, finding: () => true };

/** Undoes the export's formula guard: a cell written as '=… reads back as =…. */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

interface Table {
  /** The body rows with their line numbers, blank rows dropped. */
  rows: { line: number; cell: (column: string) => string; width: number }[];
  width: number;
}

function readTable(file: string, text: string, header: readonly string[], problems: string[]): Table | null {
  let parsed: string[][];
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    problems.push(t.unreadable(file, error.message));
    return null;
  }
  const [head = [], ...body] = parsed;
  const names = head.map((name) => name.trim());
  const missing = header.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    problems.push(t.line(file, 1, t.missingColumns(missing)));
    return null;
  }
  const index = new Map(header.map((name) => [name, names.indexOf(name)]));
  const rows = body.flatMap((row, offset) =>
    row.some((cell) => cell.trim() !== '')
      ? [
          {
            line: offset + 2,
            width: row.length,
            cell: (column: string) => unguard(row[index.get(column) ?? -1] ?? '').trim(),
          },
        ]
      : [],
  );
  return { rows, width: names.length };
}

/** yes / no, or null for anything else. */
function yesNo(value: string): boolean | null {
  const lower = value.toLowerCase();
  return lower === 'yes' ? true : lower === 'no' ? false : null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A problem for each cell the record itself does not check (yes/no columns, the time). */
function updatedAt(value: string, problems: string[]): string {
  if (value !== '' && !ISO_TIME.test(value)) problems.push(t.badUpdatedAt(value));
  return ISO_TIME.test(value) ? value : '';
}

function flag(column: string, value: string, problems: string[]): boolean {
  const read = yesNo(value);
  if (read === null) problems.push(t.notYesNo(column, value));
  return read ?? false;
}

/** Each record once: a second row with the same ID is a problem of its own line. */
function firstOnly(id: string, line: number, seen: Map<string, number>, problems: string[]): void {
  const first = seen.get(id);
  if (first !== undefined) problems.push(t.duplicate(id, first));
  else seen.set(id, line);
}

export function readInternalAuditsCsv(text: string): {
  internalAudits: InternalAudit[];
  problems: string[];
} {
  const problems: string[] = [];
  const table = readTable(INTERNAL_AUDITS_PATH, text, INTERNAL_AUDITS_HEADER, problems);
  const internalAudits: InternalAudit[] = [];
  const seen = new Map<string, number>();
  for (const row of table?.rows ?? []) {
    const own: string[] = [];
    if (row.width > table!.width) own.push(t.tooManyCells(row.width, table!.width));
    const input = {
      id: row.cell('Audit ID'),
      title: row.cell('Title'),
      scope: row.cell('Scope'),
      criteria: row.cell('Criteria'),
      auditor: row.cell('Auditor'),
      auditorIndependent: flag('Auditor independent', row.cell('Auditor independent'), own),
      independenceNote: row.cell('Independence'),
      plannedDate: row.cell('Planned date'),
      completedDate: row.cell('Completed date') || null,
      status: row.cell('Status') as InternalAudit['status'],
      reportEvidenceId: row.cell('Report evidence') || null,
      findingIds: row.cell('Findings').split(/\s+/).filter(Boolean),
      notes: row.cell('Notes'),
    };
    const at = updatedAt(row.cell('Updated at'), own);
    own.push(...internalAuditProblems(input, ANY_LINK));
    firstOnly(input.id, row.line, seen, own);
    problems.push(...own.map((problem) => t.line(INTERNAL_AUDITS_PATH, row.line, problem)));
    if (own.length === 0) internalAudits.push({ ...tidyInternalAudit(input), createdAt: at, updatedAt: at });
  }
  return { internalAudits, problems };
}

const ACTION = /^(.*) \| (.*) \| due (\S*) \| (\S+)$/;

/** The Actions cell: one action per line, as actionLine writes it. */
function readActions(cell: string, problems: string[]): ReviewAction[] {
  const actions: ReviewAction[] = [];
  for (const [index, text] of cell.split(/\r?\n/).entries()) {
    if (text.trim() === '') continue;
    const match = ACTION.exec(text.trim());
    if (!match) {
      problems.push(t.badAction(index + 1, text.trim()));
      continue;
    }
    const [, description = '', owner = '', dueDate = '', status = ''] = match;
    actions.push({ description, owner, dueDate, status: status as ReviewActionStatus });
  }
  return actions;
}

export function readManagementReviewsCsv(text: string): {
  managementReviews: ManagementReview[];
  problems: string[];
} {
  const problems: string[] = [];
  const table = readTable(MANAGEMENT_REVIEWS_PATH, text, MANAGEMENT_REVIEWS_HEADER, problems);
  const managementReviews: ManagementReview[] = [];
  const seen = new Map<string, number>();
  for (const row of table?.rows ?? []) {
    const own: string[] = [];
    if (row.width > table!.width) own.push(t.tooManyCells(row.width, table!.width));
    const input = {
      id: row.cell('Review ID'),
      meetingDate: row.cell('Meeting date'),
      status: row.cell('Status') as ManagementReview['status'],
      attendees: row.cell('Attendees').split(';'),
      topManagementPresent: flag('Top management present', row.cell('Top management present'), own),
      coveredInputs: REVIEW_INPUTS.filter((item) =>
        flag(reviewInputColumn(item), row.cell(reviewInputColumn(item)), own),
      ),
      decisions: row.cell('Decisions'),
      actions: readActions(row.cell('Actions'), own),
      minutesEvidenceId: row.cell('Minutes evidence') || null,
      notes: row.cell('Notes'),
    };
    const at = updatedAt(row.cell('Updated at'), own);
    own.push(...managementReviewProblems(input, ANY_LINK));
    firstOnly(input.id, row.line, seen, own);
    problems.push(...own.map((problem) => t.line(MANAGEMENT_REVIEWS_PATH, row.line, problem)));
    if (own.length === 0)
      managementReviews.push({ ...tidyManagementReview(input), createdAt: at, updatedAt: at });
  }
  return { managementReviews, problems };
}

/** Both tables of a bundle; undefined when it has neither (a bundle of an older version). */
export function bundledIsmsRecords(texts: ReadonlyMap<string, string>): BundledIsmsRecords | undefined {
  const audits = texts.get(INTERNAL_AUDITS_PATH);
  const reviews = texts.get(MANAGEMENT_REVIEWS_PATH);
  if (audits === undefined && reviews === undefined) return undefined;
  const readAudits = audits === undefined ? null : readInternalAuditsCsv(audits);
  const readReviews = reviews === undefined ? null : readManagementReviewsCsv(reviews);
  return {
    internalAudits: readAudits?.internalAudits ?? [],
    managementReviews: readReviews?.managementReviews ?? [],
    problems: [...(readAudits?.problems ?? []), ...(readReviews?.problems ?? [])],
  };
}
