import type { CustodyEntry } from '@/utils/evidence/types';
import {
  internalAuditProblems,
  managementReviewProblems,
  tidyInternalAudit,
  tidyManagementReview,
  type KnownLinks,
} from '@/utils/isms-records/validate';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import { appendCustody } from './custody-log';
import type { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';
import { writeTransaction } from './write-transaction';

/**
 * The internal audit programme (clause 9.2) and the management reviews (clause 9.3). Every change is one
 * transaction that writes the row and appends a chained `isms-record-change` custody entry with the actor
 * and the record before and after, as a risk change does.
 */

export type IsmsRecordKind = 'internal-audit' | 'management-review';
export type IsmsRecordChange = 'create' | 'update' | 'delete';

export function listInternalAudits(db: EvidenceDatabase): Promise<InternalAudit[]> {
  return db.internalAudits.orderBy('plannedDate').toArray();
}

export function listManagementReviews(db: EvidenceDatabase): Promise<ManagementReview[]> {
  return db.managementReviews.orderBy('meetingDate').toArray();
}

/** Returns appendCustody's promise itself: one more async layer here loses Dexie's transaction zone. */
export function logChange(
  db: EvidenceDatabase,
  record: IsmsRecordKind,
  change: IsmsRecordChange,
  subject: { id: string; before: unknown; after: unknown },
  actor: string,
  at: string,
): Promise<CustodyEntry> {
  return appendCustody(db, {
    at,
    event: 'isms-record-change',
    evidenceId: null,
    actor,
    details: { record, change, ...subject },
  });
}

/** The links a record names, looked up before the write: evidence and findings that exist now. */
async function knownLinks(
  db: EvidenceDatabase,
  evidenceIds: string[],
  findingIds: string[],
): Promise<KnownLinks> {
  const [evidence, findings] = await Promise.all([
    db.evidence.bulkGet(evidenceIds),
    db.findings.bulkGet(findingIds),
  ]);
  const liveEvidence = new Set(evidence.flatMap((row) => (row && row.status !== 'deleted' ? [row.id] : [])));
  const presentFindings = new Set(findings.flatMap((row) => (row ? [row.id] : [])));
  return { evidence: (id) => liveEvidence.has(id), finding: (id) => presentFindings.has(id) };
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const asId = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

function unchanged<T extends { createdAt: string; updatedAt: string }>(left: T, right: T): boolean {
  const strip = (row: T) => JSON.stringify({ ...row, createdAt: '', updatedAt: '' });
  return strip(left) === strip(right);
}

export async function saveInternalAudit(
  db: EvidenceDatabase,
  input: unknown,
  actor: string,
  at: string,
): Promise<InternalAudit> {
  const fields = (input ?? {}) as Record<string, unknown>;
  const known = await knownLinks(db, asId(fields.reportEvidenceId), asList(fields.findingIds));
  const problems = internalAuditProblems(input, known);
  if (problems.length > 0) throw new ValidationError(problems);
  const audit = tidyInternalAudit(input as InternalAudit);
  return writeTransaction(db, [db.internalAudits, db.custody], async () => {
    const before = (await db.internalAudits.get(audit.id)) ?? null;
    const after: InternalAudit = { ...audit, createdAt: before?.createdAt ?? at, updatedAt: at };
    if (before && unchanged(before, after)) return before;
    await db.internalAudits.put(after);
    await logChange(
      db,
      'internal-audit',
      before ? 'update' : 'create',
      { id: after.id, before, after },
      actor,
      at,
    );
    return after;
  });
}

export async function saveManagementReview(
  db: EvidenceDatabase,
  input: unknown,
  actor: string,
  at: string,
): Promise<ManagementReview> {
  const fields = (input ?? {}) as Record<string, unknown>;
  const known = await knownLinks(db, asId(fields.minutesEvidenceId), []);
  const problems = managementReviewProblems(input, known);
  if (problems.length > 0) throw new ValidationError(problems);
  const review = tidyManagementReview(input as ManagementReview);
  return writeTransaction(db, [db.managementReviews, db.custody], async () => {
    const before = (await db.managementReviews.get(review.id)) ?? null;
    const after: ManagementReview = { ...review, createdAt: before?.createdAt ?? at, updatedAt: at };
    if (before && unchanged(before, after)) return before;
    await db.managementReviews.put(after);
    await logChange(
      db,
      'management-review',
      before ? 'update' : 'create',
      { id: after.id, before, after },
      actor,
      at,
    );
    return after;
  });
}

export async function deleteInternalAudit(
  db: EvidenceDatabase,
  id: string,
  actor: string,
  at: string,
): Promise<void> {
  await writeTransaction(db, [db.internalAudits, db.custody], async () => {
    const before = await db.internalAudits.get(id);
    if (!before) return;
    await db.internalAudits.delete(id);
    await logChange(db, 'internal-audit', 'delete', { id, before, after: null }, actor, at);
  });
}

export async function deleteManagementReview(
  db: EvidenceDatabase,
  id: string,
  actor: string,
  at: string,
): Promise<void> {
  await writeTransaction(db, [db.managementReviews, db.custody], async () => {
    const before = await db.managementReviews.get(id);
    if (!before) return;
    await db.managementReviews.delete(id);
    await logChange(db, 'management-review', 'delete', { id, before, after: null }, actor, at);
  });
}
