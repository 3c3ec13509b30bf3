import type { CaptureTrigger, EvidenceRecord, EvidenceStatus } from '../evidence/types';
import type { AuditPlan, ControlState, Finding, Settings } from '../isms/types';

/**
 * The one message protocol between extension pages and the background. Each entry maps a verbNoun
 * message to its request and response. Only the background handles these, and only from extension pages.
 */
export interface Protocol {
  captureTab: {
    request: { tabId: number; trigger: CaptureTrigger };
    response: CaptureOutcome;
  };
  tagEvidence: {
    request: {
      evidenceId: string;
      controls: string[];
      notes: string;
      effectiveDate: string;
      status: Exclude<EvidenceStatus, 'deleted'>;
    };
    response: EvidenceRecord;
  };
  saveControlState: { request: Omit<ControlState, 'updatedAt'>; response: ControlState };
  /** Refused (with the reasons) when the dates are impossible; warnings come back with the saved plan. */
  saveAuditPlan: { request: Omit<AuditPlan, 'id' | 'updatedAt'>; response: { plan: AuditPlan; warnings: string[] } };
  saveFinding: { request: Omit<Finding, 'createdAt' | 'updatedAt'>; response: Finding };
  deleteFinding: { request: { id: string }; response: null };
  saveSettings: { request: Omit<Settings, 'id'>; response: Settings };
}

export type MessageType = keyof Protocol;

export interface CaptureOutcome {
  evidence: EvidenceRecord;
  /** Controls the rules suggested (already applied to the record). */
  suggestedControls: string[];
  /** A small PNG data URL for the tagging view. */
  thumbnailDataUrl: string;
}

export type Request<T extends MessageType> = { type: T; payload: Protocol[T]['request'] };
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

export type Reply<T extends MessageType> =
  | { ok: true; value: Protocol[T]['response'] }
  | { ok: false; error: string };

const MESSAGE_TYPES: Record<MessageType, true> = {
  captureTab: true,
  tagEvidence: true,
  saveControlState: true,
  saveAuditPlan: true,
  saveFinding: true,
  deleteFinding: true,
  saveSettings: true,
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
