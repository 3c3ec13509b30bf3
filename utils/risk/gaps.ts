import { currentLevel, inherentLevel } from './criteria';
import type { Risk, RiskCriteria } from './types';

export type RiskGapKind = 'untreated' | 'retained-without-acceptance' | 'acceptance-expired';

export interface RiskGap {
  riskId: string;
  kind: RiskGapKind;
}

/** An acceptance counts while its end date (YYYY-MM-DD) is today or later; no end date = open-ended. */
export function acceptanceCurrent(risk: Risk, today: string): boolean {
  if (!risk.acceptance) return false;
  return risk.acceptance.acceptedUntil === null || risk.acceptance.acceptedUntil >= today;
}

export function aboveThreshold(criteria: RiskCriteria, risk: Risk): boolean {
  const level = inherentLevel(criteria, risk);
  return level !== null && level.score > criteria.acceptanceThreshold;
}

/**
 * Clause 6.1.3: a risk above the acceptance threshold needs a treatment; one that is retained above it
 * needs the owner's current acceptance of what remains. Closed risks are out of the assessment.
 */
export function riskGaps(criteria: RiskCriteria, risks: readonly Risk[], today: string): RiskGap[] {
  const gaps: RiskGap[] = [];
  for (const risk of risks) {
    if (risk.status === 'closed' || !aboveThreshold(criteria, risk)) continue;
    if (risk.treatment === null) {
      gaps.push({ riskId: risk.id, kind: 'untreated' });
      continue;
    }
    const remaining = currentLevel(criteria, risk);
    const retainedAbove =
      risk.treatment === 'retain' && remaining !== null && remaining.score > criteria.acceptanceThreshold;
    if (!retainedAbove || acceptanceCurrent(risk, today)) continue;
    gaps.push({
      riskId: risk.id,
      kind: risk.acceptance ? 'acceptance-expired' : 'retained-without-acceptance',
    });
  }
  return gaps;
}
