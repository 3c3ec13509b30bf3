/**
 * The records of clauses 9.2 and 9.3 that Stage 1 reads: the internal audit programme and the
 * management reviews. Each links its report or minutes as an evidence record, so the document itself
 * stays hashed and stamped in the library.
 */

export const INTERNAL_AUDIT_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type InternalAuditStatus = (typeof INTERNAL_AUDIT_STATUSES)[number];

/** One audit of the programme (clause 9.2.2): what, against what, by whom, when. */
export interface InternalAudit {
  /** IA-1, IA-2 … */
  id: string;
  title: string;
  /** The processes, sites or controls audited. */
  scope: string;
  /** What the audit checks against: the standard's clauses, the organisation's own policies. */
  criteria: string;
  auditor: string;
  /** Clause 9.2.2 asks for auditors who are objective and impartial: not auditing their own work. */
  auditorIndependent: boolean;
  /** How the independence is assured, or why it is limited. */
  independenceNote: string;
  /** YYYY-MM-DD */
  plannedDate: string;
  /** YYYY-MM-DD; required once completed. */
  completedDate: string | null;
  status: InternalAuditStatus;
  /** The audit report, an evidence record of the library. */
  reportEvidenceId: string | null;
  /** Findings of the findings register this audit raised. */
  findingIds: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The inputs clause 9.3.2 requires a management review to consider, a) to g), with d) split into its
 * four kinds of feedback on information security performance.
 */
export const REVIEW_INPUTS = [
  'previous-actions',
  'issues',
  'interested-party-needs',
  'nonconformities',
  'monitoring-results',
  'audit-results',
  'objectives',
  'interested-party-feedback',
  'risk-assessment',
  'improvement',
] as const;
export type ReviewInput = (typeof REVIEW_INPUTS)[number];

export const MANAGEMENT_REVIEW_STATUSES = ['planned', 'held'] as const;
export type ManagementReviewStatus = (typeof MANAGEMENT_REVIEW_STATUSES)[number];

export const REVIEW_ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];

/** A decision's follow-up (clause 9.3.3): who does what by when. */
export interface ReviewAction {
  description: string;
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: ReviewActionStatus;
}

export interface ManagementReview {
  /** MR-1, MR-2 … */
  id: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  status: ManagementReviewStatus;
  attendees: string[];
  topManagementPresent: boolean;
  /** The clause 9.3.2 inputs the meeting considered. */
  coveredInputs: ReviewInput[];
  /** The decisions on continual improvement and changes to the ISMS (clause 9.3.3). */
  decisions: string;
  actions: ReviewAction[];
  /** The minutes, an evidence record of the library. */
  minutesEvidenceId: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type InternalAuditInput = Omit<InternalAudit, 'createdAt' | 'updatedAt'>;
export type ManagementReviewInput = Omit<ManagementReview, 'createdAt' | 'updatedAt'>;
