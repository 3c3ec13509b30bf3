import type { RequestServices } from '@/components/requests/request-services';
import { sendMessage } from '@/platform/messaging';
import type { EvidenceDatabase } from '@/storage/db';
import { readEvidenceTitles } from '@/storage/request-repository';

/** The Requests section's services: writes go through the background, evidence titles are read here. */
export function createRequestServices(db: EvidenceDatabase): RequestServices {
  return {
    importRequests: async (requests) => {
      await sendMessage('importRequests', { requests });
    },
    saveRequest: async (request, replacing) => {
      await sendMessage('saveRequest', { request, replacing });
    },
    setStatus: async ({ audit, reference }, item, status, comment) => {
      await sendMessage('setRequestStatus', { audit, reference, item, status, comment });
    },
    readEvidence: (ids) => readEvidenceTitles(db, ids),
  };
}
