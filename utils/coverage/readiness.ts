import type { Catalogue } from '../catalogue/types';
import type { ControlState, Finding } from '../isms/types';
import { toStateMap } from './coverage';
import { spansThreeMonths } from './dates';
import { riskStage1Reasons, riskStage2Reasons, type RiskReadinessInput } from '../risk/risk-readiness';
import {
  recordsStage1Reasons,
  recordsStage2Reasons,
  type RecordsReadinessInput,
} from '../isms-records/readiness';
import { soaReasonProblems } from '../risk/soa-reasons';
import { readinessText, riskText } from '../text';
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
  /** The risk register; absent where a caller has not loaded it, and then no risk reason is given. */
  risks?: RiskReadinessInput;
  /**
   * The internal audits and management reviews; when given, they replace the check for evidence tagged
   * to clauses 9.2 and 9.3 (a tagged document says nothing about the inputs, the report or the auditor).
   */
  records?: RecordsReadinessInput;
}

/**
 * Stage 1 reviews the ISMS on paper: the mandatory documented information of clauses 4–10 (any
 * evidence tagged to the clause, whatever its date), a complete SoA (a decision for every Annex A
 * control, every exclusion justified), an internal audit and a management review.
 */
export function stage1Readiness({
  catalogue,
  controlStates,
  coverage,
  risks,
  records,
}: Stage1Input): Readiness {
  const reasons: string[] = [];
  const coverageById = new Map(coverage.controls.map((control) => [control.controlId, control]));
  const recorded = (id: string): boolean => (coverageById.get(id)?.evidenceCountAllTime ?? 0) > 0;
  const clauses = catalogue.items.filter((item) => item.kind === 'clause');

  const undocumented = clauses
    .filter((clause) => clause.documentedInformationRequired)
    .map((clause) => clause.id)
    .filter((id) => id !== INTERNAL_AUDIT_CLAUSE && id !== MANAGEMENT_REVIEW_CLAUSE && !recorded(id));
  if (undocumented.length > 0) {
    reasons.push(readinessText.undocumented(undocumented));
  }
  if (records) {
    reasons.push(...recordsStage1Reasons(records));
  } else {
    if (clauses.some((clause) => clause.id === INTERNAL_AUDIT_CLAUSE) && !recorded(INTERNAL_AUDIT_CLAUSE)) {
      reasons.push(readinessText.noInternalAudit(INTERNAL_AUDIT_CLAUSE));
    }
    if (
      clauses.some((clause) => clause.id === MANAGEMENT_REVIEW_CLAUSE) &&
      !recorded(MANAGEMENT_REVIEW_CLAUSE)
    ) {
      reasons.push(readinessText.noManagementReview(MANAGEMENT_REVIEW_CLAUSE));
    }
  }

  const states = toStateMap(controlStates);
  const undecided = catalogue.items
    .filter((item) => item.kind === 'control' && !states.has(item.id))
    .map((item) => item.id);
  if (undecided.length > 0) {
    reasons.push(readinessText.undecided(undecided));
  }
  const unjustified = coverage.controls
    .filter((control) => control.kind === 'control' && control.missingJustification)
    .map((control) => control.controlId);
  if (unjustified.length > 0) {
    reasons.push(readinessText.unjustified(unjustified));
  }
  if (risks) {
    reasons.push(...riskStage1Reasons(risks, (id) => coverageById.get(id)?.applicable ?? true));
    const withoutReason = controlsWithoutReason(coverage, [...states.values()], risks);
    if (withoutReason.length > 0) reasons.push(riskText.readiness.noReason(withoutReason));
  }
  return readiness(reasons);
}

/**
 * Applicable Annex A controls that neither a risk nor a recorded requirement or decision explains. An empty
 * register already has its own reason, so this one waits until the register holds a risk.
 */
function controlsWithoutReason(
  coverage: CoverageResult,
  states: readonly ControlState[],
  risks: RiskReadinessInput,
): string[] {
  if (risks.risks.length === 0) return [];
  const recorded = new Map(states.map((state) => [state.controlId, state.reasons ?? []]));
  const decisions = coverage.controls
    .filter((control) => control.kind === 'control')
    .map((control) => ({ controlId: control.controlId, applicable: control.applicable }));
  return soaReasonProblems(decisions, recorded, risks.risks).withoutReason;
}

export interface Stage2Input {
  coverage: CoverageResult;
  findings: readonly Finding[];
  risks?: RiskReadinessInput;
  /** The internal audits and management reviews, with the Stage 1 date they must be repeated after. */
  records?: RecordsReadinessInput & { stage1Date: string | null };
}

function describeIntervalGaps(control: ControlCoverage): string | null {
  const started = control.intervals.filter((interval) => interval.started);
  const empty = started.filter((interval) => interval.evidenceCount === 0);
  if (empty.length === 0) return null;
  if (control.evidenceCount === 0) return readinessText.noEvidenceInWindow(control.controlId);
  const ranges = empty.map((interval) => readinessText.interval(interval.start, interval.end));
  return readinessText.noEvidenceFor(control.controlId, ranges);
}

/**
 * Stage 2 samples operating evidence: a planned window of at least three months, evidence for every
 * applicable Annex A control in each cadence interval of it, and no open major nonconformity.
 * Intervals after today cannot hold evidence yet, so a window still running is not ready.
 */
export function stage2Readiness({ coverage, findings, risks, records }: Stage2Input): Readiness {
  const reasons: string[] = [];
  const { window } = coverage;
  if (!window.planned) {
    reasons.push(readinessText.noWindow);
  } else if (!spansThreeMonths(window.start, window.end)) {
    reasons.push(readinessText.shortWindow(window.start, window.end));
  }

  const annexA = coverage.controls.filter((control) => control.kind === 'control' && control.applicable);
  if (annexA.some((control) => control.intervals.some((interval) => !interval.started))) {
    reasons.push(readinessText.windowRunning(window.end, coverage.referenceDate));
  }
  for (const control of annexA) {
    const gap = describeIntervalGaps(control);
    if (gap !== null) reasons.push(gap);
  }

  for (const finding of findings) {
    if (finding.grade !== 'major' || finding.status === 'closed') continue;
    reasons.push(readinessText.openMajor(finding.id, finding.controls));
  }
  if (risks) reasons.push(...riskStage2Reasons(risks, coverage.controls));
  if (records) reasons.push(...recordsStage2Reasons({ ...records, findings }));
  return readiness(reasons);
}
