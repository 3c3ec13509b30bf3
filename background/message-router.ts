import { browser, type Browser } from 'wxt/browser';
import { toCaptureError } from '@/utils/capture/errors';
import {
  isRequest,
  type AnyRequest,
  type MessageType,
  type Protocol,
  type Reply,
} from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import {
  ValidationError,
  deleteFinding,
  saveAuditPlan,
  saveControlState,
  saveFinding,
} from '@/storage/isms-repository';
import { auditPlanWarnings } from '@/utils/coverage/audit-plan';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { refreshBadge } from './badge';
import { cancelCapture, captureFullPageAndStore } from './full-page';
import { captureTabAndStore } from './capture-service';
import { handlePickerMessage, startElementPicker } from './element-picker';
import { asPickerMessage } from '@/utils/messages/picker';
import { saveMaskingSettings } from '@/platform/masking-settings';
import { saveFrameworkScope } from '@/platform/framework-settings';
import { MAPPED_ENTRY_IDS } from '@/utils/crosswalk/framework-catalogue';
import { readEffectiveCapturer, saveOwnSettings } from '@/platform/effective-settings';
import { deleteEvidence, editEvidence, supersedeEvidence } from '@/storage/evidence-edits';
import { addDroppedFile } from './file-evidence-service';
import {
  deleteInternalAudit,
  deleteManagementReview,
  saveInternalAudit,
  saveManagementReview,
} from '@/storage/isms-records-repository';
import { redactEvidence } from './redaction-service';
import { storageErrorText, teamViewText } from '@/utils/text';
import { saveTimestampSettings } from '@/platform/timestamp-settings';
import { rotateSigningKey } from '@/storage/signing-keys';
import { retryTimestamps, stampTagManifest } from './timestamps/stamp-queue';
import { readTeamStore, removeTeamStore, saveTeamStore, storeConfigOf } from '@/platform/team-store-settings';
import { pullFromTeamStore } from './team-pull';
import { acceptNotTamperProof, probeTeamStore, requestSync, retrySyncNow } from './sync-runner';
import { StoreError } from '@/utils/team-store/s3-client';
import { teamStoreProblems } from '@/utils/team-store/settings-check';
import type { TeamStoreSaveOutcome } from '@/utils/messages/protocol';
import { deleteRisk, saveRisk, saveRiskCriteria } from '@/storage/risk-repository';
import { RequestChangeError } from '@/utils/requests/status';
import {
  fileAgainstRequest,
  importRequests,
  saveRequest,
  setRequestStatus,
} from '@/storage/request-repository';

const KNOWN_IDS = new Set(DEFAULT_CATALOGUE.items.map((item) => item.id));
// Evidence may be tagged with an ISO ID or, directly, with a SOC 2 criterion or a NIST CSF subcategory.
const TAG_IDS = new Set([...KNOWN_IDS, ...MAPPED_ENTRY_IDS]);
/** Risks are treated by Annex A controls, never by clauses. */
const ANNEX_A_IDS = new Set(
  DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'control').map((item) => item.id),
);
const now = () => new Date().toISOString();

type Handlers = { [T in MessageType]: (payload: Protocol[T]['request']) => Promise<Protocol[T]['response']> };

const handlers: Handlers = {
  captureTab: ({ tabId, trigger }) => captureTabAndStore(tabId, trigger),
  captureFullPage: ({ tabId, trigger }) => captureFullPageAndStore(tabId, trigger),
  startElementPicker: ({ tabId, trigger }) => startElementPicker(tabId, trigger),
  cancelCapture: async ({ tabId }) => ({ cancelled: cancelCapture(tabId) }),
  saveMaskingSettings: (change) => saveMaskingSettings(getDatabase(), change),
  saveFrameworkScope: ({ optional }) => saveFrameworkScope(getDatabase(), optional ?? []),
  saveControlState: (state) => saveControlState(getDatabase(), state, KNOWN_IDS, now()),
  async saveAuditPlan(plan) {
    const { errors, warnings } = auditPlanWarnings(plan);
    const saved = await saveAuditPlan(getDatabase(), { ...plan, id: 'current', updatedAt: now() }, errors);
    return { plan: saved, warnings };
  },
  saveFinding: (finding) => saveFinding(getDatabase(), finding, KNOWN_IDS, now()),
  async deleteFinding({ id }) {
    await deleteFinding(getDatabase(), id);
    return null;
  },
  async saveInternalAudit(audit) {
    const db = getDatabase();
    return saveInternalAudit(db, audit, await readEffectiveCapturer(db), now());
  },
  async deleteInternalAudit({ id }) {
    const db = getDatabase();
    await deleteInternalAudit(db, String(id), await readEffectiveCapturer(db), now());
    return null;
  },
  async saveManagementReview(review) {
    const db = getDatabase();
    return saveManagementReview(db, review, await readEffectiveCapturer(db), now());
  },
  async deleteManagementReview({ id }) {
    const db = getDatabase();
    await deleteManagementReview(db, String(id), await readEffectiveCapturer(db), now());
    return null;
  },
  saveSettings: (settings) => saveOwnSettings(getDatabase(), settings),
  async editEvidence({ evidenceId, ...edit }) {
    const db = getDatabase();
    const record = await editEvidence(db, evidenceId, edit, await readEffectiveCapturer(db), now(), {
      knownControlIds: TAG_IDS,
    });
    void refreshBadge();
    return record;
  },
  async supersedeEvidence({ evidenceId, supersededBy, note }) {
    const db = getDatabase();
    const record = await supersedeEvidence(
      db,
      evidenceId,
      supersededBy,
      await readEffectiveCapturer(db),
      now(),
      note,
    );
    void refreshBadge();
    return record;
  },
  async deleteEvidence({ evidenceId, reason, removeDescription }) {
    const db = getDatabase();
    const record = await deleteEvidence(db, evidenceId, reason, await readEffectiveCapturer(db), now(), {
      removeDescription,
    });
    void refreshBadge();
    return record;
  },
  addFileEvidence: (request) => addDroppedFile(request, TAG_IDS),
  async redactEvidence({ evidenceId, rectangles }) {
    const db = getDatabase();
    return redactEvidence(db, evidenceId, rectangles, await readEffectiveCapturer(db), now());
  },
  async saveTimestampSettings(change) {
    const view = await saveTimestampSettings(getDatabase(), change);
    void retryTimestamps();
    return view;
  },
  timestampTagManifest: ({ text }) => stampTagManifest(text),
  async rotateSigningKey({ reason }) {
    const db = getDatabase();
    const key = await rotateSigningKey(db, await readEffectiveCapturer(db), reason.trim(), now());
    return { fingerprint: key.fingerprint };
  },
  async saveTeamStore({ secretAccessKey, ...fields }) {
    const problems = teamStoreProblems(fields);
    if (problems.length > 0) throw new ValidationError(problems);
    await saveTeamStore(fields, secretAccessKey);
    await retrySyncNow();
    return probeOutcome();
  },
  probeTeamStore: () => probeOutcome(),
  async pullTeamStore() {
    const store = await readTeamStore();
    if (!store.complete) throw new Error(teamViewText.notConfigured);
    return pullFromTeamStore(getDatabase(), storeConfigOf(store));
  },
  async acceptTeamStoreRisk() {
    await acceptNotTamperProof();
    return null;
  },
  async removeTeamStore() {
    await removeTeamStore();
    return null;
  },
  async retrySync() {
    void retrySyncNow();
    return null;
  },
  async requestSync() {
    void requestSync();
    return null;
  },
  async saveRisk({ risk }) {
    const db = getDatabase();
    return saveRisk(db, risk, ANNEX_A_IDS, await readEffectiveCapturer(db), now());
  },
  async deleteRisk({ id }) {
    const db = getDatabase();
    await deleteRisk(db, id, await readEffectiveCapturer(db), now());
    return null;
  },
  async saveRiskCriteria({ criteria }) {
    const db = getDatabase();
    return saveRiskCriteria(db, criteria, await readEffectiveCapturer(db), now());
  },
  async importRequests({ requests }) {
    await importRequests(getDatabase(), requests, now());
    return { written: requests.length };
  },
  async saveRequest({ request, replacing }) {
    await saveRequest(getDatabase(), request, replacing, now());
    return request;
  },
  async setRequestStatus({ audit, reference, item, status, comment }) {
    const db = getDatabase();
    const actor = await readEffectiveCapturer(db);
    return setRequestStatus(db, { audit, reference }, { item }, status, comment, actor, now());
  },
  async fileAgainstRequest({ audit, reference, item, evidenceId }) {
    const db = getDatabase();
    const actor = await readEffectiveCapturer(db);
    const request = await fileAgainstRequest(db, { audit, reference }, { item }, evidenceId, actor, now());
    void refreshBadge();
    return request;
  },
};

/** The write-once probe's result, or why the store could not be reached, in words. */
async function probeOutcome(): Promise<TeamStoreSaveOutcome> {
  try {
    const { mode, days, ...rest } = await probeTeamStore();
    return {
      ok: true,
      probe: { ...rest, at: new Date().toISOString(), ...(mode ? { mode } : {}), ...(days ? { days } : {}) },
    };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, sentence: error.message };
    throw error;
  }
}

/** Only the extension's own pages may send privileged messages; content scripts and web pages may not. */
export function isTrustedSender(sender: Browser.runtime.MessageSender): boolean {
  const extensionOrigin = browser.runtime.getURL('/');
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extensionOrigin)
  );
}

export async function routeMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Reply<MessageType>> {
  // The one message a content script may send: checked against the tab's picker session, not the sender's origin.
  const picker = asPickerMessage(message);
  if (picker) {
    const reply = (await handlePickerMessage(picker, sender)) as Reply<MessageType>;
    void requestSync();
    return reply;
  }
  if (!isTrustedSender(sender)) {
    return { ok: false, error: storageErrorText.notTrusted };
  }
  if (!isRequest(message)) return { ok: false, error: storageErrorText.unknownMessage };
  try {
    const handler = handlers[message.type] as (payload: AnyRequest['payload']) => Promise<unknown>;
    const value = await handler(message.payload);
    // Every write appends custody entries: the runner queues and uploads them (nothing without a team store).
    void requestSync();
    return { ok: true, value } as Reply<MessageType>;
  } catch (error) {
    if (error instanceof ValidationError || error instanceof RequestChangeError)
      return { ok: false, error: error.message };
    return {
      ok: false,
      error:
        message.type === 'captureTab' ||
        message.type === 'captureFullPage' ||
        message.type === 'startElementPicker'
          ? toCaptureError(error).message
          : errorSentence(error),
    };
  }
}

function errorSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/QuotaExceeded|quota|FILE_ERROR_NO_SPACE|No space left/i.test(text))
    return storageErrorText.notSavedDiskFull;
  return storageErrorText.notSaved(text);
}
