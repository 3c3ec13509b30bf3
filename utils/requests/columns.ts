import { requestText } from '../text';

export const REQUEST_CSV_HEADER = [
  'Reference',
  'Request',
  'Controls',
  'Audit',
  'Due date',
  'Owner',
  'Status',
  'Population',
  'Sample items',
] as const;
export type RequestCsvColumn = (typeof REQUEST_CSV_HEADER)[number];

/** Other names auditors' spreadsheets give the same column; matched case- and space-insensitively. */
const ALIASES: Partial<Record<RequestCsvColumn, readonly string[]>> = {
  Reference: ['ref', 'ref.', 'id', 'no', 'no.', 'number', 'request id', 'pbc ref'],
  Request: ['description', 'request text', 'evidence requested', 'item', 'details'],
  Controls: ['control', 'annex a', 'annex a controls', 'control ids'],
  Audit: ['audit stage', 'stage', 'engagement'],
  'Due date': ['due', 'deadline', 'date due'],
  Owner: ['assignee', 'assigned to', 'responsible'],
  Population: ['sample population'],
  'Sample items': ['sample', 'samples', 'sampled items'],
};

export const REQUIRED_COLUMNS: readonly RequestCsvColumn[] = ['Reference', 'Request'];

function key(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

const BY_NAME = new Map<string, RequestCsvColumn>();
for (const column of REQUEST_CSV_HEADER) {
  BY_NAME.set(key(column), column);
  for (const alias of ALIASES[column] ?? []) BY_NAME.set(key(alias), column);
}

/** Which request field each file column feeds; null = the column is ignored. The preview shows this. */
export interface ColumnMapping {
  index: number;
  header: string;
  column: RequestCsvColumn | null;
}

/**
 * Maps a header row to request fields. `overrides` (header → field or null) is what the user picked in the
 * preview; without one a header maps by name or alias.
 */
export function mapRequestHeader(
  header: readonly string[],
  overrides: ReadonlyMap<string, RequestCsvColumn | null> = new Map(),
): { mapping: ColumnMapping[]; problems: string[] } {
  const mapping = header.map((name, index) => ({
    index,
    header: name,
    column: overrides.has(name) ? (overrides.get(name) ?? null) : (BY_NAME.get(key(name)) ?? null),
  }));
  const problems: string[] = [];
  const seen = new Set<RequestCsvColumn>();
  for (const entry of mapping) {
    if (entry.column === null) continue;
    if (seen.has(entry.column)) problems.push(requestText.import.duplicateColumn(entry.column));
    seen.add(entry.column);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) problems.push(requestText.import.missingColumns(missing));
  return { mapping, problems };
}
