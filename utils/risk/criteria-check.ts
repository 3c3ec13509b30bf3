import { riskText } from '../text';
import { inScale } from './criteria';
import type { Risk, RiskCriteria, ScalePoint } from './types';

function scaleProblems(label: string, points: readonly ScalePoint[]): string[] {
  if (points.length < 2) return [riskText.criteria.scaleTooShort(label)];
  const consecutive = points.every((point, index) => point.value === index + 1);
  const named = points.every((point) => point.name.trim() !== '');
  return [
    ...(consecutive ? [] : [riskText.criteria.scaleNotConsecutive(label)]),
    ...(named ? [] : [riskText.criteria.scaleUnnamed(label)]),
  ];
}

function matrixProblems(criteria: RiskCriteria): string[] {
  if (criteria.combination.method !== 'matrix') return [];
  const { matrix } = criteria.combination;
  const shaped =
    matrix.length === criteria.likelihood.length &&
    matrix.every(
      (row) => row.length === criteria.impact.length && row.every((cell) => Number.isFinite(cell)),
    );
  return shaped ? [] : [riskText.criteria.matrixShape(criteria.likelihood.length, criteria.impact.length)];
}

function bandProblems(criteria: RiskCriteria): string[] {
  const ascending = criteria.bands.every(
    (band, index) => index === 0 || band.minScore > (criteria.bands[index - 1]?.minScore ?? -Infinity),
  );
  const problems: string[] = criteria.bands.length === 0 ? [riskText.criteria.noBands] : [];
  if (!ascending) problems.push(riskText.criteria.bandsNotAscending);
  if (!criteria.bands.some((band) => band.id === criteria.evidenceBandId)) {
    problems.push(riskText.criteria.unknownEvidenceBand);
  }
  return problems;
}

/** Every reason the criteria cannot be saved, as sentences; empty when they are usable. */
export function criteriaProblems(criteria: RiskCriteria): string[] {
  const problems = [
    ...scaleProblems(riskText.fields.likelihood, criteria.likelihood),
    ...scaleProblems(riskText.fields.impact, criteria.impact),
    ...matrixProblems(criteria),
    ...bandProblems(criteria),
  ];
  if (!Number.isFinite(criteria.acceptanceThreshold)) problems.push(riskText.criteria.badThreshold);
  if (!(criteria.reviewIntervalMonths >= 1)) problems.push(riskText.criteria.badReviewInterval);
  return problems;
}

/** Risks whose likelihood or impact (inherent or residual) no longer exists after a scale change. */
export function risksOffScale(criteria: RiskCriteria, risks: readonly Risk[]): Risk[] {
  const fits = (value: number | null, points: readonly ScalePoint[]): boolean =>
    value === null || inScale(points, value);
  return risks.filter(
    (risk) =>
      !fits(risk.likelihood, criteria.likelihood) ||
      !fits(risk.impact, criteria.impact) ||
      !fits(risk.residualLikelihood, criteria.likelihood) ||
      !fits(risk.residualImpact, criteria.impact),
  );
}
