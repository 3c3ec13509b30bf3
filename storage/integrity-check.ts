import type {
  IntegrityProblem,
  IntegrityProblemKind,
  IntegrityProgress,
  IntegrityReport,
} from '@/utils/evidence/library-types';
import type { Artifact, CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { verifyChain } from '@/utils/integrity/custody';
import { sha256Hex } from '@/utils/integrity/sha256';
import { readCustodyLog } from './custody-log';
import type { EvidenceDatabase } from './db';
import { integrityProblemText as t } from '@/utils/text';

/**
 * Re-hashes every stored artifact and verifies the custody chain, reporting each problem by name and
 * carrying on: a blob the browser lost is one problem entry, never the end of the check.
 */

export interface IntegrityCheckOptions {
  onProgress?: (progress: IntegrityProgress) => void;
  signal?: AbortSignal;
  /** Minimum milliseconds between progress reports (the last one always comes). */
  progressInterval?: number;
}

interface LoggedEvidence {
  /** Artifact hashes as logged when the evidence was captured or imported, by name; null if not logged. */
  artifacts: Map<string, string> | null;
  deleted: boolean;
}

interface PendingArtifact {
  evidenceId: string;
  title: string;
  artifact: Artifact;
}

const PAGE_SIZE = 500;

export async function runIntegrityCheck(
  db: EvidenceDatabase,
  options: IntegrityCheckOptions = {},
): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  let lastReport = 0;
  const report = (progress: IntegrityProgress, force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < (options.progressInterval ?? 100))) return;
    lastReport = now;
    options.onProgress(progress);
  };

  const custody = await readCustodyLog(db);
  report(
    { phase: 'chain', done: 0, total: custody.length, bytesDone: 0, bytesTotal: 0, current: t.custodyLog },
    true,
  );
  const bySequence = new Map(custody.map((entry) => [entry.sequence, entry]));
  for (const problem of verifyChain(custody)) {
    const entry = bySequence.get(problem.sequence);
    problems.push({
      kind: 'chain',
      evidenceId: entry?.evidenceId ?? null,
      item: t.custodyEntry(problem.sequence, entry?.evidenceId),
      message: problem.message,
    });
  }
  const logged = loggedEvidence(custody);

  // Records, page by page in commit order: check each against the log and collect its artifacts.
  const pending: PendingArtifact[] = [];
  const seen = new Set<string>();
  let evidenceChecked = 0;
  let lastSequence = -Infinity;
  for (;;) {
    const page = await db.evidence.where('sequence').above(lastSequence).limit(PAGE_SIZE).toArray();
    if (page.length === 0) break;
    lastSequence = page.at(-1)!.sequence;
    for (const record of page) {
      seen.add(record.id);
      evidenceChecked++;
      problems.push(...checkRecord(record, logged.get(record.id)));
      if (record.status === 'deleted') {
        const leftover = await countBlobsSafely(db, record.id);
        if (leftover > 0) {
          problems.push({
            kind: 'leftover-bytes',
            evidenceId: record.id,
            item: record.id,
            message: t.leftoverBytes(describe(record), leftover),
          });
        }
      } else {
        for (const artifact of record.artifacts)
          pending.push({ evidenceId: record.id, title: record.title, artifact });
      }
    }
    report({
      phase: 'records',
      done: evidenceChecked,
      total: evidenceChecked,
      bytesDone: 0,
      bytesTotal: 0,
      current: lastSequence.toString(),
    });
  }
  for (const [evidenceId] of logged) {
    if (!seen.has(evidenceId)) {
      problems.push({
        kind: 'removed',
        evidenceId,
        item: evidenceId,
        message: t.removed(evidenceId),
      });
    }
  }

  const bytesTotal = pending.reduce((sum, item) => sum + item.artifact.size, 0);
  let bytesDone = 0;
  let artifactsChecked = 0;
  let cancelled = false;
  for (const item of pending) {
    const name = `${item.evidenceId}/${item.artifact.name}`;
    report({
      phase: 'artifacts',
      done: artifactsChecked,
      total: pending.length,
      bytesDone,
      bytesTotal,
      current: name,
    });
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const problem = await checkArtifact(db, item, name);
    if (problem) problems.push(problem);
    artifactsChecked++;
    bytesDone += item.artifact.size;
  }
  report(
    { phase: 'artifacts', done: artifactsChecked, total: pending.length, bytesDone, bytesTotal, current: '' },
    true,
  );

  return {
    evidenceChecked,
    artifactsChecked,
    bytesChecked: bytesDone,
    custodyEntriesChecked: custody.length,
    problems,
    cancelled,
  };
}

/** Evidence the log knows about, with the artifact hashes it recorded at capture or import. */
function loggedEvidence(custody: readonly CustodyEntry[]): Map<string, LoggedEvidence> {
  const logged = new Map<string, LoggedEvidence>();
  const entryOf = (id: string) => {
    let entry = logged.get(id);
    if (!entry) logged.set(id, (entry = { artifacts: null, deleted: false }));
    return entry;
  };
  for (const entry of custody) {
    if ((entry.event === 'capture' || entry.event === 'import') && entry.evidenceId) {
      entryOf(entry.evidenceId).artifacts = loggedArtifacts(entry.details['artifacts']);
    }
    // An import may log one entry for many records.
    if (entry.event === 'import') {
      for (const key of ['addedIds', 'evidenceIds']) {
        const ids = entry.details[key];
        if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') entryOf(id);
      }
    }
    if (entry.event === 'delete' && entry.evidenceId) entryOf(entry.evidenceId).deleted = true;
    // A black-out replaces bytes on the record: its entry carries each artifact's hash before and after.
    if (entry.event === 'redact' && entry.evidenceId)
      applyRedaction(entryOf(entry.evidenceId).artifacts, entry.details['artifacts']);
  }
  return logged;
}

/** Moves logged hashes to their redacted values, only where the entry starts from the hash logged so far. */
function applyRedaction(hashes: Map<string, string> | null, changes: unknown): void {
  if (!hashes || !Array.isArray(changes)) return;
  for (const change of changes) {
    const { name, sha256From, sha256To } = (change ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof sha256To !== 'string') continue;
    if (hashes.get(name) === sha256From) hashes.set(name, sha256To);
  }
}

function loggedArtifacts(value: unknown): Map<string, string> | null {
  if (!Array.isArray(value)) return null;
  const hashes = new Map<string, string>();
  for (const item of value) {
    const { name, sha256 } = (item ?? {}) as { name?: unknown; sha256?: unknown };
    if (typeof name === 'string' && typeof sha256 === 'string') hashes.set(name, sha256);
  }
  return hashes;
}

function checkRecord(record: EvidenceRecord, logged: LoggedEvidence | undefined): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const problem = (kind: IntegrityProblemKind, message: string) =>
    problems.push({ kind, evidenceId: record.id, item: record.id, message });
  if (!logged) {
    problem('unlogged', t.unlogged(describe(record)));
    return problems;
  }
  if (record.status === 'deleted' && !logged.deleted) {
    problem('record-changed', t.deletedUnlogged(describe(record)));
  }
  if (logged.artifacts) {
    const changed = record.artifacts.filter(
      (artifact) => logged.artifacts!.get(artifact.name) !== artifact.sha256,
    );
    const dropped = [...logged.artifacts.keys()].filter(
      (name) => !record.artifacts.some((artifact) => artifact.name === name),
    );
    if (changed.length > 0 || dropped.length > 0) {
      const names = [...changed.map((artifact) => artifact.name), ...dropped].join(', ');
      problem('record-changed', t.hashesDiffer(describe(record), names));
    }
  }
  return problems;
}

async function checkArtifact(
  db: EvidenceDatabase,
  item: PendingArtifact,
  name: string,
): Promise<IntegrityProblem | null> {
  const { artifact } = item;
  const problem = (kind: IntegrityProblemKind, message: string): IntegrityProblem => ({
    kind,
    evidenceId: item.evidenceId,
    item: name,
    message: t.artifact(name, item.title, message),
  });
  let data: Blob;
  try {
    const row = await db.blobs.get(artifact.blobKey);
    if (!row) return problem('missing', t.missing);
    if (typeof (row.data as Partial<Blob> | undefined)?.arrayBuffer !== 'function')
      return problem('unreadable', t.notData);
    data = row.data;
  } catch (error) {
    return problem('unreadable', t.unreadable(errorText(error)));
  }
  let sha256: string;
  try {
    sha256 = await sha256Hex(data);
  } catch (error) {
    return problem('unreadable', t.unreadable(errorText(error)));
  }
  if (sha256 !== artifact.sha256) {
    return problem('corrupt', t.bytesChanged(sha256, artifact.sha256));
  }
  if (data.size !== artifact.size) {
    return problem('corrupt', t.sizeChanged(data.size, artifact.size));
  }
  return null;
}

async function countBlobsSafely(db: EvidenceDatabase, evidenceId: string): Promise<number> {
  try {
    return await db.blobs.where('evidenceId').equals(evidenceId).count();
  } catch {
    return 0;
  }
}

function describe(record: Pick<EvidenceRecord, 'id' | 'title'>): string {
  return t.described(record.id, record.title);
}

function errorText(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
