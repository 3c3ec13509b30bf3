import { isCalendarDay } from '../isms/validate';
import { ismsRecordsText } from '../text';
import {
  INTERNAL_AUDIT_STATUSES,
  MANAGEMENT_REVIEW_STATUSES,
  REVIEW_ACTION_STATUSES,
  REVIEW_INPUTS,
  type InternalAuditInput,
  type ManagementReviewInput,
} from './types';

const text = ismsRecordsText.problems;

/** What a record may link to: evidence of the library and findings of the register. */
export interface KnownLinks {
  evidence: (id: string) => boolean;
  finding: (id: string) => boolean;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): boolean => value === null || isString(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function hasFields(value: unknown, fields: Record<string, (field: unknown) => boolean>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([name, check]) => check(record[name]));
}

/** A message payload is only data: its shape is checked before any field is read. */
export function isInternalAuditShape(value: unknown): value is InternalAuditInput {
  return hasFields(value, {
    id: isString,
    title: isString,
    scope: isString,
    criteria: isString,
    auditor: isString,
    auditorIndependent: (field) => typeof field === 'boolean',
    independenceNote: isString,
    plannedDate: isString,
    completedDate: isStringOrNull,
    status: isString,
    reportEvidenceId: isStringOrNull,
    findingIds: isStringList,
    notes: isString,
  });
}

export function isManagementReviewShape(value: unknown): value is ManagementReviewInput {
  return hasFields(value, {
    id: isString,
    meetingDate: isString,
    status: isString,
    attendees: isStringList,
    topManagementPresent: (field) => typeof field === 'boolean',
    coveredInputs: isStringList,
    decisions: isString,
    actions: (field) =>
      Array.isArray(field) &&
      field.every((action) =>
        hasFields(action, { description: isString, owner: isString, dueDate: isString, status: isString }),
      ),
    minutesEvidenceId: isStringOrNull,
    notes: isString,
  });
}

const AUDIT_ID = /^IA-\d{1,6}$/;
const REVIEW_ID = /^MR-\d{1,6}$/;

/** Problems with one audit of the programme, as sentences; empty when it may be saved. */
export function internalAuditProblems(audit: unknown, known: KnownLinks): string[] {
  if (!isInternalAuditShape(audit)) return [text.malformed(ismsRecordsText.kinds.audit)];
  const problems: string[] = [];
  if (!AUDIT_ID.test(audit.id.trim())) problems.push(text.badId(ismsRecordsText.kinds.audit, 'IA-1'));
  if (audit.title.trim() === '') problems.push(text.titleRequired);
  if (audit.scope.trim() === '') problems.push(text.scopeRequired);
  if (audit.criteria.trim() === '') problems.push(text.criteriaRequired);
  if (audit.auditor.trim() === '') problems.push(text.auditorRequired);
  if (!isCalendarDay(audit.plannedDate)) problems.push(text.badPlannedDate);
  if (!(INTERNAL_AUDIT_STATUSES as readonly string[]).includes(audit.status))
    problems.push(text.chooseAuditStatus);
  if (audit.completedDate !== null && !isCalendarDay(audit.completedDate))
    problems.push(text.badCompletedDate);
  if (audit.status === 'completed' && audit.completedDate === null) problems.push(text.completedNeedsDate);
  if (
    audit.completedDate !== null &&
    isCalendarDay(audit.completedDate) &&
    isCalendarDay(audit.plannedDate) &&
    audit.completedDate < audit.plannedDate
  )
    problems.push(text.completedBeforePlanned);
  if (audit.reportEvidenceId !== null && !known.evidence(audit.reportEvidenceId))
    problems.push(text.unknownEvidence(ismsRecordsText.roles.report, audit.reportEvidenceId));
  const unknownFindings = audit.findingIds.filter((id) => !known.finding(id));
  if (unknownFindings.length > 0) problems.push(text.unknownFindings(unknownFindings));
  return problems;
}

/** Problems with one management review, as sentences; empty when it may be saved. */
export function managementReviewProblems(review: unknown, known: KnownLinks): string[] {
  if (!isManagementReviewShape(review)) return [text.malformed(ismsRecordsText.kinds.review)];
  const problems: string[] = [];
  if (!REVIEW_ID.test(review.id.trim())) problems.push(text.badId(ismsRecordsText.kinds.review, 'MR-1'));
  if (!isCalendarDay(review.meetingDate)) problems.push(text.badMeetingDate);
  if (!(MANAGEMENT_REVIEW_STATUSES as readonly string[]).includes(review.status))
    problems.push(text.chooseReviewStatus);
  if (review.status === 'held' && review.attendees.every((name) => name.trim() === ''))
    problems.push(text.heldNeedsAttendees);
  const unknownInputs = review.coveredInputs.filter(
    (input) => !(REVIEW_INPUTS as readonly string[]).includes(input),
  );
  if (unknownInputs.length > 0) problems.push(text.unknownInputs(unknownInputs));
  review.actions.forEach((action, index) => {
    if (action.description.trim() === '' || action.owner.trim() === '' || !isCalendarDay(action.dueDate))
      problems.push(text.actionIncomplete(index + 1));
    if (!(REVIEW_ACTION_STATUSES as readonly string[]).includes(action.status))
      problems.push(text.chooseActionStatus(index + 1));
  });
  if (review.minutesEvidenceId !== null && !known.evidence(review.minutesEvidenceId))
    problems.push(text.unknownEvidence(ismsRecordsText.roles.minutes, review.minutesEvidenceId));
  return problems;
}

/** The record as stored: only its own fields, text trimmed, empty lines dropped, inputs in clause order. */
export function tidyInternalAudit(audit: InternalAuditInput): InternalAuditInput {
  return {
    id: audit.id.trim(),
    title: audit.title.trim(),
    scope: audit.scope.trim(),
    criteria: audit.criteria.trim(),
    auditor: audit.auditor.trim(),
    auditorIndependent: audit.auditorIndependent,
    independenceNote: audit.independenceNote.trim(),
    plannedDate: audit.plannedDate,
    completedDate: audit.completedDate,
    status: audit.status,
    reportEvidenceId: audit.reportEvidenceId,
    findingIds: [...new Set(audit.findingIds.map((id) => id.trim()).filter((id) => id !== ''))],
    notes: audit.notes.trim(),
  };
}

export function tidyManagementReview(review: ManagementReviewInput): ManagementReviewInput {
  return {
    id: review.id.trim(),
    meetingDate: review.meetingDate,
    status: review.status,
    attendees: review.attendees.map((name) => name.trim()).filter((name) => name !== ''),
    topManagementPresent: review.topManagementPresent,
    coveredInputs: REVIEW_INPUTS.filter((input) => review.coveredInputs.includes(input)),
    decisions: review.decisions.trim(),
    actions: review.actions.map((action) => ({
      description: action.description.trim(),
      owner: action.owner.trim(),
      dueDate: action.dueDate,
      status: action.status,
    })),
    minutesEvidenceId: review.minutesEvidenceId,
    notes: review.notes.trim(),
  };
}

/** IDs typed separated by spaces, commas or lines, without repeats. */
export function idList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

/** The next free ID of a kind: IA-3 after IA-1 and IA-2. */
export function nextRecordId(prefix: 'IA' | 'MR', ids: readonly string[]): string {
  const numbers = ids.map((id) => Number(new RegExp(`^${prefix}-(\\d+)$`).exec(id)?.[1] ?? 0));
  return `${prefix}-${Math.max(0, ...numbers) + 1}`;
}
