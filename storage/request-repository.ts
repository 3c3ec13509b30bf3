import { requestText } from '@/utils/text';
import {
  changeStatus,
  fileEvidence,
  RequestChangeError,
  requestEvidenceIds,
  type RequestTarget,
} from '@/utils/requests/status';
import { requestKey, type AuditRequest, type RequestStatus } from '@/utils/requests/types';
import { appendCustody } from './custody-log';
import type { EvidenceDatabase, RequestRow } from './db';
import { editEvidence } from './evidence-edits';
import { writeTransaction } from './write-transaction';

function toRow(request: AuditRequest, at: string): RequestRow {
  return { ...request, id: requestKey(request), allEvidenceIds: requestEvidenceIds(request), updatedAt: at };
}

/** The stored row back as a request: the key, index field and timestamp are storage's, not the model's. */
function toRequest(row: RequestRow): AuditRequest {
  const { id: _id, allEvidenceIds: _all, updatedAt: _at, ...request } = row;
  return request;
}

/** Every request, or one audit's list. */
export async function listRequests(db: EvidenceDatabase, audit?: string): Promise<AuditRequest[]> {
  const rows =
    audit === undefined
      ? await db.requests.toArray()
      : await db.requests.where('audit').equals(audit).toArray();
  return rows.map(toRequest);
}

/** The audits that have a request list, in name order. */
export async function listRequestAudits(db: EvidenceDatabase): Promise<string[]> {
  return (await db.requests.orderBy('audit').uniqueKeys()).map(String);
}

export async function readRequest(
  db: EvidenceDatabase,
  audit: string,
  reference: string,
): Promise<AuditRequest | undefined> {
  const row = await db.requests.get(requestKey({ audit, reference }));
  return row && toRequest(row);
}

/**
 * Writes an imported list in one transaction, the user having confirmed the preview. An imported request that
 * already exists keeps its statuses, comments and filed evidence: the auditor's re-sent list updates only the
 * wording, controls, due date, owner and sample.
 */
export async function importRequests(
  db: EvidenceDatabase,
  requests: readonly AuditRequest[],
  at: string,
): Promise<void> {
  await writeTransaction(db, [db.requests], async () => {
    const existing = await db.requests.bulkGet(requests.map(requestKey));
    const rows = requests.map((request, index) => toRow(merge(existing[index], request), at));
    await db.requests.bulkPut(rows);
  });
}

function merge(before: RequestRow | undefined, incoming: AuditRequest): AuditRequest {
  if (!before) return incoming;
  const items = incoming.items.map((item) => before.items.find((old) => old.label === item.label) ?? item);
  return {
    ...incoming,
    status: before.status,
    comment: before.comment,
    evidenceIds: before.evidenceIds,
    items,
  };
}

/**
 * A request created or edited by hand; `replacing` is the key it had before (null when new). An edit changes
 * the wording, controls, due date, owner and sample; statuses, comments and filed evidence stay as stored.
 */
export async function saveRequest(
  db: EvidenceDatabase,
  request: AuditRequest,
  replacing: { audit: string; reference: string } | null,
  at: string,
): Promise<void> {
  await writeTransaction(db, [db.requests], async () => {
    const id = requestKey(request);
    const previousId = replacing ? requestKey(replacing) : null;
    if (id !== previousId && (await db.requests.get(id)))
      throw new RequestChangeError(requestText.change.alreadyExists(request.reference, request.audit));
    // The stored row, not the page's copy, carries statuses and filed evidence: a capture filed from the popup
    // while the form was open is kept.
    const before = previousId === null ? undefined : await db.requests.get(previousId);
    if (previousId !== null && previousId !== id) await db.requests.delete(previousId);
    await db.requests.put(toRow(merge(before, request), at));
  });
}

async function current(db: EvidenceDatabase, id: string, reference: string): Promise<RequestRow> {
  const row = await db.requests.get(id);
  if (!row) throw new RequestChangeError(requestText.change.unknownRequest(reference));
  return row;
}

/** Marks a request or one of its items; the custody log records who, when, from, to and the comment. */
export async function setRequestStatus(
  db: EvidenceDatabase,
  key: { audit: string; reference: string },
  target: RequestTarget,
  status: RequestStatus,
  comment: string,
  actor: string,
  at: string,
): Promise<AuditRequest> {
  return writeTransaction(db, [db.requests, db.custody], async () => {
    const row = await current(db, requestKey(key), key.reference);
    const change = changeStatus(toRequest(row), target, status, comment);
    await db.requests.put(toRow(change.request, at));
    await appendCustody(db, {
      at,
      event: 'request-status',
      evidenceId: null,
      actor,
      details: change.details,
    });
    return change.request;
  });
}

/**
 * Files evidence against a request or one of its sample items. The evidence also gets the request's controls
 * (a logged retag, when any were missing), so coverage counts what the auditor asked about.
 */
export async function fileAgainstRequest(
  db: EvidenceDatabase,
  key: { audit: string; reference: string },
  target: RequestTarget,
  evidenceId: string,
  actor: string,
  at: string,
): Promise<AuditRequest> {
  const evidence = await db.evidence.get(evidenceId);
  if (!evidence) throw new RequestChangeError(requestText.change.unknownEvidence(evidenceId));
  const request = toRequest(await current(db, requestKey(key), key.reference));
  const missing = request.controls.filter((id) => !evidence.controls.includes(id));
  if (missing.length > 0)
    await editEvidence(db, evidenceId, { controls: [...evidence.controls, ...missing] }, actor, at);
  return writeTransaction(db, [db.requests, db.custody], async () => {
    const before = toRequest(await current(db, requestKey(key), key.reference));
    const filed = fileEvidence(before, target, evidenceId);
    if (!filed) return before;
    await db.requests.put(toRow(filed, at));
    const details = { audit: key.audit, reference: key.reference, item: target.item };
    await appendCustody(db, { at, event: 'request-file', evidenceId, actor, details });
    return filed;
  });
}

/** The requests a piece of evidence was filed against (the evidence page and the bundle's Requests section). */
export async function requestsForEvidence(db: EvidenceDatabase, evidenceId: string): Promise<AuditRequest[]> {
  return (await db.requests.where('allEvidenceIds').equals(evidenceId).toArray()).map(toRequest);
}

/** Every evidence ID filed against one audit's requests: what "evidence for request list X" exports. */
export async function evidenceIdsForRequestList(db: EvidenceDatabase, audit: string): Promise<string[]> {
  const rows = await db.requests.where('audit').equals(audit).toArray();
  return [...new Set(rows.flatMap((row) => row.allEvidenceIds))];
}

/** Titles and capture times of the evidence a request's page lists; `found` is false for evidence since removed. */
export async function readEvidenceTitles(
  db: EvidenceDatabase,
  ids: readonly string[],
): Promise<{ id: string; title: string; capturedAt: string; found: boolean }[]> {
  const records = await db.evidence.bulkGet([...ids]);
  return ids.map((id, index) => {
    const record = records[index];
    return record
      ? { id, title: record.title || record.url, capturedAt: record.capturedAt, found: true }
      : { id, title: '', capturedAt: '', found: false };
  });
}
