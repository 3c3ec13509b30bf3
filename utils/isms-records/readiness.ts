import type { Finding } from '../isms/types';
import { ismsRecordsText } from '../text';
import { REVIEW_INPUTS, type InternalAudit, type ManagementReview } from './types';

const text = ismsRecordsText.readiness;

export interface RecordsReadinessInput {
  internalAudits: readonly InternalAudit[];
  managementReviews: readonly ManagementReview[];
  /** YYYY-MM-DD */
  today: string;
}

const byDate =
  <T>(date: (record: T) => string) =>
  (left: T, right: T) =>
    date(left).localeCompare(date(right));

function completedAudits(audits: readonly InternalAudit[]): InternalAudit[] {
  return audits
    .filter((audit) => audit.status === 'completed' && audit.completedDate !== null)
    .sort(byDate((audit) => audit.completedDate ?? ''));
}

function heldReviews(reviews: readonly ManagementReview[]): ManagementReview[] {
  return reviews.filter((review) => review.status === 'held').sort(byDate((review) => review.meetingDate));
}

function planned<T extends { id: string; status: string }>(records: readonly T[], status: string): string[] {
  return records.filter((record) => record.status === status).map((record) => record.id);
}

/**
 * Stage 1 reads the records of clauses 9.2 and 9.3: an internal audit completed, with its report and an
 * independent auditor, and a management review held by top management that considered every input of
 * clause 9.3.2, with its minutes. The newest held review is the one judged: an older, thinner one that a
 * full review followed no longer matters.
 */
export function recordsStage1Reasons({ internalAudits, managementReviews }: RecordsReadinessInput): string[] {
  const reasons: string[] = [];
  const completed = completedAudits(internalAudits);
  if (completed.length === 0) {
    reasons.push(text.noAuditCompleted(planned(internalAudits, 'planned')));
  } else {
    const withoutReport = completed
      .filter((audit) => audit.reportEvidenceId === null)
      .map((audit) => audit.id);
    if (withoutReport.length > 0) reasons.push(text.noReport(withoutReport));
    const notIndependent = completed.filter((audit) => !audit.auditorIndependent).map((audit) => audit.id);
    if (notIndependent.length > 0) reasons.push(text.notIndependent(notIndependent));
  }

  const latest = heldReviews(managementReviews).at(-1);
  if (!latest) {
    reasons.push(text.noReviewHeld(planned(managementReviews, 'planned')));
    return reasons;
  }
  const missing = REVIEW_INPUTS.filter((input) => !latest.coveredInputs.includes(input));
  if (missing.length > 0)
    reasons.push(
      text.inputsMissing(
        latest.id,
        missing.map((input) => `${ismsRecordsText.inputs[input]} (${ismsRecordsText.inputClauses[input]})`),
      ),
    );
  if (!latest.topManagementPresent) reasons.push(text.noTopManagement(latest.id));
  if (latest.minutesEvidenceId === null) reasons.push(text.noMinutes(latest.id));
  return reasons;
}

export interface RecordsStage2Input extends RecordsReadinessInput {
  /** The Stage 1 audit's date from the audit plan, YYYY-MM-DD; null when none is planned. */
  stage1Date: string | null;
  findings: readonly Finding[];
}

/**
 * Stage 2 wants both performed again after Stage 1 and every action they raised closed or on track.
 * Without a Stage 1 date, "again" means a second one. Findings an internal audit raised are its actions.
 */
export function recordsStage2Reasons(input: RecordsStage2Input): string[] {
  const { stage1Date, today } = input;
  const reasons: string[] = [];
  const audits = completedAudits(input.internalAudits);
  const reviews = heldReviews(input.managementReviews);
  const lastAudit = audits.at(-1);
  const lastReview = reviews.at(-1);
  const auditLabel = lastAudit ? text.auditRecord(lastAudit.id, lastAudit.completedDate ?? '') : null;
  const reviewLabel = lastReview ? text.auditRecord(lastReview.id, lastReview.meetingDate) : null;
  if (stage1Date !== null) {
    if (!audits.some((audit) => (audit.completedDate ?? '') > stage1Date))
      reasons.push(text.auditNotRepeated(stage1Date, auditLabel));
    if (!reviews.some((review) => review.meetingDate > stage1Date))
      reasons.push(text.reviewNotRepeated(stage1Date, reviewLabel));
  } else {
    if (audits.length < 2) reasons.push(text.auditNotRepeatedUnplanned);
    if (reviews.length < 2) reasons.push(text.reviewNotRepeatedUnplanned);
  }

  const overdueActions = input.managementReviews.flatMap((review) =>
    review.actions.flatMap((action, index) =>
      action.status !== 'done' && action.dueDate < today
        ? [text.overdueAction(review.id, index + 1, action.description, action.owner, action.dueDate)]
        : [],
    ),
  );
  if (overdueActions.length > 0) reasons.push(text.overdueActions(overdueActions));

  const findings = new Map(input.findings.map((finding) => [finding.id, finding]));
  const overdueFindings = input.internalAudits.flatMap((audit) =>
    audit.findingIds.flatMap((id) => {
      const finding = findings.get(id);
      if (!finding || finding.status === 'closed' || finding.dueDate === null || finding.dueDate >= today)
        return [];
      return [text.overdueFinding(id, audit.id, finding.dueDate)];
    }),
  );
  if (overdueFindings.length > 0) reasons.push(text.overdueFindings(overdueFindings));
  return reasons;
}
