import type { ControlCoverage } from '../coverage/types';
import { riskText } from '../text';
import { bandRank, inherentLevel } from './criteria';
import { riskGaps } from './gaps';
import type { Risk, RiskCriteria } from './types';

export interface RiskReadinessInput {
  criteria: RiskCriteria;
  risks: readonly Risk[];
  /** YYYY-MM-DD */
  today: string;
}

function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** Clause 6.1.2 and 8.2: an assessment exists and was revised within its interval. */
function assessmentReasons({ criteria, risks, today }: RiskReadinessInput): string[] {
  const open = risks.filter((risk) => risk.status !== 'closed');
  if (open.length === 0) return [riskText.readiness.noAssessment];
  const newest =
    open
      .map((risk) => risk.updatedAt.slice(0, 10))
      .sort()
      .at(-1) ?? '';
  const due = monthsBefore(today, criteria.reviewIntervalMonths);
  return newest < due ? [riskText.readiness.notReviewed(newest, criteria.reviewIntervalMonths)] : [];
}

/**
 * Stage 1's risk reasons: the assessment, the treatment gaps of clause 6.1.3, and controls the SoA
 * excludes although a risk relies on them. `applicable` says what the SoA decided per control.
 */
export function riskStage1Reasons(
  input: RiskReadinessInput,
  applicable: (controlId: string) => boolean,
): string[] {
  const reasons = assessmentReasons(input);
  const gaps = riskGaps(input.criteria, input.risks, input.today);
  for (const kind of ['untreated', 'retained-without-acceptance', 'acceptance-expired'] as const) {
    const ids = gaps.filter((gap) => gap.kind === kind).map((gap) => gap.riskId);
    if (ids.length > 0) reasons.push(riskText.readiness[kind](ids));
  }
  const excluded = new Map<string, string[]>();
  for (const risk of input.risks) {
    if (risk.status === 'closed') continue;
    for (const id of risk.controls)
      if (!applicable(id)) excluded.set(id, [...(excluded.get(id) ?? []), risk.id]);
  }
  for (const [controlId, riskIds] of excluded)
    reasons.push(riskText.readiness.excludedTreats(controlId, riskIds));
  return reasons;
}

/** Stage 2: every risk at or above the chosen level has current evidence behind each treating control. */
export function riskStage2Reasons(input: RiskReadinessInput, controls: readonly ControlCoverage[]): string[] {
  const coverage = new Map(controls.map((control) => [control.controlId, control]));
  const floor = bandRank(input.criteria, input.criteria.evidenceBandId);
  const reasons: string[] = [];
  for (const risk of input.risks) {
    const level = inherentLevel(input.criteria, risk);
    if (risk.status === 'closed' || !level || bandRank(input.criteria, level.band.id) < floor) continue;
    const missing = risk.controls.filter((id) => (coverage.get(id)?.evidenceCount ?? 0) === 0);
    if (risk.controls.length === 0)
      reasons.push(riskText.readiness.noTreatingControl(risk.id, level.band.name));
    else if (missing.length > 0)
      reasons.push(riskText.readiness.noRiskEvidence(risk.id, level.band.name, missing));
  }
  return reasons;
}
