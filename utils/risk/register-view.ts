import { bandRank, inherentLevel, residualLevel } from './criteria';
import { RISK_STATUSES, type Risk, type RiskCriteria, type RiskStatus } from './types';

/** What the register list is sorted by; levels sort by score, IDs by their number (R-2 before R-10). */
export const RISK_SORT_KEYS = [
  'id',
  'title',
  'owner',
  'inherent',
  'residual',
  'status',
  'nextReview',
] as const;
export type RiskSortKey = (typeof RISK_SORT_KEYS)[number];

export interface RiskSort {
  key: RiskSortKey;
  descending: boolean;
}

/** '' = any. `bandId` matches the inherent level. */
export interface RiskFilter {
  bandId: string;
  owner: string;
  status: RiskStatus | '';
}

export const NO_RISK_FILTER: RiskFilter = { bandId: '', owner: '', status: '' };

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortValue(criteria: RiskCriteria, risk: Risk, key: RiskSortKey): number | string {
  switch (key) {
    case 'inherent':
      return inherentLevel(criteria, risk)?.score ?? -1;
    case 'residual':
      return residualLevel(criteria, risk)?.score ?? -1;
    case 'status':
      return RISK_STATUSES.indexOf(risk.status);
    case 'nextReview':
      return risk.nextReview ?? '9999-99-99';
    default:
      return risk[key];
  }
}

export function sortRisks(criteria: RiskCriteria, risks: readonly Risk[], sort: RiskSort): Risk[] {
  const direction = sort.descending ? -1 : 1;
  const keyed = risks.map((risk) => ({ risk, value: sortValue(criteria, risk, sort.key) }));
  keyed.sort((left, right) => {
    const order =
      typeof left.value === 'number' && typeof right.value === 'number'
        ? left.value - right.value
        : collator.compare(String(left.value), String(right.value));
    return direction * order || collator.compare(left.risk.id, right.risk.id);
  });
  return keyed.map((entry) => entry.risk);
}

export function filterRisks(criteria: RiskCriteria, risks: readonly Risk[], filter: RiskFilter): Risk[] {
  return risks.filter(
    (risk) =>
      (filter.owner === '' || risk.owner === filter.owner) &&
      (filter.status === '' || risk.status === filter.status) &&
      (filter.bandId === '' || inherentLevel(criteria, risk)?.band.id === filter.bandId),
  );
}

/** A level filter "High" with "and above": the bands at or above the one chosen. */
export function atOrAbove(criteria: RiskCriteria, risk: Risk, bandId: string): boolean {
  const level = inherentLevel(criteria, risk);
  return level !== null && bandRank(criteria, level.band.id) >= bandRank(criteria, bandId);
}

/** The owners named in the register, for the owner filter. */
export function riskOwners(risks: readonly Risk[]): string[] {
  return [...new Set(risks.map((risk) => risk.owner).filter((owner) => owner !== ''))].sort(collator.compare);
}

/** 'R-1', 'R-2' …: one more than the highest number in use. */
export function nextRiskId(risks: readonly Pick<Risk, 'id'>[]): string {
  let highest = 0;
  for (const risk of risks) {
    const number = /^R-(\d+)$/.exec(risk.id)?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  return `R-${highest + 1}`;
}

/** A new risk as the form starts it: the middle of each scale, open, no treatment yet. */
export function blankRisk(criteria: RiskCriteria, id: string, now: string): Risk {
  const middle = (points: RiskCriteria['likelihood']) =>
    points[Math.floor((points.length - 1) / 2)]?.value ?? 1;
  return {
    id,
    title: '',
    asset: '',
    threat: '',
    vulnerability: '',
    consequence: '',
    owner: '',
    likelihood: middle(criteria.likelihood),
    impact: middle(criteria.impact),
    treatment: null,
    controls: [],
    residualLikelihood: null,
    residualImpact: null,
    acceptance: null,
    nextReview: null,
    status: 'open',
    notes: '',
    updatedAt: now,
  };
}

/** The risks of the register that name a control, for the control's page and the SoA reasons. */
export function risksTreating(risks: readonly Risk[], controlId: string): Risk[] {
  return risks.filter((risk) => risk.controls.includes(controlId));
}

/** The risks an evidence record supports: those treated by any control the record is tagged with. */
export function risksSupportedBy(risks: readonly Risk[], controls: readonly string[]): Risk[] {
  const tagged = new Set(controls);
  return risks.filter((risk) => risk.status !== 'closed' && risk.controls.some((id) => tagged.has(id)));
}
