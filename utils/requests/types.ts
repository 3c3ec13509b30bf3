/** An auditor's request list: what the certification body asked for, request by request. */

export const REQUEST_STATUSES = ['open', 'in-progress', 'provided', 'accepted', 'returned'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses that count as answered in a list's progress. */
export const ANSWERED_STATUSES: readonly RequestStatus[] = ['provided', 'accepted'];

/** One sampled item of a sample request (a ticket ID, a month, a leaver), with its own status. */
export interface SampleItem {
  label: string;
  status: RequestStatus;
  /** The auditor's comment when the item was returned. */
  comment: string;
  /** Evidence filed against this item, in filing order. */
  evidenceIds: string[];
}

export interface AuditRequest {
  /** The reference as the auditor numbered it ('R-14'); unique within its audit. */
  reference: string;
  text: string;
  /** Annex A control IDs the request concerns, as the user confirmed them. */
  controls: string[];
  /** Which audit asked: 'Stage 2', 'Surveillance year 1' … */
  audit: string;
  /** ISO date (YYYY-MM-DD) or null when the auditor gave none. */
  dueDate: string | null;
  owner: string;
  status: RequestStatus;
  /** The auditor's comment when the request was returned. */
  comment: string;
  /** For sample requests: the population the sample was drawn from; '' otherwise. */
  population: string;
  items: SampleItem[];
  /** Evidence filed against the request itself (not one of its items), in filing order. */
  evidenceIds: string[];
}

/** The row key of a request: the same reference may recur across audits. */
export function requestKey(request: Pick<AuditRequest, 'audit' | 'reference'>): string {
  return `${request.audit}\u0000${request.reference}`;
}
