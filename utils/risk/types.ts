/** The risk register after ISO/IEC 27005 and ISO/IEC 27001 clauses 6.1.2–6.1.3. */

export const TREATMENT_OPTIONS = ['modify', 'retain', 'avoid', 'share'] as const;
export type TreatmentOption = (typeof TREATMENT_OPTIONS)[number];

export const RISK_STATUSES = ['open', 'in-treatment', 'monitored', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The risk owner's acceptance of the residual risk (clause 6.1.3 f). Dates are YYYY-MM-DD. */
export interface RiskAcceptance {
  acceptedBy: string;
  acceptedAt: string;
  /** null = until the next review changes it. */
  acceptedUntil: string | null;
}

/**
 * One risk. Levels are not stored: they follow from likelihood × impact under the organisation's
 * criteria, so editing the criteria re-levels every risk instead of leaving stale numbers behind.
 */
export interface Risk {
  id: string; // 'R-1'
  title: string;
  asset: string;
  threat: string;
  vulnerability: string;
  consequence: string;
  owner: string;
  likelihood: number;
  impact: number;
  treatment: TreatmentOption | null;
  /** Annex A control IDs that treat the risk, normalised ('A.8.13'). */
  controls: string[];
  residualLikelihood: number | null;
  residualImpact: number | null;
  acceptance: RiskAcceptance | null;
  nextReview: string | null; // YYYY-MM-DD
  status: RiskStatus;
  notes: string;
  updatedAt: string; // ISO timestamp
}

export interface ScalePoint {
  value: number;
  name: string;
}

/** How likelihood and impact combine into a score: their product, or a lookup table the user edits. */
export type LevelCombination =
  | { method: 'product' }
  /** matrix[likelihood - 1][impact - 1] is the score. */
  | { method: 'matrix'; matrix: number[][] };

/** A named band of scores, e.g. High = 10 and above until the next band starts. */
export interface LevelBand {
  id: string;
  name: string;
  /** Lowest score in the band; bands are listed in ascending order of minScore. */
  minScore: number;
}

export interface RiskCriteria {
  id: 'risk-criteria';
  likelihood: ScalePoint[];
  impact: ScalePoint[];
  combination: LevelCombination;
  bands: LevelBand[];
  /** A score above this needs a treatment, or a current acceptance when retained. */
  acceptanceThreshold: number;
  /** How often the assessment must be reviewed (clause 8.2: at planned intervals). */
  reviewIntervalMonths: number;
  /** Stage 2 asks for current evidence behind risks in this band or above. */
  evidenceBandId: string;
  updatedAt: string;
}

export interface RiskLevel {
  score: number;
  band: LevelBand;
}
