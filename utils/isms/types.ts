import type { InclusionReason } from '../risk/soa-reasons';

/** The ISMS records a compliance lead keeps: SoA rows, the audit plan, findings, mapping rules. */

export const IMPLEMENTATION_STATUSES = ['not-started', 'planned', 'partial', 'implemented'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** Per-control state of the Statement of Applicability. Absent row = catalogue defaults. */
export interface ControlState {
  controlId: string;
  applicable: boolean;
  /** Why the control is included or excluded; required when excluded. */
  justification: string;
  implementation: ImplementationStatus;
  owner: string;
  /** Override of the catalogue's default cadence, in days; null = catalogue default. */
  cadenceDays: number | null;
  notes: string;
  /**
   * Why an applicable control is in the SoA besides the risks it treats (those come from the register):
   * legal, regulatory or contractual requirements and business decisions, each with its reference.
   * Absent on rows saved before the register existed.
   */
  reasons?: InclusionReason[];
  updatedAt: string;
}

export interface AuditPlan {
  id: 'current';
  certificationBody: string;
  organisation: string;
  scope: string;
  stage1Date: string | null; // YYYY-MM-DD
  stage2Date: string | null;
  /** The operating period evidence must cover. */
  windowStart: string | null;
  windowEnd: string | null;
  certificationDate: string | null;
  surveillance1Date: string | null;
  surveillance2Date: string | null;
  recertificationDate: string | null;
  updatedAt: string;
}

export const FINDING_GRADES = ['observation', 'minor', 'major'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];
export const FINDING_SOURCES = ['stage-1', 'stage-2', 'surveillance', 'internal-audit'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const FINDING_STATUSES = ['open', 'in-progress', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  id: string;
  grade: FindingGrade;
  source: FindingSource;
  controls: string[];
  description: string;
  rootCause: string;
  correctiveAction: string;
  dueDate: string | null;
  status: FindingStatus;
  evidenceIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** A URL or keyword rule that suggests controls for a capture. */
export interface MappingRule {
  id: string;
  /** Matched case-insensitively against the URL (`url`) or the page title and text (`keyword`). */
  kind: 'url' | 'keyword';
  pattern: string;
  controls: string[];
  enabled: boolean;
  builtIn: boolean;
}

export interface Settings {
  id: 'settings';
  capturer: string;
  organisation: string;
}
