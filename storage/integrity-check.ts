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

type Report = (progress: IntegrityProgress, force?: boolean) => void;

/** Reports progress at most every `progressInterval` milliseconds, unless forced. */
function progressReporter(options: IntegrityCheckOptions): Report {
  let lastReport = 0;
  return (progress, force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < (options.progressInterval ?? 100))) return;
    lastReport = now;
    options.onProgress(progress);
  };
}

/** Each break in the custody chain, named by its entry and the evidence it concerns. */
function chainProblems(custody: readonly CustodyEntry[]): IntegrityProblem[] {
  const bySequence = new Map(custody.map((entry) => [entry.sequence, entry]));
  return verifyChain(custody).map((problem) => {
    const entry = bySequence.get(problem.sequence);
    return {
      kind: 'chain',
      evidenceId: entry?.evidenceId ?? null,
      item: t.custodyEntry(problem.sequence, entry?.evidenceId),
      message: t.chainProblem[problem.problem],
    };
  });
}

/** The records as checked: the artifacts still to re-hash, and every record ID seen. */
interface CheckedRecords {
  pending: PendingArtifact[];
  seen: Set<string>;
  evidenceChecked: number;
}

/** One record against the log; a deleted one must have no bytes left, a live one's artifacts are queued. */
async function checkStoredRecord(
  db: EvidenceDatabase,
  record: EvidenceRecord,
  logged: ReadonlyMap<string, LoggedEvidence>,
  checked: CheckedRecords,
  problems: IntegrityProblem[],
): Promise<void> {
  checked.seen.add(record.id);
  checked.evidenceChecked++;
  problems.push(...checkRecord(record, logged.get(record.id)));
  if (record.status !== 'deleted') {
    for (const artifact of record.artifacts)
      checked.pending.push({ evidenceId: record.id, title: record.title, artifact });
    return;
  }
  const leftover = await countBlobsSafely(db, record.id);
  if (leftover > 0) {
    problems.push({
      kind: 'leftover-bytes',
      evidenceId: record.id,
      item: record.id,
      title: record.title,
      message: t.leftoverBytes(leftover),
    });
  }
}

/** Records, page by page in commit order: check each against the log and collect its artifacts. */
async function checkRecords(
  db: EvidenceDatabase,
  logged: ReadonlyMap<string, LoggedEvidence>,
  problems: IntegrityProblem[],
  report: Report,
): Promise<CheckedRecords> {
  const checked: CheckedRecords = { pending: [], seen: new Set(), evidenceChecked: 0 };
  let lastSequence = -Infinity;
  for (;;) {
    const page = await db.evidence.where('sequence').above(lastSequence).limit(PAGE_SIZE).toArray();
    if (page.length === 0) break;
    lastSequence = page.at(-1)!.sequence;
    for (const record of page) await checkStoredRecord(db, record, logged, checked, problems);
    const done = checked.evidenceChecked;
    report({
      phase: 'records',
      done,
      total: done,
      bytesDone: 0,
      bytesTotal: 0,
      current: lastSequence.toString(),
    });
  }
  return checked;
}

/** Evidence the log knows about that no record holds any more. */
function removedProblems(
  logged: ReadonlyMap<string, LoggedEvidence>,
  seen: ReadonlySet<string>,
): IntegrityProblem[] {
  return [...logged.keys()]
    .filter((evidenceId) => !seen.has(evidenceId))
    .map((evidenceId) => ({ kind: 'removed', evidenceId, item: evidenceId, message: t.removed }));
}

/** Re-hashes each queued artifact, reporting bytes as it goes; stops (cancelled) when the signal aborts. */
async function checkArtifacts(
  db: EvidenceDatabase,
  pending: readonly PendingArtifact[],
  problems: IntegrityProblem[],
  report: Report,
  signal: AbortSignal | undefined,
) {
  const bytesTotal = pending.reduce((sum, item) => sum + item.artifact.size, 0);
  const progress = { phase: 'artifacts' as const, done: 0, total: pending.length, bytesDone: 0, bytesTotal };
  let cancelled = false;
  for (const item of pending) {
    const name = `${item.evidenceId}/${item.artifact.name}`;
    report({ ...progress, current: name });
    if (signal?.aborted) {
      cancelled = true;
      break;
    }
    const problem = await checkArtifact(db, item, name);
    if (problem) problems.push(problem);
    progress.done++;
    progress.bytesDone += item.artifact.size;
  }
  report({ ...progress, current: '' }, true);
  return { artifactsChecked: progress.done, bytesChecked: progress.bytesDone, cancelled };
}

export async function runIntegrityCheck(
  db: EvidenceDatabase,
  options: IntegrityCheckOptions = {},
): Promise<IntegrityReport> {
  const report = progressReporter(options);
  const custody = await readCustodyLog(db);
  report(
    { phase: 'chain', done: 0, total: custody.length, bytesDone: 0, bytesTotal: 0, current: t.custodyLog },
    true,
  );
  const problems = chainProblems(custody);
  const logged = loggedEvidence(custody);
  const records = await checkRecords(db, logged, problems, report);
  problems.push(...removedProblems(logged, records.seen));
  const artifacts = await checkArtifacts(db, records.pending, problems, report, options.signal);
  return {
    evidenceChecked: records.evidenceChecked,
    ...artifacts,
    custodyEntriesChecked: custody.length,
    problems,
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
    problems.push({ kind, evidenceId: record.id, item: record.id, title: record.title, message });
  if (!logged) {
    problem('unlogged', t.unlogged);
    return problems;
  }
  if (record.status === 'deleted' && !logged.deleted) {
    problem('record-changed', t.deletedUnlogged);
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
      problem('record-changed', t.hashesDiffer(names));
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
    title: item.title,
    message,
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

function errorText(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
