import type { Catalogue } from '@/utils/catalogue/types';
import { localDate } from '@/utils/coverage/dates';
import { canonicalJson } from '@/utils/integrity/custody';
import { writeBundle, type WriteBundleResult } from '@/utils/bundle/writer';
import { teamView } from '@/utils/team-store/team-view';
import { reportText } from '@/utils/text';
import { loadExportContext } from './bundle-source';
import type { EvidenceDatabase } from './db';
import { readCoverageSnapshot } from './coverage-snapshot';
import { readTeamCustody, readTeamSnapshot, teamEvidenceForExport } from './team-cache';

export interface TeamBundleRequest {
  catalogue: Catalogue;
  generator: { name: string; version: string };
  now: Date;
  timeZone: string;
}

/**
 * A bundle of the team's verified evidence, written like any other: the lead's SoA, plan, findings and own
 * custody log (a chain that verifies from its first entry), the team's coverage and readiness, and each
 * installation's verified custody chain as `team/<installation>/custody-log.jsonl`. Only records that passed
 * verification are in it; their bytes are the team blobs whose SHA-256 matched their key.
 */
export async function writeTeamBundle(
  db: EvidenceDatabase,
  output: WritableStream<Uint8Array>,
  request: TeamBundleRequest,
): Promise<WriteBundleResult> {
  const base = await loadExportContext(db, {
    filter: { windowStart: null, windowEnd: null, controls: null, includeDomSnapshots: true },
    catalogue: request.catalogue,
    generator: request.generator,
    now: request.now,
    timeZone: request.timeZone,
  });
  const [snapshot, lead, custody] = await Promise.all([
    readTeamSnapshot(db),
    readCoverageSnapshot(db),
    readTeamCustody(db),
  ]);
  const view = teamView(
    request.catalogue,
    snapshot.installations,
    lead,
    localDate(request.now, request.timeZone),
  );
  const context = {
    ...base,
    coverage: Object.fromEntries(
      view.team.coverage.controls.map((control) => [control.controlId, control.status]),
    ),
    readiness: [
      { label: reportText.stage1, ready: view.team.stage1.ready, details: view.team.stage1.reasons },
      { label: reportText.stage2, ready: view.team.stage2.ready, details: view.team.stage2.reasons },
    ],
  };
  return writeBundle(output, {
    context,
    evidence: teamEvidenceForExport(db),
    includeDomSnapshots: true,
    extraFiles: custody.map((row) => ({
      path: `team/${row.installationId}/custody-log.jsonl`,
      text: row.entries.map((entry) => `${canonicalJson(entry)}\n`).join(''),
    })),
  });
}
