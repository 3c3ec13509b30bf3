import type { Catalogue } from '../catalogue/types';
import { CsvParseError, parseCsv } from '../csv/csv';
import type { MappingRule } from '../isms/types';
import { suggestControls } from '../rules/suggest';
import { requestText } from '../text';
import { mapRequestHeader, type ColumnMapping, type RequestCsvColumn } from './columns';
import { readRequest, RequestRow } from './row-reader';
import { requestKey, type AuditRequest } from './types';

/** The largest request list one import reads; a bigger file is refused before any row is parsed. */
export const MAX_REQUEST_ROWS = 5_000;

export interface ImportProblem {
  /** The record's line in the file: the header is line 1; 0 = the file as a whole. */
  line: number;
  message: string;
}

/** A row read without problems, with the controls the capture rules suggest from its text. */
export interface PreviewRequest {
  line: number;
  request: AuditRequest;
  /** Suggested controls not already in the row's Controls cell; the user confirms them. */
  suggested: string[];
}

/** What the user confirms: nothing is written until they do, and not at all while problems remain. */
export interface RequestImportPreview {
  mapping: ColumnMapping[];
  problems: ImportProblem[];
  requests: PreviewRequest[];
}

export interface RequestImportContext {
  catalogue: Catalogue;
  rules: readonly MappingRule[];
  /** The audit a row without an Audit cell belongs to. */
  audit: string;
  overrides?: ReadonlyMap<string, RequestCsvColumn | null>;
}

function parse(text: string): string[][] | ImportProblem {
  try {
    return parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  } catch (error) {
    if (error instanceof CsvParseError) return { line: 0, message: error.message };
    throw error;
  }
}

function empty(problems: ImportProblem[], mapping: ColumnMapping[] = []): RequestImportPreview {
  return { mapping, problems, requests: [] };
}

/** Controls the capture rules suggest from the request's text, less those the row already names. */
export function suggestRequestControls(rules: readonly MappingRule[], request: AuditRequest): string[] {
  const named = new Set(request.controls);
  return suggestControls(rules, { url: '', title: '', text: request.text }).filter((id) => !named.has(id));
}

/** Reads a request list into a preview: header mapping, per-line problems and the requests read. */
export function previewRequestImport(text: string, context: RequestImportContext): RequestImportPreview {
  const rows = parse(text);
  if (!Array.isArray(rows)) return empty([rows]);
  const [header, ...body] = rows;
  if (!header) return empty([{ line: 1, message: requestText.import.emptyFile }]);
  if (body.length > MAX_REQUEST_ROWS)
    return empty([{ line: 0, message: requestText.import.tooManyRows(body.length, MAX_REQUEST_ROWS) }]);
  const { mapping, problems } = mapRequestHeader(header, context.overrides);
  if (problems.length > 0)
    return empty(
      problems.map((message) => ({ line: 1, message })),
      mapping,
    );
  const preview = empty([], mapping);
  const firstLines = new Map<string, number>();
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    const row = new RequestRow(
      new Map(mapping.flatMap((entry) => (entry.column ? [[entry.column, cells[entry.index] ?? '']] : []))),
    );
    const request = readRequest(row, context.catalogue, context.audit);
    checkRequired(row, request, firstLines, line);
    if (row.problems.length > 0) {
      preview.problems.push(...row.problems.map((message) => ({ line, message })));
      continue;
    }
    preview.requests.push({ line, request, suggested: suggestRequestControls(context.rules, request) });
  }
  return preview;
}

function checkRequired(
  row: RequestRow,
  request: AuditRequest,
  firstLines: Map<string, number>,
  line: number,
) {
  if (request.reference === '') row.problems.push(requestText.import.missingValue('Reference'));
  if (request.text === '') row.problems.push(requestText.import.missingValue('Request'));
  if (request.reference === '') return;
  const id = requestKey(request);
  const firstLine = firstLines.get(id);
  if (firstLine !== undefined)
    row.problems.push(requestText.import.duplicateReference(request.reference, firstLine));
  else firstLines.set(id, line);
}

/**
 * The requests to write once the user confirms: each with the suggestions they accepted (by reference) added
 * to its controls. Null while any problem remains, so a half-read list is never written.
 */
export function confirmedRequests(
  preview: RequestImportPreview,
  acceptedSuggestions: ReadonlySet<string> = new Set(),
): AuditRequest[] | null {
  if (preview.problems.length > 0 || preview.requests.length === 0) return null;
  return preview.requests.map(({ request, suggested }) =>
    acceptedSuggestions.has(request.reference)
      ? { ...request, controls: [...request.controls, ...suggested] }
      : request,
  );
}
