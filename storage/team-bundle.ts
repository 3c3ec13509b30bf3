import type { Catalogue } from '@/utils/catalogue/types';
import { localDate } from '@/utils/coverage/dates';
import { canonicalJson } from '@/utils/integrity/custody';
import { writeBundle, type WriteBundleResult } from '@/utils/bundle/writer';
import { teamView } from '@/utils/team-store/team-view';
import { reportText, settingsText } from '@/utils/text';
import { loadExportContext, recordExport } from './bundle-source';
import { readSettings } from './settings-repository';
import { bundleSigner } from './signing-keys';
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
 * installation's verified custody chain as `team/<installation>/custody-log.jsonl`, signed with this
 * installation's key and logged as an export in its custody log. Only records that passed
 * verification are in it; their bytes are the team blobs whose SHA-256 matched their key.
 */
export async function writeTeamBundle(
  db: EvidenceDatabase,
  output: WritableStream<Uint8Array>,
  request: TeamBundleRequest,
): Promise<WriteBundleResult> {
  const filter = { windowStart: null, windowEnd: null, controls: null, includeDomSnapshots: true };
  const base = await loadExportContext(db, {
    filter,
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
  const result = await writeBundle(output, {
    context,
    signer: await bundleSigner(db),
    evidence: teamEvidenceForExport(db),
    includeDomSnapshots: true,
    extraFiles: custody.map((row) => ({
      path: `team/${row.installationId}/custody-log.jsonl`,
      text: row.entries.map((entry) => `${canonicalJson(entry)}\n`).join(''),
    })),
  });
  // The lead's own custody log records the export, like any other (the manifest hash ties it to the bundle).
  const settings = await readSettings(db);
  await recordExport(
    db,
    result,
    filter,
    settings.capturer.trim() || settingsText.unnamedCapturer,
    new Date().toISOString(),
  );
  return result;
}
