/**
 * The internal audit programme and the management reviews in the auditor's bundle:
 * `data/internal-audits.csv` and `data/management-reviews.csv` (RFC 4180, formulas neutralised).
 */
import { toCsv } from '../csv/csv';
import { REVIEW_INPUTS, type InternalAudit, type ManagementReview } from '../isms-records/types';
import { ismsRecordsText } from '../text';

export const INTERNAL_AUDITS_FILE = 'internal-audits.csv';
export const MANAGEMENT_REVIEWS_FILE = 'management-reviews.csv';

export interface BundleIsmsRecords {
  internalAudits: readonly InternalAudit[];
  managementReviews: readonly ManagementReview[];
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function internalAuditsCsv(audits: readonly InternalAudit[]): string {
  const rows: string[][] = [
    [
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
    ],
  ];
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
  const rows: string[][] = [
    [
      'Review ID',
      'Meeting date',
      'Status',
      'Attendees',
      'Top management present',
      ...REVIEW_INPUTS.map(
        (input) => `${ismsRecordsText.inputClauses[input]} ${ismsRecordsText.inputs[input]}`,
      ),
      'Decisions',
      'Actions',
      'Minutes evidence',
      'Notes',
      'Updated at',
    ],
  ];
  for (const review of reviews)
    rows.push([
      review.id,
      review.meetingDate,
      review.status,
      review.attendees.join('; '),
      yesNo(review.topManagementPresent),
      ...REVIEW_INPUTS.map((input) => yesNo(review.coveredInputs.includes(input))),
      review.decisions,
      review.actions
        .map((action) => `${action.description} | ${action.owner} | due ${action.dueDate} | ${action.status}`)
        .join('\n'),
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
