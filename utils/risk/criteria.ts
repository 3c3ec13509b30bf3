import type { LevelBand, Risk, RiskCriteria, RiskLevel, ScalePoint } from './types';

function scale(names: readonly string[]): ScalePoint[] {
  return names.map((name, index) => ({ value: index + 1, name }));
}

/** Five-point scales and product scoring: the common starting point of a 27005 assessment. */
export const DEFAULT_RISK_CRITERIA: RiskCriteria = {
  id: 'risk-criteria',
  likelihood: scale(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']),
  impact: scale(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']),
  combination: { method: 'product' },
  bands: [
    { id: 'low', name: 'Low', minScore: 1 },
    { id: 'medium', name: 'Medium', minScore: 5 },
    { id: 'high', name: 'High', minScore: 10 },
    { id: 'critical', name: 'Critical', minScore: 17 },
  ],
  acceptanceThreshold: 9,
  reviewIntervalMonths: 12,
  evidenceBandId: 'high',
  updatedAt: '1970-01-01T00:00:00.000Z',
};

export function inScale(points: readonly ScalePoint[], value: number): boolean {
  return points.some((point) => point.value === value);
}

/** The score of a likelihood/impact pair, or null when either is off the scales. */
export function combine(criteria: RiskCriteria, likelihood: number, impact: number): number | null {
  if (!inScale(criteria.likelihood, likelihood) || !inScale(criteria.impact, impact)) return null;
  if (criteria.combination.method === 'product') return likelihood * impact;
  return criteria.combination.matrix[likelihood - 1]?.[impact - 1] ?? null;
}

export function bandOf(criteria: RiskCriteria, score: number): LevelBand {
  let found = criteria.bands[0] ?? { id: 'unbanded', name: String(score), minScore: 0 };
  for (const band of criteria.bands) if (score >= band.minScore) found = band;
  return found;
}

export function riskLevel(criteria: RiskCriteria, likelihood: number, impact: number): RiskLevel | null {
  const score = combine(criteria, likelihood, impact);
  return score === null ? null : { score, band: bandOf(criteria, score) };
}

export function inherentLevel(criteria: RiskCriteria, risk: Risk): RiskLevel | null {
  return riskLevel(criteria, risk.likelihood, risk.impact);
}

/** The residual level, or the inherent one while no residual assessment has been made. */
export function residualLevel(criteria: RiskCriteria, risk: Risk): RiskLevel | null {
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null;
  return riskLevel(criteria, risk.residualLikelihood, risk.residualImpact);
}

export function currentLevel(criteria: RiskCriteria, risk: Risk): RiskLevel | null {
  return residualLevel(criteria, risk) ?? inherentLevel(criteria, risk);
}

export function bandRank(criteria: RiskCriteria, bandId: string): number {
  return criteria.bands.findIndex((band) => band.id === bandId);
}

/** A matrix with one row per likelihood and one column per impact, pre-filled with the products. */
export function productMatrix(criteria: Pick<RiskCriteria, 'likelihood' | 'impact'>): number[][] {
  return criteria.likelihood.map((row) => criteria.impact.map((column) => row.value * column.value));
}
