import { riskText } from '../text';
import { RISK_CSV_HEADER, type RiskCsvColumn } from './risk-csv';

/** Other names spreadsheets commonly give the same column; matched case- and space-insensitively. */
const ALIASES: Partial<Record<RiskCsvColumn, readonly string[]>> = {
  ID: ['risk id', 'risk', 'ref', 'reference'],
  Title: ['risk title', 'name', 'risk name', 'summary'],
  Owner: ['risk owner'],
  Likelihood: ['probability', 'inherent likelihood'],
  Impact: ['inherent impact', 'severity'],
  Treatment: ['treatment option', 'option'],
  Controls: ['annex a controls', 'treating controls', 'control ids'],
  'Next review': ['review date', 'next review date'],
};

export const REQUIRED_COLUMNS: readonly RiskCsvColumn[] = ['ID', 'Title', 'Likelihood', 'Impact'];

function key(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

const BY_NAME = new Map<string, RiskCsvColumn>();
for (const column of RISK_CSV_HEADER) {
  BY_NAME.set(key(column), column);
  for (const alias of ALIASES[column] ?? []) BY_NAME.set(key(alias), column);
}

/** Which register field each file column feeds; null = the column is ignored. The preview shows this. */
export interface ColumnMapping {
  index: number;
  header: string;
  column: RiskCsvColumn | null;
}

export interface HeaderResult {
  mapping: ColumnMapping[];
  problems: string[];
}

/**
 * Maps a header row to register fields. `overrides` (header → field or null) is what the user picked
 * in the preview; without one a header maps by name or alias.
 */
export function mapHeader(
  header: readonly string[],
  overrides: ReadonlyMap<string, RiskCsvColumn | null> = new Map(),
): HeaderResult {
  const mapping = header.map((name, index) => ({
    index,
    header: name,
    column: overrides.has(name) ? (overrides.get(name) ?? null) : (BY_NAME.get(key(name)) ?? null),
  }));
  const problems: string[] = [];
  const seen = new Set<RiskCsvColumn>();
  for (const entry of mapping) {
    if (entry.column === null) continue;
    if (seen.has(entry.column)) problems.push(riskText.import.duplicateColumn(entry.column));
    seen.add(entry.column);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) problems.push(riskText.import.missingColumns(missing));
  return { mapping, problems };
}
