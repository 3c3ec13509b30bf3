import type { BundledRecord } from '@/utils/bundle/record';
import type { ImportConflict, ImportOutcome, BundleSummary, VerifyFailure } from '@/utils/bundle/types';
import { verifyBundle, type VerifiedBundle, type VerifyOptions } from '@/utils/bundle/verify';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { searchWords } from '@/utils/search/words';
import { appendCustody } from './custody-log';
import { updateCoverageIndex } from './coverage-index';
import type { BlobRow, EvidenceDatabase } from './db';
import { writeTransaction } from './write-transaction';
import { importBundledRisks } from './risk-bundle-import';
import { importBundledRecords } from './records-bundle-import';
import { requestEvidenceIds } from '@/utils/requests/status';
import { requestKey, type AuditRequest } from '@/utils/requests/types';
import { importProblemText } from '@/utils/text';

export interface ImportOptions {
  actor: string;
  /** ISO 8601 UTC time of the import. */
  at: string;
}

const MAX_TEXT_FOR_WORDS = 256 * 1024;

type Verdict = { kind: 'new' } | { kind: 'held' } | { kind: 'conflict'; reason: string };

/** Same ID and every artifact's hash already held = held; same ID with other bytes = a conflict, never overwritten. */
function judge(held: EvidenceRecord | undefined, incoming: BundledRecord): Verdict {
  if (!held) return { kind: 'new' };
  if (held.status === 'deleted') return { kind: 'conflict', reason: importProblemText.deletedHere };
  const heldHashes = new Map(held.artifacts.map((artifact) => [artifact.name, artifact.sha256]));
  const differing = incoming.artifacts.filter(
    (artifact) => heldHashes.get(artifact.name) !== artifact.sha256,
  );
  if (differing.length === 0) return { kind: 'held' };
  return {
    kind: 'conflict',
    reason: importProblemText.otherBytes(differing.map((artifact) => artifact.name).join(', ')),
  };
}

/**
 * Merges a verified bundle's evidence that is not held yet. The new artifacts are read (and re-hashed)
 * first; then records, bytes, the coverage index and one `import` custody entry are written in one
 * transaction, so a failure changes nothing.
 */
export async function importVerifiedBundle(
  db: EvidenceDatabase,
  bundle: VerifiedBundle,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const ids = bundle.evidence.map((record) => record.evidence.id);
  const before = await db.evidence.bulkGet(ids);
  const fresh = bundle.evidence.filter((_, index) => before[index] === undefined);
  const blobs = new Map<string, BlobRow[]>();
  const words = new Map<string, string[]>();
  for (const record of fresh) {
    const { id, title, url, notes } = record.evidence;
    const rows: BlobRow[] = [];
    let text = '';
    for (const artifact of record.artifacts) {
      const data = await bundle.readArtifact(id, artifact);
      if (artifact.role === 'text' && !text) text = await data.slice(0, MAX_TEXT_FOR_WORDS).text();
      rows.push({ key: `${id}/${artifact.name}`, evidenceId: id, data });
    }
    blobs.set(id, rows);
    // The search index is local to a database: rebuilt here, never taken from the bundle.
    words.set(id, searchWords({ title, url, notes, text }));
  }

  const outcome = await writeTransaction(
    db,
    [db.evidence, db.blobs, db.custody, db.coverageIndex, db.requests],
    async () => {
      // Judged again inside the transaction: another window may have added some of it meanwhile.
      const held = await db.evidence.bulkGet(ids);
      const outcome: ImportOutcome = { bundle: bundle.summary.name, added: [], skipped: [], conflicts: [] };
      const last = await db.evidence.orderBy('sequence').last();
      let sequence = last?.sequence ?? 0;
      for (const [index, incoming] of bundle.evidence.entries()) {
        const { id } = incoming.evidence;
        const verdict = judge(held[index], incoming);
        const rows = blobs.get(id);
        if (verdict.kind === 'held') outcome.skipped.push(id);
        else if (verdict.kind === 'conflict')
          outcome.conflicts.push({ evidenceId: id, reason: verdict.reason });
        else if (rows) {
          const record: EvidenceRecord = {
            ...incoming.evidence,
            words: words.get(id) ?? [],
            sequence: ++sequence,
            artifacts: incoming.artifacts.map((artifact) => ({
              ...artifact,
              blobKey: `${id}/${artifact.name}`,
            })),
          };
          await db.evidence.add(record);
          await db.blobs.bulkAdd(rows);
          await updateCoverageIndex(db, undefined, record);
          outcome.added.push(id);
        }
      }
      // Only awaited when there is a list: awaiting a settled promise with no request pending commits the transaction.
      const bundled = bundle.requests ?? [];
      const requestsAdded = bundled.length > 0 ? await addBundledRequests(db, bundled, options.at) : 0;
      await appendCustody(db, {
        at: options.at,
        event: 'import',
        evidenceId: null,
        actor: options.actor,
        details: {
          bundle: bundle.summary.name,
          organisation: bundle.summary.organisation,
          baggingDate: bundle.summary.baggingDate,
          added: outcome.added.length,
          skipped: outcome.skipped.length,
          conflicts: outcome.conflicts.length,
          addedIds: outcome.added,
          conflictIds: outcome.conflicts.map((conflict: ImportConflict) => conflict.evidenceId),
          bundleCustodyEntries: bundle.summary.custodyEntries,
          bundleLastCustodyHash: bundle.summary.lastCustodyHash,
          ...(requestsAdded > 0 ? { requestsAdded } : {}),
        },
      });
      return outcome;
    },
  );
  // The register is merged after the evidence, in its own transaction: its rows never block the evidence.
  const risks = await importBundledRisks(db, bundle.riskTables, options);
  // The audits and reviews after the evidence, so that a report or minutes imported just now is linked.
  const ismsRecords = await importBundledRecords(db, bundle.ismsRecords, options);
  return {
    ...outcome,
    ...(risks ? { risks } : {}),
    ...(ismsRecords ? { ismsRecords } : {}),
  };
}

export type ImportResult = { ok: true; summary: BundleSummary; outcome: ImportOutcome } | VerifyFailure;

/** Verifies a bundle file and, only if every check passes, imports it. */
export async function importBundleFile(
  db: EvidenceDatabase,
  file: Blob,
  options: ImportOptions & VerifyOptions,
): Promise<ImportResult> {
  const verified = await verifyBundle(file, options);
  if (!verified.ok) return verified;
  return {
    ok: true,
    summary: verified.summary,
    outcome: await importVerifiedBundle(db, verified.bundle, options),
  };
}

/**
 * The bundle's request list, for the requests this browser does not hold yet (audit + reference); a request
 * already held keeps its own statuses and filed evidence. Runs inside the import transaction.
 */
async function addBundledRequests(
  db: EvidenceDatabase,
  requests: readonly AuditRequest[],
  at: string,
): Promise<number> {
  const held = await db.requests.bulkGet(requests.map(requestKey));
  const fresh = requests.filter((_, index) => held[index] === undefined);
  await db.requests.bulkAdd(
    fresh.map((request) => ({
      ...request,
      id: requestKey(request),
      allEvidenceIds: requestEvidenceIds(request),
      updatedAt: at,
    })),
  );
  return fresh.length;
}
