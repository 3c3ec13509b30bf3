import type { EvidenceSummary } from '@/utils/coverage/types';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import { readCoverageSummaries } from './coverage-index';
import type { EvidenceDatabase } from './db';
import { listFindings, readAuditPlan, readControlStates } from './isms-repository';

/** Everything computeCoverage and the readiness checks need, read at one moment. */
export interface CoverageSnapshot {
  controlStates: ControlState[];
  plan: AuditPlan | null;
  findings: Finding[];
  evidence: EvidenceSummary[];
}

/**
 * Reads SoA rows, the audit plan, findings and the per-control evidence digest in parallel, inside one
 * read transaction so a capture committing meanwhile is either wholly in or wholly out. Evidence rows
 * and blobs are never read: the digest holds what coverage needs.
 */
export function readCoverageSnapshot(db: EvidenceDatabase): Promise<CoverageSnapshot> {
  return db.transaction('r', [db.controls, db.audits, db.findings, db.coverageIndex], async () => {
    const [controlStates, plan, findings, evidence] = await Promise.all([
      readControlStates(db),
      readAuditPlan(db),
      listFindings(db),
      readCoverageSummaries(db),
    ]);
    return { controlStates, plan: plan ?? null, findings, evidence };
  });
}
