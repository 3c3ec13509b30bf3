/**
 * The internal audit programme and the management reviews in the auditor's bundle:
 * `data/internal-audits.csv` and `data/management-reviews.csv` (RFC 4180, formulas neutralised).
 */
import { toCsv } from '../csv/csv';
import {
  REVIEW_INPUTS,
  type InternalAudit,
  type ManagementReview,
  type ReviewAction,
  type ReviewInput,
} from '../isms-records/types';
import { ismsRecordsText } from '../text';
import { escapeHtml as e } from './html';

const t = ismsRecordsText.bundle;

export const INTERNAL_AUDITS_FILE = 'internal-audits.csv';
export const MANAGEMENT_REVIEWS_FILE = 'management-reviews.csv';

export interface BundleIsmsRecords {
  internalAudits: readonly InternalAudit[];
  managementReviews: readonly ManagementReview[];
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The columns of internal-audits.csv, in the order written; the import finds them by these names. */
export const INTERNAL_AUDITS_HEADER = [
  'Audit ID',
  'Title',
  'Scope',
  'Criteria',
  'Auditor',
  'Auditor independent',
  'Independence',
  'Planned date',
  'Completed date',
  'Status',
  'Report evidence',
  'Findings',
  'Notes',
  'Updated at',
] as const;

/** The column of one clause 9.3.2 input in management-reviews.csv. */
export const reviewInputColumn = (input: ReviewInput): string =>
  `${ismsRecordsText.inputClauses[input]} ${ismsRecordsText.inputs[input]}`;

/** The columns of management-reviews.csv, in the order written. */
export const MANAGEMENT_REVIEWS_HEADER: readonly string[] = [
  'Review ID',
  'Meeting date',
  'Status',
  'Attendees',
  'Top management present',
  ...REVIEW_INPUTS.map(reviewInputColumn),
  'Decisions',
  'Actions',
  'Minutes evidence',
  'Notes',
  'Updated at',
];

/** One action per line of the Actions cell: description | owner | due YYYY-MM-DD | status. */
export const actionLine = (action: ReviewAction): string =>
  `${action.description} | ${action.owner} | due ${action.dueDate} | ${action.status}`;

export function internalAuditsCsv(audits: readonly InternalAudit[]): string {
  const rows: string[][] = [[...INTERNAL_AUDITS_HEADER]];
  for (const audit of audits)
    rows.push([
      audit.id,
      audit.title,
      audit.scope,
      audit.criteria,
      audit.auditor,
      yesNo(audit.auditorIndependent),
      audit.independenceNote,
      audit.plannedDate,
      audit.completedDate ?? '',
      audit.status,
      audit.reportEvidenceId ?? '',
      audit.findingIds.join(' '),
      audit.notes,
      audit.updatedAt,
    ]);
  return toCsv(rows);
}

/** One row per review; each clause 9.3.2 input is a yes/no column, actions one per line of their cell. */
export function managementReviewsCsv(reviews: readonly ManagementReview[]): string {
  const rows: string[][] = [[...MANAGEMENT_REVIEWS_HEADER]];
  for (const review of reviews)
    rows.push([
      review.id,
      review.meetingDate,
      review.status,
      review.attendees.join('; '),
      yesNo(review.topManagementPresent),
      ...REVIEW_INPUTS.map((input) => yesNo(review.coveredInputs.includes(input))),
      review.decisions,
      review.actions.map(actionLine).join('\n'),
      review.minutesEvidenceId ?? '',
      review.notes,
      review.updatedAt,
    ]);
  return toCsv(rows);
}

/** The two tables under data/; none when the export read no records (a writer of an older version). */
export function recordsSummaryFiles(
  records: BundleIsmsRecords | undefined,
): { path: string; text: () => string }[] {
  if (!records) return [];
  return [
    { path: INTERNAL_AUDITS_FILE, text: () => internalAuditsCsv(records.internalAudits) },
    { path: MANAGEMENT_REVIEWS_FILE, text: () => managementReviewsCsv(records.managementReviews) },
  ];
}

export function recordsNavLink(records: BundleIsmsRecords | undefined): string {
  return records ? `<li><a href="#isms-records">${e(ismsRecordsText.screen.heading)}</a></li>` : '';
}

/** A report or minutes: a link to its card when the evidence is in this bundle, else the ID and a note. */
function evidenceCell(id: string | null, bundled: ReadonlySet<string>): string {
  if (id === null) return `<span class="muted">${e(ismsRecordsText.screen.none)}</span>`;
  return bundled.has(id)
    ? `<a class="mono" href="#${e(`evidence-${id}`)}">${e(id)}</a>`
    : `<span class="mono">${e(id)}</span> <span class="muted">(${e(t.notInBundle)})</span>`;
}

/** A status's words; a status this version does not know (the records are data) is shown as it is. */
const statusLabel = (labels: Readonly<Record<string, string>>, status: string): string =>
  labels[status] ?? status;

function auditRow(audit: InternalAudit, bundled: ReadonlySet<string>): string {
  const independence = `${audit.auditorIndependent ? t.independent : t.notIndependent}${audit.independenceNote ? `: ${audit.independenceNote}` : ''}`;
  return `<tr id="${e(`audit-${audit.id}`)}"><th scope="row">${e(audit.id)}</th><td>${e(audit.title)}</td>
<td>${e(audit.scope)}</td><td>${e(audit.criteria)}</td>
<td>${e(audit.auditor)}<br><span class="muted">${e(independence)}</span></td>
<td>${e(audit.plannedDate)}</td><td>${e(audit.completedDate ?? ismsRecordsText.screen.none)}</td>
<td>${e(statusLabel(ismsRecordsText.auditStatuses, audit.status))}</td><td>${evidenceCell(audit.reportEvidenceId, bundled)}</td>
<td>${e(audit.findingIds.join(', ') || ismsRecordsText.screen.none)}</td></tr>`;
}

function reviewRow(review: ManagementReview, bundled: ReadonlySet<string>): string {
  const missing = REVIEW_INPUTS.filter((input) => !review.coveredInputs.includes(input)).map(
    (input) => ismsRecordsText.inputClauses[input],
  );
  const inputs = `${ismsRecordsText.screen.inputsCovered(review.coveredInputs.length, REVIEW_INPUTS.length)}${missing.length > 0 ? `; ${t.missingInputs(missing)}` : ''}`;
  const actions = review.actions
    .map(
      (action) =>
        `<li>${e(t.action(action.description, action.owner, action.dueDate, statusLabel(ismsRecordsText.actionStatuses, action.status)))}</li>`,
    )
    .join('');
  return `<tr id="${e(`review-${review.id}`)}"><th scope="row">${e(review.id)}</th><td>${e(review.meetingDate)}</td>
<td>${e(statusLabel(ismsRecordsText.reviewStatuses, review.status))}</td><td>${e(review.attendees.join('; '))}</td>
<td>${e(review.topManagementPresent ? t.yes : t.no)}</td><td>${e(inputs)}</td><td>${e(review.decisions)}</td>
<td>${actions ? `<ul>${actions}</ul>` : e(ismsRecordsText.screen.none)}</td><td>${evidenceCell(review.minutesEvidenceId, bundled)}</td></tr>`;
}

const headRow = (columns: readonly string[]) =>
  `<tr>${columns.map((column) => `<th scope="col">${e(column)}</th>`).join('')}</tr>`;

/** The audit programme and the reviews in index.html, escaped like every other section. */
export function recordsReportSection(
  records: BundleIsmsRecords | undefined,
  evidence: readonly { id: string }[],
): string {
  if (!records) return '';
  const bundled = new Set(evidence.map((item) => item.id));
  const { internalAudits: audits, managementReviews: reviews } = records;
  const completed = audits.filter((audit) => audit.status === 'completed').length;
  const held = reviews.filter((review) => review.status === 'held').length;
  const screen = ismsRecordsText.screen;
  const auditsTable =
    audits.length === 0
      ? `<p>${e(t.noAudits)}</p>`
      : `<table><thead>${headRow(t.auditColumns)}</thead><tbody>
${audits.map((audit) => auditRow(audit, bundled)).join('\n')}
</tbody></table>`;
  const reviewsTable =
    reviews.length === 0
      ? `<p>${e(t.noReviews)}</p>`
      : `<table><thead>${headRow(t.reviewColumns)}</thead><tbody>
${reviews.map((review) => reviewRow(review, bundled)).join('\n')}
</tbody></table>`;
  return `<section id="isms-records"><h2>${e(screen.heading)}</h2>
<p>${e(t.sectionSummary(audits.length, completed, reviews.length, held))} <a href="${INTERNAL_AUDITS_FILE}">${e(t.auditsCsv)}</a>, <a href="${MANAGEMENT_REVIEWS_FILE}">${e(t.reviewsCsv)}</a></p>
<h3>${e(screen.auditsHeading)}</h3>
${auditsTable}
<h3>${e(screen.reviewsHeading)}</h3>
${reviewsTable}</section>`;
}
