import type { EvidenceSummary } from '@/utils/coverage/types';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { readCoverageSummaries } from './coverage-index';
import type { EvidenceDatabase } from './db';
import { listFindings, readAuditPlan, readControlStates } from './isms-repository';
import { listInternalAudits, listManagementReviews } from './isms-records-repository';
import { readRiskCriteria, readRisks } from './risk-repository';

/** Everything computeCoverage and the readiness checks need, read at one moment. */
export interface CoverageSnapshot {
  controlStates: ControlState[];
  plan: AuditPlan | null;
  findings: Finding[];
  evidence: EvidenceSummary[];
  risks: Risk[];
  riskCriteria: RiskCriteria;
  internalAudits: InternalAudit[];
  managementReviews: ManagementReview[];
}

/**
 * Reads SoA rows, the audit plan, findings, the risk register, internal audits, management reviews and the
 * per-control evidence digest in parallel, inside one read transaction so a capture committing meanwhile is
 * either wholly in or wholly out. Evidence rows and blobs are never read: the digest holds what coverage needs.
 */
export function readCoverageSnapshot(db: EvidenceDatabase): Promise<CoverageSnapshot> {
  const tables = [
    db.controls,
    db.audits,
    db.findings,
    db.coverageIndex,
    db.risks,
    db.riskCriteria,
    db.internalAudits,
    db.managementReviews,
  ];
  return db.transaction('r', tables, async () => {
    const [controlStates, plan, findings, evidence, risks, riskCriteria, internalAudits, managementReviews] =
      await Promise.all([
        readControlStates(db),
        readAuditPlan(db),
        listFindings(db),
        readCoverageSummaries(db),
        readRisks(db),
        readRiskCriteria(db),
        listInternalAudits(db),
        listManagementReviews(db),
      ]);
    return {
      controlStates,
      plan: plan ?? null,
      findings,
      evidence,
      risks,
      riskCriteria,
      internalAudits,
      managementReviews,
    };
  });
}
