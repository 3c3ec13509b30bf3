import { riskText } from '../text';
import { inScale } from './criteria';
import { RISK_STATUSES, TREATMENT_OPTIONS, type Risk, type RiskCriteria } from './types';

/** Why a risk from the form cannot be saved, as sentences; empty when it can. */
export function riskProblems(criteria: RiskCriteria, risk: Risk, controlIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (risk.id.trim() === '') problems.push(riskText.import.missingValue(riskText.fields.id));
  if (risk.title.trim() === '') problems.push(riskText.import.missingValue(riskText.fields.title));
  const checks: [string, number | null, RiskCriteria['likelihood']][] = [
    [riskText.fields.likelihood, risk.likelihood, criteria.likelihood],
    [riskText.fields.impact, risk.impact, criteria.impact],
    [riskText.fields.likelihood, risk.residualLikelihood, criteria.likelihood],
    [riskText.fields.impact, risk.residualImpact, criteria.impact],
  ];
  for (const [label, value, points] of checks) {
    if (value !== null && !inScale(points, value))
      problems.push(riskText.import.offScale(label, String(value), points));
  }
  if (risk.treatment !== null && !TREATMENT_OPTIONS.includes(risk.treatment)) {
    problems.push(
      riskText.import.badChoice(
        riskText.fields.treatment,
        risk.treatment,
        Object.values(riskText.treatments),
      ),
    );
  }
  if (!RISK_STATUSES.includes(risk.status)) {
    problems.push(
      riskText.import.badChoice(riskText.fields.status, risk.status, Object.values(riskText.statuses)),
    );
  }
  for (const id of risk.controls) if (!controlIds.has(id)) problems.push(riskText.import.unknownControl(id));
  return problems;
}
