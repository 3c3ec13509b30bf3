import type { Catalogue } from '@/utils/catalogue/types';
import { computeCoverage } from '@/utils/coverage/coverage';
import { localDate } from '@/utils/coverage/dates';
import { stage1Readiness, stage2Readiness } from '@/utils/coverage/readiness';
import {
  addToEstimate,
  effectiveFilter,
  EMPTY_ESTIMATE,
  matchesFilter,
  type ExportFilter,
} from '@/utils/bundle/filter';
import { localDay } from '@/utils/bundle/naming';
import type {
  BundleContext,
  BundleEstimate,
  BundleEvidence,
  BundleProgress,
  BundleTimestamp,
  BundleTimestamping,
} from '@/utils/bundle/types';
import { stampedText } from '@/utils/timestamp/subject';
import { writeBundle, type WriteBundleResult } from '@/utils/bundle/writer';
import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { appendCustody, readCustodyLog } from './custody-log';
import { readCoverageSummaries } from './coverage-index';
import type { MappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import type { EvidenceDatabase } from './db';
import { listFindings, readAuditPlan, readControlStates } from './isms-repository';
import { listInternalAudits, listManagementReviews } from './isms-records-repository';
import { readSettings } from './settings-repository';
import { readRiskCriteria, readRisks } from './risk-repository';
import { traceRows } from '@/utils/risk/traceability';
import { evidenceInWindow } from '@/utils/risk/trace-view';
import { bundleSigner } from './signing-keys';
import { evidenceIdsForRequestList, listRequests } from './request-repository';
import { reportText, settingsText, storageErrorText } from '@/utils/text';

const PAGE_SIZE = 200;

/** Every record matching the filter, in capture order, read a page at a time (records only, never bytes). */
async function* matchingRecords(db: EvidenceDatabase, filter: ExportFilter): AsyncGenerator<EvidenceRecord> {
  const filed = filter.requestList ? new Set(await evidenceIdsForRequestList(db, filter.requestList)) : null;
  const matches = (record: EvidenceRecord) =>
    filed ? filed.has(record.id) && record.status !== 'deleted' : matchesFilter(record, filter);
  let after = -Infinity;
  for (;;) {
    const page = await db.evidence.where('sequence').above(after).limit(PAGE_SIZE).toArray();
    for (const record of page) if (matches(record)) yield record;
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) return;
    after = last.sequence;
  }
}

/**
 * Each capture's time-stamp token with the exact bytes it stamps (its custody entry, read from the log the
 * export carries), or `pending` while its request is queued; undefined when it was never asked for.
 */
export async function captureTimestamps(
  db: EvidenceDatabase,
  custody: readonly CustodyEntry[],
): Promise<(evidenceId: string) => Promise<BundleTimestamp | undefined>> {
  const bySequence = new Map(custody.map((entry) => [entry.sequence, entry]));
  const queued = new Set(
    (await db.timestampQueue.toArray())
      .filter((item) => item.kind === 'capture')
      .map((item) => item.evidenceId),
  );
  return async (evidenceId) => {
    const rows = await db.timestampTokens.where('evidenceId').equals(evidenceId).toArray();
    for (const row of rows) {
      const entry = row.kind === 'capture' ? bySequence.get(row.custodySequence) : undefined;
      // The token stamps the entry's hash: bag it only with the entry it stamps (always so, but never assumed).
      if (!entry || entry.hash !== row.sha256) continue;
      return {
        state: 'stamped',
        stampedText: stampedText(entry),
        reply: row.reply,
        genTime: row.genTime,
        signer: row.signer,
        certificatesPem: row.certificatesPem,
      };
    }
    return queued.has(evidenceId) ? { state: 'pending' } : undefined;
  };
}

/** The evidence of an export with lazy byte reads: one artifact's blob is fetched when the writer reaches it. */
export async function* evidenceForExport(
  db: EvidenceDatabase,
  filter: ExportFilter,
  timestampOf?: (evidenceId: string) => Promise<BundleTimestamp | undefined>,
): AsyncGenerator<BundleEvidence> {
  for await (const record of matchingRecords(db, filter)) {
    const timestamp = timestampOf ? await timestampOf(record.id) : undefined;
    yield {
      record,
      ...(timestamp ? { timestamp } : {}),
      readArtifact: async (artifact) => {
        const row = await db.blobs.get(artifact.blobKey);
        if (!row) throw new Error(storageErrorText.bytesMissing(record.id, artifact.name));
        return row.data;
      },
    };
  }
}

/** Files and bytes of an export, from the recorded artifact sizes (no blob is read). */
export async function estimateExport(db: EvidenceDatabase, filter: ExportFilter): Promise<BundleEstimate> {
  let estimate = EMPTY_ESTIMATE;
  for await (const record of matchingRecords(db, filter))
    estimate = addToEstimate(estimate, record, filter.includeDomSnapshots);
  return estimate;
}

export interface ExportRequest {
  filter: ExportFilter;
  catalogue: Catalogue;
  generator: { name: string; version: string };
  now: Date;
  timeZone: string;
  /** The organisation as it applies (set by policy, say); the stored settings' otherwise. */
  organisation?: string;
  /** False leaves the readiness self-assessment out of the auditor's index.html; default true. */
  includeReadiness?: boolean;
  /** The frameworks in scope besides ISO: one register and one index section each. */
  frameworks?: readonly MappedFrameworkId[];
}

/** The organisation, SoA, coverage, readiness, findings and custody log the bundle reports on. */
export async function loadExportContext(
  db: EvidenceDatabase,
  request: ExportRequest,
): Promise<BundleContext> {
  const { catalogue, now } = request;
  const filter = effectiveFilter(request.filter);
  const [
    settings,
    plan,
    controlStates,
    findings,
    custody,
    summaries,
    requests,
    internalAudits,
    managementReviews,
    risks,
    riskCriteria,
  ] = await Promise.all([
    readSettings(db),
    readAuditPlan(db),
    readControlStates(db),
    listFindings(db),
    readCustodyLog(db),
    readCoverageSummaries(db),
    filter.requestList ? listRequests(db, filter.requestList) : Promise.resolve(null),
    listInternalAudits(db),
    listManagementReviews(db),
    readRisks(db),
    readRiskCriteria(db),
  ]);
  const today = localDate(now, request.timeZone);
  const coverage = computeCoverage({
    catalogue,
    controlStates,
    evidence: summaries,
    plan: { windowStart: filter.windowStart, windowEnd: filter.windowEnd },
    today,
  });
  const records = { internalAudits, managementReviews, today };
  const riskInput = { risks, criteria: riskCriteria, today };
  const stage1 = stage1Readiness({ catalogue, controlStates, coverage, records, risks: riskInput });
  const stage2 = stage2Readiness({
    coverage,
    findings,
    records: { ...records, stage1Date: plan?.stage1Date ?? null },
    risks: riskInput,
  });
  const applicable = new Map(coverage.controls.map((control) => [control.controlId, control.applicable]));
  const inWindow = evidenceInWindow(summaries, coverage);
  const trace = traceRows({
    risks,
    applicable: (id) => applicable.get(id) ?? true,
    coverage: coverage.controls,
    evidenceInWindow: new Map([...inWindow].map(([id, list]) => [id, list.map((entry) => entry.id)])),
  });
  return {
    organisation:
      (request.organisation ?? settings.organisation).trim() || plan?.organisation.trim() || 'organisation',
    baggingDate: localDay(now),
    generatedAt: now.toISOString(),
    generator: request.generator,
    window: { start: filter.windowStart, end: filter.windowEnd },
    plan: plan ?? null,
    catalogue,
    controlScope: filter.controls,
    controlStates,
    coverage: Object.fromEntries(coverage.controls.map((control) => [control.controlId, control.status])),
    readiness: [
      { label: reportText.stage1, ready: stage1.ready, details: stage1.reasons },
      { label: reportText.stage2, ready: stage2.ready, details: stage2.reasons },
    ],
    includeReadiness: request.includeReadiness ?? true,
    ...(request.frameworks?.length ? { frameworks: [...request.frameworks] } : {}),
    findings,
    custody,
    riskRegister: { criteria: riskCriteria, risks, trace },
    ismsRecords: { internalAudits, managementReviews },
    ...(filter.requestList && requests
      ? { requests: { audit: filter.requestList, requests: sortByReference(requests) } }
      : {}),
  };
}

function sortByReference<T extends { reference: string }>(requests: T[]): T[] {
  return requests.sort((left, right) =>
    left.reference.localeCompare(right.reference, undefined, { numeric: true }),
  );
}

/** Logs a finished export; the manifest hash ties the log entry to the bundle the auditor holds. */
export async function recordExport(
  db: EvidenceDatabase,
  result: WriteBundleResult,
  filter: ExportFilter,
  actor: string,
  at: string,
): Promise<CustodyEntry> {
  const chosen = effectiveFilter(filter);
  return db.transaction('rw', db.custody, () =>
    appendCustody(db, {
      at,
      event: 'export',
      evidenceId: null,
      actor,
      details: {
        bundle: result.name,
        evidence: result.evidenceCount,
        evidenceIds: result.evidenceIds,
        files: result.payloadFiles,
        bytes: result.payloadBytes,
        manifestSha256: result.manifestSha256,
        lastCustodyHash: result.lastCustodyHash,
        custodyWithheld: result.custodyWithheld,
        signedBy: result.signedBy,
        encrypted: result.encrypted,
        ...(result.timestamps
          ? {
              timestamps: {
                stamped: result.timestamps.stamped,
                pending: result.timestamps.pending,
                tagManifest:
                  result.timestamps.tagManifest.state === 'stamped'
                    ? result.timestamps.tagManifest.genTime
                    : null,
              },
            }
          : {}),
        filter: { ...chosen, controls: chosen.controls ? [...chosen.controls] : null },
      },
    }),
  );
}

export interface ExportOptions extends ExportRequest {
  password?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BundleProgress) => void) | undefined;
  /**
   * Trusted time stamps as configured now (the page reads the settings; the background asks the authority for
   * the tag manifest's token). Absent: tokens already stored are still bagged, the tag manifest is not stamped.
   */
  timestamps?: BundleTimestamping | undefined;
}

/**
 * Writes the bundle into `output`, signed with the installation's key, and, once it is complete, logs the
 * export. Runs in an extension page.
 */
export async function exportBundle(
  db: EvidenceDatabase,
  output: WritableStream<Uint8Array>,
  options: ExportOptions,
): Promise<WriteBundleResult> {
  const context = await loadExportContext(db, options);
  const signer = await bundleSigner(db);
  const result = await writeBundle(output, {
    context,
    signer,
    evidence: evidenceForExport(db, options.filter, await captureTimestamps(db, context.custody)),
    timestamps: options.timestamps,
    includeDomSnapshots: options.filter.includeDomSnapshots,
    password: options.password,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const settings = await readSettings(db);
  await recordExport(
    db,
    result,
    options.filter,
    settings.capturer.trim() || settingsText.unnamedCapturer,
    new Date().toISOString(),
  );
  return result;
}
