import { isCalendarDay } from '../isms/validate';
import { riskScreenText, riskText } from '../text';
import { riskProblems } from './risk-check';
import type { Risk, RiskCriteria } from './types';

/**
 * What the register form checks before it sends a risk: the stored checks (scales, choices, Annex A
 * controls) and what only a form can get wrong — a taken ID, a half-filled acceptance, an impossible date.
 */
export function riskFormProblems(
  criteria: RiskCriteria,
  risk: Risk,
  controlIds: ReadonlySet<string>,
  takenIds: ReadonlySet<string>,
): string[] {
  const problems = riskProblems(criteria, risk, controlIds);
  if (takenIds.has(risk.id.trim())) problems.push(riskScreenText.form.idTaken(risk.id.trim()));
  const { acceptance } = risk;
  if (acceptance) {
    if (acceptance.acceptedBy.trim() === '')
      problems.push(riskText.import.missingValue(riskScreenText.form.acceptedBy));
    if (acceptance.acceptedAt === '') problems.push(riskText.import.acceptanceWithoutDate);
    else if (!isCalendarDay(acceptance.acceptedAt))
      problems.push(riskText.import.badDate(riskScreenText.form.acceptedOn, acceptance.acceptedAt));
    if (acceptance.acceptedUntil !== null && !isCalendarDay(acceptance.acceptedUntil))
      problems.push(riskText.import.badDate(riskScreenText.form.acceptedUntil, acceptance.acceptedUntil));
    else if (acceptance.acceptedUntil !== null && acceptance.acceptedUntil < acceptance.acceptedAt)
      problems.push(riskScreenText.form.acceptanceEndsBeforeStart);
  }
  if (risk.nextReview !== null && !isCalendarDay(risk.nextReview))
    problems.push(riskText.import.badDate(riskScreenText.form.nextReview, risk.nextReview));
  return problems;
}
