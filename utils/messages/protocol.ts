import type { CaptureTrigger, DocumentControl, EvidenceRecord } from '../evidence/types';
import type { AuditPlan, ControlState, Finding, Settings } from '../isms/types';
import type {
  InternalAudit,
  InternalAuditInput,
  ManagementReview,
  ManagementReviewInput,
} from '../isms-records/types';
import type { MaskingRule, MaskingSettings } from '../masking/types';
import type { FractionRect } from '../redaction/rectangles';
import type { EffectiveTimestamps, TimestampSettings } from '../timestamp/settings';
import type { SavedProbe } from '../team-store/settings-check';
import type { MappedFrameworkId } from '../crosswalk/framework-catalogue';
import type { EffectiveFrameworks } from '../settings/frameworks';
import type { Risk, RiskCriteria } from '../risk/types';
import type { AuditRequest, RequestStatus } from '../requests/types';
import type { Suggestion } from '../rules/suggest';

/**
 * The one message protocol between extension pages and the background. Each entry maps a verbNoun
 * message to its request and response. Only the background handles these, and only from extension pages.
 */
export interface Protocol {
  captureTab: {
    request: { tabId: number; trigger: CaptureTrigger };
    response: CaptureOutcome;
  };
  /** Scrolls the page (or its scrolling pane) and stitches browser tiles; progress comes as `captureProgress` broadcasts. */
  captureFullPage: {
    request: { tabId: number; trigger: CaptureTrigger };
    response: CaptureOutcome;
  };
  /**
   * Opens the element and region picker in the tab; the popup then closes so the user can pick. The capture
   * itself happens when the picker answers (see utils/messages/picker.ts) and is stored for review.
   */
  startElementPicker: {
    request: { tabId: number; trigger: CaptureTrigger };
    response: { started: true };
  };
  /** Stops a running full-page capture of the tab: nothing is stored and the page is put back. */
  cancelCapture: { request: { tabId: number }; response: { cancelled: boolean } };
  /** Masking on or off for every capture (and, optionally, the rules). */
  saveMaskingSettings: { request: { enabled: boolean; rules?: MaskingRule[] }; response: MaskingSettings };
  /** The frameworks in scope besides ISO/IEC 27001 (which always is). */
  saveFrameworkScope: { request: { optional: MappedFrameworkId[] }; response: EffectiveFrameworks };
  saveControlState: { request: Omit<ControlState, 'updatedAt'>; response: ControlState };
  /** Refused (with the reasons) when the dates are impossible; warnings come back with the saved plan. */
  saveAuditPlan: {
    request: Omit<AuditPlan, 'id' | 'updatedAt'>;
    response: { plan: AuditPlan; warnings: string[] };
  };
  saveFinding: { request: Omit<Finding, 'createdAt' | 'updatedAt'>; response: Finding };
  deleteFinding: { request: { id: string }; response: null };
  /** The internal audit programme and management reviews; each change writes a chained custody entry. */
  saveInternalAudit: { request: InternalAuditInput; response: InternalAudit };
  deleteInternalAudit: { request: { id: string }; response: null };
  saveManagementReview: { request: ManagementReviewInput; response: ManagementReview };
  deleteManagementReview: { request: { id: string }; response: null };
  saveSettings: { request: Omit<Settings, 'id'>; response: Settings };
  /** Library corrections; each writes chained custody entries. */
  editEvidence: { request: EvidenceEditRequest; response: EvidenceRecord };
  supersedeEvidence: {
    request: { evidenceId: string; supersededBy: string; note: string };
    response: EvidenceRecord;
  };
  /** Removes the bytes and keeps a tombstone with the hashes and the reason. */
  deleteEvidence: {
    request: { evidenceId: string; reason: string; removeDescription: boolean };
    response: EvidenceRecord;
  };
  /**
   * Blacks out rectangles (fractions of the first image) in a capture's pixels: original, stamped and
   * thumbnail are re-rendered and replaced, with a `redact` custody entry. Text is not changed.
   */
  redactEvidence: {
    request: { evidenceId: string; rectangles: FractionRect[] };
    response: { evidence: EvidenceRecord; thumbnailDataUrl: string };
  };
  /** One risk of the register, created or revised; a `risk-change` custody entry keeps before and after. */
  saveRisk: { request: { risk: Risk }; response: Risk };
  deleteRisk: { request: { id: string }; response: null };
  /** Scales, level combination, threshold, Stage 2 level and review interval; logged like a risk change. */
  saveRiskCriteria: { request: { criteria: RiskCriteria }; response: RiskCriteria };
  /** A dropped or pasted file: the page passes a blob: URL of its own origin, the background reads and hashes it. */
  addFileEvidence: { request: AddFileEvidenceRequest; response: EvidenceRecord };
  /**
   * The time-stamping authority, the disagreement tolerance and the trusted CA certificates (an empty URL turns
   * timestamps off). The page asked for the authority's origin first, in the click that saves.
   */
  saveTimestampSettings: { request: TimestampSettings; response: EffectiveTimestamps };
  /**
   * Stamps an export's tag manifest (the text, as written into the bag) at the configured authority; the
   * verified reply comes back as base64 DER. `null` when no authority is set; a problem when it cannot be had.
   */
  timestampTagManifest: { request: { text: string }; response: TagManifestStamp | null };
  /**
   * Retires the installation's signing key (its private half is deleted, its public half stays known on import)
   * and makes a new one; a `key-rotation` custody entry names both fingerprints and the reason.
   */
  rotateSigningKey: { request: { reason: string }; response: { fingerprint: string } };
  /**
   * Saves the team store's settings (the page asked for the endpoint's origin first) and runs the write-once
   * probe; an empty secret keeps the saved one. The answer never holds the secret.
   */
  saveTeamStore: { request: TeamStoreSaveRequest; response: TeamStoreSaveOutcome };
  /** Runs the write-once probe again on the saved settings. */
  probeTeamStore: { request: Record<string, never>; response: TeamStoreSaveOutcome };
  /** Sync to a store that is not tamper-proof, accepted by the person: a custody entry records it. */
  acceptTeamStoreRisk: { request: Record<string, never>; response: null };
  /** Forgets the team store's settings and secret here; the queue stays. */
  removeTeamStore: { request: Record<string, never>; response: null };
  /**
   * The compliance lead's pull of the team store into the team cache, run by the background (which alone holds
   * the secret); the page follows the progress the pull writes to the cache.
   */
  pullTeamStore: {
    request: Record<string, never>;
    response: { fetched: number; verified: number; findings: number };
  };
  /** Blocked and waiting uploads try again now. */
  retrySync: { request: Record<string, never>; response: null };
  /** The page wrote evidence itself (an import): queue and upload it. */
  requestSync: { request: Record<string, never>; response: null };
  /** A request list the user confirmed in the import preview, written in one transaction. */
  importRequests: { request: { requests: AuditRequest[] }; response: { written: number } };
  /** A request created or edited by hand; `replacing` is its key before the edit (null when new). */
  saveRequest: {
    request: { request: AuditRequest; replacing: RequestKey | null };
    response: AuditRequest;
  };
  /** A request's or one item's status; writes a `request-status` custody entry with who and when. */
  setRequestStatus: {
    request: RequestKey & { item: number | null; status: RequestStatus; comment: string };
    response: AuditRequest;
  };
  /** Files evidence against a request or one item, adding the request's controls to the evidence. */
  fileAgainstRequest: {
    request: RequestKey & { item: number | null; evidenceId: string };
    response: AuditRequest;
  };
}

/** A request's identity: the same reference may recur across audits. */
export interface RequestKey {
  audit: string;
  reference: string;
}

export type TagManifestStamp =
  | {
      ok: true;
      replyBase64: string;
      genTime: string;
      signer: string;
      certificatesPem: string[];
      authority: string;
    }
  | { ok: false; problem: string };

export interface TeamStoreSaveRequest {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  pathStyle: boolean;
  accessKeyId: string;
  /** Empty keeps the saved secret. */
  secretAccessKey: string;
}

/** What saving found: the probe's result, or the failure in words (settings are saved either way). */
export type TeamStoreSaveOutcome =
  { ok: true; probe: Omit<SavedProbe, 'target'> } | { ok: false; sentence: string };

export interface EvidenceEditRequest {
  evidenceId: string;
  controls?: string[];
  notes?: string;
  effectiveDate?: string;
  status?: 'needs-review' | 'ready';
  /** null removes the document control. */
  document?: DocumentControl | null;
}

export interface AddFileEvidenceRequest {
  blobUrl: string;
  fileName: string;
  lastModified: number;
  controls: string[];
  notes: string;
  effectiveDate: string;
  document?: DocumentControl;
}

export type MessageType = keyof Protocol;

/** Broadcast by the background while a full-page capture runs (not a request: nobody answers it). */
export interface CaptureProgress {
  type: 'captureProgress';
  tabId: number;
  tilesDone: number;
  tilesPlanned: number;
}

export interface CaptureOutcome {
  evidence: EvidenceRecord;
  /** Controls the rules suggest, best first; the pre-ticked ones are already on the record. */
  suggestedControls: string[];
  /** The same suggestions with their reasons, for the tagging view (absent from older callers). */
  suggestions?: Suggestion[];
  /** A small PNG data URL for the tagging view. */
  thumbnailDataUrl: string;
  /** With masking on: what it could not scan (frames of other origins, by origin), for the tagging view. */
  maskingWarnings?: string[];
}

export type Request<T extends MessageType> = { type: T; payload: Protocol[T]['request'] };
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

export type Reply<T extends MessageType> =
  { ok: true; value: Protocol[T]['response'] } | { ok: false; error: string };

const MESSAGE_TYPES: Record<MessageType, true> = {
  captureTab: true,
  captureFullPage: true,
  startElementPicker: true,
  cancelCapture: true,
  saveMaskingSettings: true,
  saveFrameworkScope: true,
  saveControlState: true,
  saveAuditPlan: true,
  saveFinding: true,
  deleteFinding: true,
  saveInternalAudit: true,
  deleteInternalAudit: true,
  saveManagementReview: true,
  deleteManagementReview: true,
  saveSettings: true,
  editEvidence: true,
  supersedeEvidence: true,
  deleteEvidence: true,
  addFileEvidence: true,
  redactEvidence: true,
  saveTimestampSettings: true,
  timestampTagManifest: true,
  rotateSigningKey: true,
  saveTeamStore: true,
  probeTeamStore: true,
  acceptTeamStoreRisk: true,
  removeTeamStore: true,
  pullTeamStore: true,
  retrySync: true,
  requestSync: true,
  saveRisk: true,
  deleteRisk: true,
  saveRiskCriteria: true,
  importRequests: true,
  saveRequest: true,
  setRequestStatus: true,
  fileAgainstRequest: true,
};

export function isRequest(message: unknown): message is AnyRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    Object.hasOwn(MESSAGE_TYPES, (message as { type: string }).type) &&
    typeof (message as { payload?: unknown }).payload === 'object'
  );
}
