import { requestText } from '../text';
import { isOverdue, itemProgress, sortForWork } from './progress';
import { requestEvidenceIds } from './status';
import type { AuditRequest } from './types';

/** One line of an audit's request list, as the dashboard shows it. */
export interface RequestListRow {
  request: AuditRequest;
  overdue: boolean;
  items: { provided: number; total: number };
  evidenceCount: number;
}

/** The audits that have requests, in name order. */
export function requestAudits(requests: readonly AuditRequest[]): string[] {
  return [...new Set(requests.map((request) => request.audit))].sort((left, right) =>
    left.localeCompare(right, undefined, { numeric: true }),
  );
}

/** One audit's requests in working order (overdue first), each with its counts. */
export function requestListRows(
  requests: readonly AuditRequest[],
  audit: string,
  today: string,
): RequestListRow[] {
  return sortForWork(
    requests.filter((request) => request.audit === audit),
    today,
  ).map((request) => ({
    request,
    overdue: isOverdue(request, today),
    items: itemProgress(request),
    evidenceCount: requestEvidenceIds(request).length,
  }));
}

/** Something a capture can be filed against: a request, or one of its sample items. */
export interface FilingTarget {
  audit: string;
  reference: string;
  item: number | null;
  /** "R-14 (item 3 of 5)", or "R-14" for a request without items. */
  label: string;
  text: string;
  /** The request's controls: filing tags the evidence with them. */
  controls: string[];
  dueDate: string | null;
}

/** The filing choices for the popup: each item of a sample request on its own, open items only. */
export function filingTargets(requests: readonly AuditRequest[]): FilingTarget[] {
  return requests.flatMap((request): FilingTarget[] => {
    const base = {
      audit: request.audit,
      reference: request.reference,
      text: request.text,
      controls: request.controls,
      dueDate: request.dueDate,
    };
    if (request.items.length === 0) return [{ ...base, item: null, label: request.reference }];
    return request.items.flatMap((item, index) =>
      item.status === 'provided' || item.status === 'accepted'
        ? []
        : [
            {
              ...base,
              item: index,
              label: requestText.itemOf(request.reference, index + 1, request.items.length),
            },
          ],
    );
  });
}

/** The key a filing target is chosen by in a form control. */
export function filingTargetKey(target: Pick<FilingTarget, 'audit' | 'reference' | 'item'>): string {
  return JSON.stringify([target.audit, target.reference, target.item]);
}
