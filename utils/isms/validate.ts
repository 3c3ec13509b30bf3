import { FINDING_GRADES, FINDING_SOURCES, FINDING_STATUSES, IMPLEMENTATION_STATUSES } from './types';
import type { ControlState, Finding } from './types';
import { findingsText, riskText, soaText } from '../text';
import { OTHER_REASON_KINDS } from '../risk/soa-reasons';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Problems with one SoA row, as sentences; empty when it may be saved. */
export function validateControlState(
  state: Omit<ControlState, 'updatedAt'>,
  knownIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!knownIds.has(state.controlId)) problems.push(soaText.unknownControl(state.controlId));
  if (!state.applicable && state.justification.trim() === '') {
    problems.push(soaText.excludedNeedsJustification(state.controlId));
  }
  if (!IMPLEMENTATION_STATUSES.includes(state.implementation)) {
    problems.push(soaText.chooseImplementation(state.controlId));
  }
  if (
    state.cadenceDays !== null &&
    (!Number.isInteger(state.cadenceDays) || state.cadenceDays < 1 || state.cadenceDays > 3650)
  ) {
    problems.push(soaText.badCadence(state.controlId));
  }
  for (const reason of state.reasons ?? []) {
    if (!OTHER_REASON_KINDS.includes(reason.kind as (typeof OTHER_REASON_KINDS)[number]))
      problems.push(riskText.soa.badKind(reason.kind));
    else if (reason.reference.trim() === '')
      problems.push(riskText.soa.needsReference(riskText.soa.kinds[reason.kind]));
  }
  return problems;
}

/** Problems with a finding, as sentences; empty when it may be saved. */
export function validateFinding(
  finding: Omit<Finding, 'createdAt' | 'updatedAt'>,
  knownIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!FINDING_GRADES.includes(finding.grade)) problems.push(findingsText.chooseGrade);
  if (!FINDING_SOURCES.includes(finding.source)) problems.push(findingsText.chooseSource);
  if (!FINDING_STATUSES.includes(finding.status)) problems.push(findingsText.chooseStatus);
  if (finding.description.trim() === '') problems.push(findingsText.describe);
  const unknown = finding.controls.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) problems.push(findingsText.unknownControls(unknown));
  if (finding.dueDate !== null && !isCalendarDay(finding.dueDate)) problems.push(findingsText.badDueDate);
  if (finding.grade === 'major' && finding.status === 'closed') {
    if (finding.correctiveAction.trim() === '') problems.push(findingsText.majorNeedsCorrection);
    if (finding.evidenceIds.length === 0) problems.push(findingsText.majorNeedsEvidence);
  }
  if (finding.grade !== 'observation' && finding.status === 'closed' && finding.rootCause.trim() === '') {
    problems.push(findingsText.needsRootCause);
  }
  return problems;
}
