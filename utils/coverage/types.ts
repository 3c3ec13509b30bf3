import type { Catalogue, ControlKind } from '../catalogue/types';
import type { EvidenceStatus } from '../evidence/types';
import type { AuditPlan, ControlState } from '../isms/types';

export const COVERAGE_STATUSES = ['not-applicable', 'missing', 'stale', 'due-soon', 'covered'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** The part of an evidence record coverage needs (listing evidence never loads more). */
export interface EvidenceSummary {
  id: string;
  controls: readonly string[];
  /** YYYY-MM-DD: the day the evidence attests to. */
  effectiveDate: string;
  status: EvidenceStatus;
}

/** SoA rows; a control without a row is applicable with the catalogue's cadence. */
export type ControlStatesInput = ReadonlyMap<string, ControlState> | readonly ControlState[];

export interface CoverageInput {
  catalogue: Catalogue;
  controlStates: ControlStatesInput;
  evidence: readonly EvidenceSummary[];
  plan: Pick<AuditPlan, 'windowStart' | 'windowEnd'> | null;
  /** YYYY-MM-DD in the user's local calendar (see `localDate`). */
  today: string;
}

/** One cadence-long stretch of the audit window and the evidence dated inside it. */
export interface CoverageInterval {
  start: string;
  end: string;
  evidenceCount: number;
  /** False while the interval lies after the reference date: its evidence cannot exist yet. */
  started: boolean;
}

export interface ControlCoverage {
  controlId: string;
  kind: ControlKind;
  theme: string;
  status: CoverageStatus;
  applicable: boolean;
  /** Excluded without a justification: a gap in the SoA in its own right. */
  missingJustification: boolean;
  cadenceDays: number;
  /** Active evidence dated inside the window, up to the reference date. */
  evidenceCount: number;
  /** Active evidence tagged to the control, whatever its date (Stage 1 documents may predate the window). */
  evidenceCountAllTime: number;
  newestEvidenceDate: string | null;
  /** Days the newest evidence stays fresh after the reference date (0 = last fresh day, negative = stale). */
  daysUntilStale: number | null;
  intervals: CoverageInterval[];
  /** Evidence per month of the window, 'YYYY-MM' → count, every month present, in order. */
  months: Record<string, number>;
}

export type StatusCounts = Record<CoverageStatus, number>;

export interface CoverageRollup {
  counts: StatusCounts;
  total: number;
  applicable: number;
  /** Covered or due soon (fresh evidence today), in whole percent of applicable items, rounded down. */
  percentCovered: number;
  missingJustifications: number;
}

export interface ThemeCoverage extends CoverageRollup {
  themeId: string;
  name: string;
}

export interface CoverageWindow {
  start: string;
  end: string;
  /** False when the audit plan sets no valid window and the last twelve months stand in. */
  planned: boolean;
}

export interface CoverageResult {
  today: string;
  /** The day freshness is judged on: today, or the window's end when that has passed. */
  referenceDate: string;
  window: CoverageWindow;
  /** In catalogue order. */
  controls: ControlCoverage[];
  themes: ThemeCoverage[];
  overall: CoverageRollup;
}

export interface Readiness {
  ready: boolean;
  reasons: string[];
}
