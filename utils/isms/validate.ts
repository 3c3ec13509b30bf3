import { FINDING_GRADES, FINDING_SOURCES, FINDING_STATUSES, IMPLEMENTATION_STATUSES } from './types';
import type { ControlState, Finding } from './types';

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
  if (!knownIds.has(state.controlId)) problems.push(`${state.controlId} is not a control of the catalogue.`);
  if (!state.applicable && state.justification.trim() === '') {
    problems.push(`${state.controlId} is excluded: give the justification an auditor will ask for.`);
  }
  if (!IMPLEMENTATION_STATUSES.includes(state.implementation)) {
    problems.push(`Choose an implementation status for ${state.controlId}.`);
  }
  if (
    state.cadenceDays !== null &&
    (!Number.isInteger(state.cadenceDays) || state.cadenceDays < 1 || state.cadenceDays > 3650)
  ) {
    problems.push(`The cadence of ${state.controlId} must be a whole number of days from 1 to 3650.`);
  }
  return problems;
}

/** Problems with a finding, as sentences; empty when it may be saved. */
export function validateFinding(
  finding: Omit<Finding, 'createdAt' | 'updatedAt'>,
  knownIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!FINDING_GRADES.includes(finding.grade)) problems.push('Choose a grade: observation, minor or major.');
  if (!FINDING_SOURCES.includes(finding.source)) problems.push('Choose where the finding came from.');
  if (!FINDING_STATUSES.includes(finding.status)) problems.push('Choose a status.');
  if (finding.description.trim() === '') problems.push('Describe the finding.');
  const unknown = finding.controls.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) problems.push(`Unknown control(s): ${unknown.join(', ')}.`);
  if (finding.dueDate !== null && !isCalendarDay(finding.dueDate))
    problems.push('The due date is not a valid date.');
  if (finding.grade === 'major' && finding.status === 'closed') {
    if (finding.correctiveAction.trim() === '')
      problems.push('A major nonconformity can only be closed with its corrective action.');
    if (finding.evidenceIds.length === 0)
      problems.push('A major nonconformity can only be closed with evidence that the correction worked.');
  }
  if (finding.grade !== 'observation' && finding.status === 'closed' && finding.rootCause.trim() === '') {
    problems.push('A nonconformity can only be closed with its root cause.');
  }
  return problems;
}
