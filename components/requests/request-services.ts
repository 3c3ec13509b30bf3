import type { RequestKey } from '@/utils/messages/protocol';
import type { AuditRequest, RequestStatus } from '@/utils/requests/types';

/** A piece of evidence as a request's page lists it; `found` is false when it is no longer stored. */
export interface RequestEvidence {
  id: string;
  title: string;
  capturedAt: string;
  found: boolean;
}

/** What the Requests section does outside itself: writes through the background, reads evidence titles. */
export interface RequestServices {
  importRequests: (requests: AuditRequest[]) => Promise<void>;
  saveRequest: (request: AuditRequest, replacing: RequestKey | null) => Promise<void>;
  setStatus: (key: RequestKey, item: number | null, status: RequestStatus, comment: string) => Promise<void>;
  readEvidence: (ids: readonly string[]) => Promise<RequestEvidence[]>;
}
