import { gapsByUrgency } from '@/utils/coverage/gaps';
import { computeCoverage } from '@/utils/coverage/coverage';
import { daysBetween, isCalendarDate } from '@/utils/coverage/dates';
import { stage1Readiness, stage2Readiness } from '@/utils/coverage/readiness';
import type { ControlCoverage, CoverageResult, EvidenceSummary, Readiness } from '@/utils/coverage/types';
import type { Catalogue } from '@/utils/catalogue/types';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import type { RiskReadinessInput } from '@/utils/risk/risk-readiness';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { overviewText } from '@/utils/text';

/** What the views need from the database (storage/coverage-snapshot.ts reads it in one transaction). */
export interface CoverageData {
  controlStates: readonly ControlState[];
  plan: AuditPlan | null;
  findings: readonly Finding[];
  evidence: readonly EvidenceSummary[];
  /** The risk register and its criteria; absent where a caller has not read them (no risk reasons then). */
  risks?: readonly Risk[];
  riskCriteria?: RiskCriteria;
  /** The internal audit programme and the management reviews; absent where a caller has not read them. */
  internalAudits?: readonly InternalAudit[];
  managementReviews?: readonly ManagementReview[];
}

export const AUDIT_KINDS = [
  'stage-1',
  'stage-2',
  'surveillance-1',
  'surveillance-2',
  'recertification',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_LABELS: Record<AuditKind, string> = overviewText.audits;

const PLAN_FIELDS: Record<AuditKind, keyof AuditPlan> = {
  'stage-1': 'stage1Date',
  'stage-2': 'stage2Date',
  'surveillance-1': 'surveillance1Date',
  'surveillance-2': 'surveillance2Date',
  recertification: 'recertificationDate',
};

export interface NextAudit {
  kind: AuditKind;
  label: string;
  date: string;
  /** 0 = today. */
  daysLeft: number;
  readiness: Readiness;
}

export interface Assessment {
  coverage: CoverageResult;
  stage1: Readiness;
  stage2: Readiness;
  gaps: ControlCoverage[];
  nextAudit: NextAudit | null;
  openFindings: { total: number; major: number };
}

/** The earliest audit of the plan on or after today. */
export function upcomingAudit(
  plan: AuditPlan | null,
  today: string,
): { kind: AuditKind; date: string; daysLeft: number } | null {
  if (plan === null) return null;
  let next: { kind: AuditKind; date: string; daysLeft: number } | null = null;
  for (const kind of AUDIT_KINDS) {
    const date = plan[PLAN_FIELDS[kind]];
    if (typeof date !== 'string' || !isCalendarDate(date)) continue;
    const daysLeft = daysBetween(today, date);
    if (daysLeft >= 0 && (next === null || daysLeft < next.daysLeft)) next = { kind, date, daysLeft };
  }
  return next;
}

/**
 * Stage 1 reviews the documents, Stage 2 the operating evidence; surveillance and recertification
 * audits look at both, so their readiness joins the two lists of reasons.
 */
function readinessFor(kind: AuditKind, stage1: Readiness, stage2: Readiness): Readiness {
  if (kind === 'stage-1') return stage1;
  if (kind === 'stage-2') return stage2;
  const reasons = [...stage1.reasons, ...stage2.reasons];
  return { ready: reasons.length === 0, reasons };
}

/** The register as readiness reads it, when the snapshot holds one. */
export function riskInput(
  data: Pick<CoverageData, 'risks' | 'riskCriteria'>,
  today: string,
): RiskReadinessInput | undefined {
  if (!data.risks || !data.riskCriteria) return undefined;
  return { risks: data.risks, criteria: data.riskCriteria, today };
}

/** Coverage, readiness and gaps in one pass over the evidence summaries. */
export function assess(catalogue: Catalogue, data: CoverageData, today: string): Assessment {
  const coverage = computeCoverage({
    catalogue,
    controlStates: data.controlStates,
    evidence: data.evidence,
    plan: data.plan,
    today,
  });
  const risks = riskInput(data, today);
  const records =
    data.internalAudits && data.managementReviews
      ? { internalAudits: data.internalAudits, managementReviews: data.managementReviews, today }
      : undefined;
  const stage1 = stage1Readiness({
    catalogue,
    controlStates: data.controlStates,
    coverage,
    ...(risks ? { risks } : {}),
    ...(records ? { records } : {}),
  });
  const stage2 = stage2Readiness({
    coverage,
    findings: data.findings,
    ...(risks ? { risks } : {}),
    ...(records ? { records: { ...records, stage1Date: data.plan?.stage1Date ?? null } } : {}),
  });
  const upcoming = upcomingAudit(data.plan, today);
  const open = data.findings.filter((finding) => finding.status !== 'closed');
  return {
    coverage,
    stage1,
    stage2,
    gaps: gapsByUrgency(coverage),
    nextAudit:
      upcoming === null
        ? null
        : {
            ...upcoming,
            label: AUDIT_LABELS[upcoming.kind],
            readiness: readinessFor(upcoming.kind, stage1, stage2),
          },
    openFindings: { total: open.length, major: open.filter((finding) => finding.grade === 'major').length },
  };
}

/** "today", "tomorrow", "in 23 days". */
export function daysLeftText(daysLeft: number): string {
  return overviewText.daysLeft(daysLeft);
}

/** One line on what a gap needs, e.g. "No evidence in the audit window". */
export function gapDetail(control: ControlCoverage): string {
  if (control.status === 'missing') return overviewText.gapMissing;
  const days = control.daysUntilStale ?? 0;
  const newest = control.newestEvidenceDate ?? '';
  if (control.status === 'stale') return overviewText.gapStale(newest, -days);
  if (control.status === 'due-soon') return overviewText.gapDueSoon(newest, daysLeftText(days + 1));
  return '';
}
