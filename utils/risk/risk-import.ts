import type { Catalogue } from '../catalogue/types';
import { CsvParseError, parseCsv } from '../csv/csv';
import { riskText } from '../text';
import { mapHeader, type ColumnMapping } from './csv-columns';
import type { RiskCsvColumn } from './risk-csv';
import { readRisk, RowCells } from './row-reader';
import type { Risk, RiskCriteria } from './types';

/** The largest register one import reads; a bigger file is refused before any row is parsed. */
export const MAX_IMPORT_ROWS = 10_000;

export interface ImportProblem {
  /** The record's line in the file: the header is line 1. */
  line: number;
  message: string;
}

export interface RiskChange {
  before: Risk;
  after: Risk;
  fields: (keyof Risk)[];
}

/** What the user confirms: nothing is written until they do, and not at all while problems remain. */
export interface RiskImportPreview {
  mapping: ColumnMapping[];
  problems: ImportProblem[];
  added: Risk[];
  changed: RiskChange[];
  unchanged: number;
}

export interface RiskImportContext {
  criteria: RiskCriteria;
  catalogue: Catalogue;
  existing: readonly Risk[];
  now: string;
  overrides?: ReadonlyMap<string, RiskCsvColumn | null>;
}

const COMPARED: readonly (keyof Risk)[] = [
  'title',
  'asset',
  'threat',
  'vulnerability',
  'consequence',
  'owner',
  'likelihood',
  'impact',
  'treatment',
  'controls',
  'residualLikelihood',
  'residualImpact',
  'acceptance',
  'nextReview',
  'status',
  'notes',
];

export function changedFields(before: Risk, after: Risk): (keyof Risk)[] {
  return COMPARED.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function emptyPreview(problems: ImportProblem[], mapping: ColumnMapping[] = []): RiskImportPreview {
  return { mapping, problems, added: [], changed: [], unchanged: 0 };
}

function parse(text: string): string[][] | ImportProblem {
  try {
    return parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  } catch (error) {
    if (error instanceof CsvParseError) return { line: 0, message: error.message };
    throw error;
  }
}

/** Reads a register file into a preview: header mapping, per-line problems, and the diff by risk ID. */
export function previewRiskImport(text: string, context: RiskImportContext): RiskImportPreview {
  const rows = parse(text);
  if (!Array.isArray(rows)) return emptyPreview([rows]);
  const [header, ...body] = rows;
  if (!header) return emptyPreview([{ line: 1, message: riskText.import.emptyFile }]);
  if (body.length > MAX_IMPORT_ROWS) {
    return emptyPreview([{ line: 0, message: riskText.import.tooManyRows(body.length, MAX_IMPORT_ROWS) }]);
  }
  const { mapping, problems: headerProblems } = mapHeader(header, context.overrides);
  if (headerProblems.length > 0)
    return emptyPreview(
      headerProblems.map((message) => ({ line: 1, message })),
      mapping,
    );
  const preview = emptyPreview([], mapping);
  const existing = new Map(context.existing.map((risk) => [risk.id, risk]));
  const seenLines = new Map<string, number>();
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    const cells = new RowCells(
      new Map(mapping.flatMap((entry) => (entry.column ? [[entry.column, row[entry.index] ?? '']] : []))),
    );
    const risk = readRisk(cells, context.criteria, context.catalogue, context.now);
    if (risk.id === '') cells.problems.push(riskText.import.missingValue('ID'));
    if (risk.title === '') cells.problems.push(riskText.import.missingValue('Title'));
    const firstLine = seenLines.get(risk.id);
    if (risk.id !== '' && firstLine !== undefined)
      cells.problems.push(riskText.import.duplicateId(risk.id, firstLine));
    if (risk.id !== '') seenLines.set(risk.id, firstLine ?? line);
    if (cells.problems.length > 0) {
      preview.problems.push(...cells.problems.map((message) => ({ line, message })));
      continue;
    }
    classify(preview, existing.get(risk.id), risk);
  }
  return preview;
}

function classify(preview: RiskImportPreview, before: Risk | undefined, after: Risk): void {
  if (!before) {
    preview.added.push(after);
    return;
  }
  const fields = changedFields(before, after);
  if (fields.length === 0) preview.unchanged++;
  else preview.changed.push({ before, after, fields });
}

/** An import can be confirmed only when every row was read and there is something to write. */
export function importReady(preview: RiskImportPreview): boolean {
  return preview.problems.length === 0 && preview.added.length + preview.changed.length > 0;
}
