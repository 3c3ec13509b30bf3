import { requestText } from '../text';
import type { AuditRequest, RequestStatus } from './types';

/** Which part of a request a change applies to: the request, or one sample item (0-based). */
export type RequestTarget = { item: null } | { item: number };

/** What the custody log records about a status change: who and when come from the log entry itself. */
export interface StatusChange {
  request: AuditRequest;
  details: {
    audit: string;
    reference: string;
    item: number | null;
    from: RequestStatus;
    to: RequestStatus;
    comment: string;
  };
}

export class RequestChangeError extends Error {
  override name = 'RequestChangeError';
}

function checkItem(request: AuditRequest, item: number | null): void {
  if (item !== null && (item < 0 || item >= request.items.length || !Number.isInteger(item)))
    throw new RequestChangeError(requestText.change.noSuchItem(request.reference, item + 1));
}

/**
 * Sets the status of a request or one of its items. "Returned" needs the auditor's comment, which is kept;
 * other statuses keep the last comment too, so the history reads in the custody log. When every item of a
 * sample request is provided or accepted, the request itself becomes provided.
 */
export function changeStatus(
  request: AuditRequest,
  target: RequestTarget,
  to: RequestStatus,
  comment = '',
): StatusChange {
  checkItem(request, target.item);
  if (to === 'returned' && comment.trim() === '')
    throw new RequestChangeError(requestText.change.returnNeedsComment);
  const from = target.item === null ? request.status : request.items[target.item]!.status;
  const kept = to === 'returned' ? comment.trim() : undefined;
  let next: AuditRequest;
  if (target.item === null) {
    next = { ...request, status: to, comment: kept ?? request.comment };
  } else {
    const items = request.items.map((entry, index) =>
      index === target.item ? { ...entry, status: to, comment: kept ?? entry.comment } : entry,
    );
    next = {
      ...request,
      items,
      status: rollUp(
        request.status,
        items.map((entry) => entry.status),
      ),
    };
  }
  const details = {
    audit: request.audit,
    reference: request.reference,
    item: target.item,
    from,
    to,
    comment,
  };
  return { request: next, details };
}

function rollUp(current: RequestStatus, items: readonly RequestStatus[]): RequestStatus {
  if (items.every((status) => status === 'accepted')) return 'accepted';
  if (items.every((status) => status === 'provided' || status === 'accepted')) return 'provided';
  if (items.some((status) => status !== 'open') && current === 'open') return 'in-progress';
  return current === 'provided' || current === 'accepted' ? 'in-progress' : current;
}

/**
 * Files an evidence record against a request or one item; filing moves an open target to "in progress".
 * Filing the same evidence twice is a no-op (returns null), so a retried message does not double-count.
 */
export function fileEvidence(
  request: AuditRequest,
  target: RequestTarget,
  evidenceId: string,
): AuditRequest | null {
  checkItem(request, target.item);
  if (target.item === null) {
    if (request.evidenceIds.includes(evidenceId)) return null;
    const status = request.status === 'open' ? 'in-progress' : request.status;
    return { ...request, status, evidenceIds: [...request.evidenceIds, evidenceId] };
  }
  const item = request.items[target.item]!;
  if (item.evidenceIds.includes(evidenceId)) return null;
  const items = request.items.map((entry, index) =>
    index === target.item
      ? {
          ...entry,
          status: entry.status === 'open' ? ('in-progress' as const) : entry.status,
          evidenceIds: [...entry.evidenceIds, evidenceId],
        }
      : entry,
  );
  return { ...request, items, status: request.status === 'open' ? 'in-progress' : request.status };
}

/** Every evidence ID filed against the request or any of its items, without repeats. */
export function requestEvidenceIds(request: AuditRequest): string[] {
  return [...new Set([...request.evidenceIds, ...request.items.flatMap((item) => item.evidenceIds)])];
}
