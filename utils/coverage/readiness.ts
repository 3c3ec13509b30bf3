import type { Catalogue } from '../catalogue/types';
import type { Finding } from '../isms/types';
import { toStateMap } from './coverage';
import { spansThreeMonths } from './dates';
import { listIds, plural } from './sentences';
import type { ControlCoverage, ControlStatesInput, CoverageResult, Readiness } from './types';

const INTERNAL_AUDIT_CLAUSE = '9.2';
const MANAGEMENT_REVIEW_CLAUSE = '9.3';

function readiness(reasons: string[]): Readiness {
  return { ready: reasons.length === 0, reasons };
}

export interface Stage1Input {
  catalogue: Catalogue;
  controlStates: ControlStatesInput;
  coverage: CoverageResult;
}

/**
 * Stage 1 reviews the ISMS on paper: the mandatory documented information of clauses 4–10 (any
 * evidence tagged to the clause, whatever its date), a complete SoA (a decision for every Annex A
 * control, every exclusion justified), an internal audit and a management review.
 */
export function stage1Readiness({ catalogue, controlStates, coverage }: Stage1Input): Readiness {
  const reasons: string[] = [];
  const coverageById = new Map(coverage.controls.map((control) => [control.controlId, control]));
  const recorded = (id: string): boolean => (coverageById.get(id)?.evidenceCountAllTime ?? 0) > 0;
  const clauses = catalogue.items.filter((item) => item.kind === 'clause');

  const undocumented = clauses
    .filter((clause) => clause.documentedInformationRequired)
    .map((clause) => clause.id)
    .filter((id) => id !== INTERNAL_AUDIT_CLAUSE && id !== MANAGEMENT_REVIEW_CLAUSE && !recorded(id));
  if (undocumented.length > 0) {
    reasons.push(
      `No documented information is recorded for ${plural(undocumented.length, 'clause', 'clauses')} ${listIds(undocumented)}: tag the document's evidence to the clause.`,
    );
  }
  if (clauses.some((clause) => clause.id === INTERNAL_AUDIT_CLAUSE) && !recorded(INTERNAL_AUDIT_CLAUSE)) {
    reasons.push(`No internal audit is recorded (clause ${INTERNAL_AUDIT_CLAUSE}).`);
  }
  if (
    clauses.some((clause) => clause.id === MANAGEMENT_REVIEW_CLAUSE) &&
    !recorded(MANAGEMENT_REVIEW_CLAUSE)
  ) {
    reasons.push(`No management review is recorded (clause ${MANAGEMENT_REVIEW_CLAUSE}).`);
  }

  const states = toStateMap(controlStates);
  const undecided = catalogue.items
    .filter((item) => item.kind === 'control' && !states.has(item.id))
    .map((item) => item.id);
  if (undecided.length > 0) {
    reasons.push(
      `The Statement of Applicability has no decision for ${undecided.length} ${plural(undecided.length, 'control', 'controls')}: ${listIds(undecided)}.`,
    );
  }
  const unjustified = coverage.controls
    .filter((control) => control.kind === 'control' && control.missingJustification)
    .map((control) => control.controlId);
  if (unjustified.length > 0) {
    reasons.push(
      `${listIds(unjustified)} ${plural(unjustified.length, 'is', 'are')} excluded without a justification.`,
    );
  }
  return readiness(reasons);
}

export interface Stage2Input {
  coverage: CoverageResult;
  findings: readonly Finding[];
}

function describeIntervalGaps(control: ControlCoverage): string | null {
  const started = control.intervals.filter((interval) => interval.started);
  const empty = started.filter((interval) => interval.evidenceCount === 0);
  if (empty.length === 0) return null;
  if (control.evidenceCount === 0) return `${control.controlId} has no evidence in the audit window.`;
  const ranges = empty.map((interval) => `${interval.start} to ${interval.end}`);
  return `${control.controlId} has no evidence for ${listIds(ranges)}.`;
}

/**
 * Stage 2 samples operating evidence: a planned window of at least three months, evidence for every
 * applicable Annex A control in each cadence interval of it, and no open major nonconformity.
 * Intervals after today cannot hold evidence yet, so a window still running is not ready.
 */
export function stage2Readiness({ coverage, findings }: Stage2Input): Readiness {
  const reasons: string[] = [];
  const { window } = coverage;
  if (!window.planned) {
    reasons.push('No audit window (operating period) is set in the audit plan.');
  } else if (!spansThreeMonths(window.start, window.end)) {
    reasons.push(`The audit window ${window.start} to ${window.end} is shorter than three months.`);
  }

  const annexA = coverage.controls.filter((control) => control.kind === 'control' && control.applicable);
  if (annexA.some((control) => control.intervals.some((interval) => !interval.started))) {
    reasons.push(
      `The audit window runs until ${window.end}: evidence for the intervals after ${coverage.referenceDate} cannot exist yet.`,
    );
  }
  for (const control of annexA) {
    const gap = describeIntervalGaps(control);
    if (gap !== null) reasons.push(gap);
  }

  for (const finding of findings) {
    if (finding.grade !== 'major' || finding.status === 'closed') continue;
    const on = finding.controls.length > 0 ? ` on ${listIds(finding.controls)}` : '';
    reasons.push(`Major nonconformity ${finding.id}${on} is still open.`);
  }
  return readiness(reasons);
}
