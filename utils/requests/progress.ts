import { ANSWERED_STATUSES, type AuditRequest } from './types';

export interface RequestListProgress {
  provided: number;
  total: number;
  overdue: number;
}

export function isAnswered(request: Pick<AuditRequest, 'status'>): boolean {
  return ANSWERED_STATUSES.includes(request.status);
}

/** Due before today (YYYY-MM-DD) and not yet provided or accepted; a returned request is open again. */
export function isOverdue(request: AuditRequest, today: string): boolean {
  return request.dueDate !== null && request.dueDate < today && !isAnswered(request);
}

export function requestListProgress(requests: readonly AuditRequest[], today: string): RequestListProgress {
  let provided = 0;
  let overdue = 0;
  for (const request of requests) {
    if (isAnswered(request)) provided++;
    if (isOverdue(request, today)) overdue++;
  }
  return { provided, total: requests.length, overdue };
}

// One collator for every comparison: localeCompare with options builds a new one per call, which costs
// most of the time of sorting a list of thousands. Made on the first sort, not when the module loads: the
// first collator of a page loads the collation data, which the popup's first paint must not wait for.
let referenceOrder: Intl.Collator | undefined;
const compareReferences = (left: string, right: string) =>
  (referenceOrder ??= new Intl.Collator(undefined, { numeric: true })).compare(left, right);

/** Overdue first, then open work by due date (no date last), answered requests at the end; ties by reference. */
export function sortForWork(requests: readonly AuditRequest[], today: string): AuditRequest[] {
  const rank = (request: AuditRequest) => (isOverdue(request, today) ? 0 : isAnswered(request) ? 2 : 1);
  const keyed = requests.map((request) => ({ request, rank: rank(request), due: request.dueDate ?? '9999' }));
  keyed.sort(
    (left, right) =>
      left.rank - right.rank ||
      (left.due < right.due ? -1 : left.due > right.due ? 1 : 0) ||
      compareReferences(left.request.reference, right.request.reference),
  );
  return keyed.map((entry) => entry.request);
}

/** Requests the capturer owns that are not answered and due within `days` (or overdue), most urgent first. */
export function dueForCapturer(
  requests: readonly AuditRequest[],
  capturer: string,
  today: string,
  horizon: string,
): AuditRequest[] {
  const name = capturer.trim().toLowerCase();
  const mine = requests.filter(
    (request) =>
      name !== '' &&
      request.owner.trim().toLowerCase() === name &&
      !isAnswered(request) &&
      (request.dueDate === null || request.dueDate <= horizon),
  );
  return sortForWork(mine, today);
}

/** A sample request's items provided / total; a request without items counts as one item. */
export function itemProgress(request: AuditRequest): { provided: number; total: number } {
  if (request.items.length === 0) return { provided: isAnswered(request) ? 1 : 0, total: 1 };
  return {
    provided: request.items.filter((item) => isAnswered(item)).length,
    total: request.items.length,
  };
}
