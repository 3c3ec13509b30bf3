/**
 * A request list in the bundle: `data/requests.csv` (one row per request and one per sample item) and the
 * Requests section that opens index.html. The CSV carries every field, so an import rebuilds the list.
 */
import { parseCsv, toCsv } from '../csv/csv';
import { REQUEST_STATUSES, type AuditRequest, type RequestStatus } from '../requests/types';
import { requestText, reportText as t } from '../text';
import { escapeHtml as e, relativeHref } from './html';
import type { WrittenEvidence } from './types';

export const REQUESTS_FILE = 'requests.csv';

export const REQUESTS_CSV_HEADER = [
  'Audit',
  'Request',
  'Item',
  'Sample item',
  'Text',
  'Controls',
  'Due date',
  'Owner',
  'Population',
  'Status',
  'Comment',
  'Evidence IDs',
  'Files',
] as const;

const LIST = '; ';

/** The request list a bundle was exported for, and its name. */
export interface BundleRequests {
  audit: string;
  requests: readonly AuditRequest[];
}

function filesOf(ids: readonly string[], byId: ReadonlyMap<string, WrittenEvidence>): string {
  return ids.flatMap((id) => byId.get(id)?.files.map((file) => `data/${file.path}`) ?? []).join(LIST);
}

/** Evidence IDs are listed only when the evidence is in this bundle, so every ID points at a folder of the bag. */
function bundled(ids: readonly string[], byId: ReadonlyMap<string, WrittenEvidence>): string[] {
  return ids.filter((id) => byId.has(id));
}

export function requestsCsv(list: BundleRequests, evidence: readonly WrittenEvidence[]): string {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const rows: string[][] = [[...REQUESTS_CSV_HEADER]];
  for (const request of list.requests) {
    const ids = bundled(request.evidenceIds, byId);
    const common = [request.text, request.controls.join(LIST), request.dueDate ?? '', request.owner];
    rows.push([
      request.audit,
      request.reference,
      '',
      '',
      ...common,
      request.population,
      request.status,
      request.comment,
      ids.join(LIST),
      filesOf(ids, byId),
    ]);
    for (const [index, item] of request.items.entries()) {
      const itemIds = bundled(item.evidenceIds, byId);
      rows.push([
        request.audit,
        request.reference,
        String(index + 1),
        item.label,
        ...common,
        request.population,
        item.status,
        item.comment,
        itemIds.join(LIST),
        filesOf(itemIds, byId),
      ]);
    }
  }
  return toCsv(rows);
}

/** Undoes the export's formula guard: a cell we wrote as '=… reads back as =…. */
function cell(row: readonly string[], index: number): string {
  const value = row[index] ?? '';
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function list(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

function status(value: string): RequestStatus | null {
  return (REQUEST_STATUSES as readonly string[]).includes(value) ? (value as RequestStatus) : null;
}

/** Reads requests.csv back; a problem names the line. Rows of one request follow one another, items in order. */
export function readRequestsCsv(text: string): { requests: AuditRequest[]; problems: string[] } {
  const problems: string[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { requests: [], problems: [t.requestsUnreadable(error instanceof Error ? error.message : '')] };
  }
  const [header, ...body] = rows;
  if (!header || REQUESTS_CSV_HEADER.some((name, index) => header[index] !== name))
    return { requests: [], problems: [t.requestsUnreadable(t.requestsHeader)] };
  const byKey = new Map<string, AuditRequest>();
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    const [audit, reference, item, label] = [0, 1, 2, 3].map((column) => cell(row, column)) as [
      string,
      string,
      string,
      string,
    ];
    const rowStatus = status(cell(row, 9));
    if (!audit || !reference || !rowStatus) {
      problems.push(t.requestsRow(line));
      continue;
    }
    const key = `${audit}\u0000${reference}`;
    const evidenceIds = list(cell(row, 11));
    if (item === '') {
      byKey.set(key, {
        audit,
        reference,
        text: cell(row, 4),
        controls: list(cell(row, 5)),
        dueDate: cell(row, 6) || null,
        owner: cell(row, 7),
        population: cell(row, 8),
        status: rowStatus,
        comment: cell(row, 10),
        items: [],
        evidenceIds,
      });
      continue;
    }
    const request = byKey.get(key);
    if (!request || Number(item) !== request.items.length + 1) {
      problems.push(t.requestsRow(line));
      continue;
    }
    request.items.push({ label, status: rowStatus, comment: cell(row, 10), evidenceIds });
  }
  return { requests: [...byKey.values()], problems };
}

/** Evidence anchors: the first card of each evidence in the report (a card repeats under each of its controls). */
function evidenceLinks(ids: readonly string[], byId: ReadonlyMap<string, WrittenEvidence>): string {
  const shown = ids.filter((id) => byId.has(id));
  if (shown.length === 0) return `<span class="muted">${e(t.none)}</span>`;
  return shown
    .map((id) => {
      const item = byId.get(id)!;
      const record = item.files.find((file) => file.role === 'record');
      const anchor = `<a href="#${e(`evidence-${id}`)}">${e(id)}</a>`;
      return record ? `${anchor} (<a href="${e(relativeHref(record.path))}">${e(record.name)}</a>)` : anchor;
    })
    .join(', ');
}

/** The Requests section, first in index.html: each request and item with its status and its evidence. */
export function requestsSection(list: BundleRequests, evidence: readonly WrittenEvidence[]): string {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const rows = list.requests
    .map((request) => {
      const head = `<tr id="${e(`request-${request.reference}`)}"><th scope="row">${e(request.reference)}</th>
<td>${e(request.text)}${request.population ? `<br><span class="muted">${e(t.population(request.population))}</span>` : ''}</td>
<td>${e(request.controls.join(', ') || t.none)}</td><td>${e(request.dueDate ?? t.none)}</td>
<td>${e(requestText.status[request.status])}${request.comment ? `<br><span class="muted">${e(request.comment)}</span>` : ''}</td>
<td>${evidenceLinks(request.evidenceIds, byId)}</td></tr>`;
      const items = request.items
        .map(
          (item, index) => `<tr class="request-item"><th scope="row">${e(
            requestText.itemOf(request.reference, index + 1, request.items.length),
          )}</th>
<td>${e(item.label)}</td><td></td><td></td>
<td>${e(requestText.status[item.status])}${item.comment ? `<br><span class="muted">${e(item.comment)}</span>` : ''}</td>
<td>${evidenceLinks(item.evidenceIds, byId)}</td></tr>`,
        )
        .join('\n');
      return items ? `${head}\n${items}` : head;
    })
    .join('\n');
  const head = t.requestColumns.map((name) => `<th scope="col">${e(name)}</th>`).join('');
  return `<section id="requests"><h2>${e(t.requestsHeading(list.audit))}</h2>
<p><a href="${REQUESTS_FILE}">${e(t.requestsCsv)}</a></p>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
}
