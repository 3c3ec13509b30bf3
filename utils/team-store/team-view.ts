import type { Catalogue } from '../catalogue/types';
import { assess, type Assessment, type CoverageData } from '../coverage/assessment';
import { computeCoverage } from '../coverage/coverage';
import type { CoverageRollup, EvidenceSummary } from '../coverage/types';
import type { EvidenceStatus } from '../evidence/types';
import type { Tampering } from './verify';

// The team view computed from the cache's per-installation digests: team-wide coverage and readiness against
// the compliance lead's own SoA and audit plan, and the same per capturer (installation).

/** What the cache keeps per installation (storage/team-cache.ts writes it; shape repeated to stay pure). */
export interface InstallationDigest {
  installationId: string;
  checkedAt: string;
  capturers: string[];
  chainVerified: boolean;
  custodyEntries: number;
  records: number;
  withheld: number;
  findings: Tampering[];
  digest: { ids: string[]; effectiveDates: string[]; statuses: EvidenceStatus[]; controls: string[] };
}

export interface CapturerCoverage {
  installationId: string;
  /** The names on its records, or the installation id when they carry none. */
  label: string;
  records: number;
  withheld: number;
  findings: number;
  chainVerified: boolean;
  overall: CoverageRollup;
}

export interface TeamView {
  /** Coverage, readiness and gaps of the whole team's verified evidence. */
  team: Assessment;
  capturers: CapturerCoverage[];
  findings: Tampering[];
  records: number;
  withheld: number;
}

/** The digest's columns as coverage summaries. */
export function summariesOf(row: InstallationDigest): EvidenceSummary[] {
  const { ids, effectiveDates, statuses, controls } = row.digest;
  return ids.map((id, index) => ({
    id,
    controls: controls[index] ? controls[index]!.split(' ') : [],
    effectiveDate: effectiveDates[index]!,
    status: statuses[index]!,
  }));
}

export function teamView(
  catalogue: Catalogue,
  installations: readonly InstallationDigest[],
  lead: Omit<CoverageData, 'evidence'>,
  today: string,
): TeamView {
  const perInstallation = installations.map((row) => ({ row, evidence: summariesOf(row) }));
  const team = assess(
    catalogue,
    { ...lead, evidence: perInstallation.flatMap(({ evidence }) => evidence) },
    today,
  );
  const capturers = perInstallation.map(({ row, evidence }) => ({
    installationId: row.installationId,
    label: row.capturers.length > 0 ? row.capturers.join(', ') : row.installationId,
    records: row.records,
    withheld: row.withheld,
    findings: row.findings.length,
    chainVerified: row.chainVerified,
    overall: computeCoverage({
      catalogue,
      controlStates: lead.controlStates,
      evidence,
      plan: lead.plan,
      today,
    }).overall,
  }));
  return {
    team,
    capturers,
    findings: installations.flatMap((row) => row.findings),
    records: installations.reduce((sum, row) => sum + row.records, 0),
    withheld: installations.reduce((sum, row) => sum + row.withheld, 0),
  };
}
