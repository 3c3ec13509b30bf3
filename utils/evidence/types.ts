/** The shapes of stored evidence, shared by storage, the background and every view. */

export const ARTIFACT_ROLES = [
  'original',
  'stamped',
  'thumbnail',
  'text',
  'table',
  'dom',
  'metadata',
  'file',
] as const;
export type ArtifactRole = (typeof ARTIFACT_ROLES)[number];

export interface Artifact {
  role: ArtifactRole;
  /** File name inside the evidence folder of a bundle, e.g. `original.png`, `table-1.csv`. */
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Primary key of the bytes in the `blobs` table. */
  blobKey: string;
}

export const EVIDENCE_STATUSES = ['needs-review', 'ready', 'superseded', 'deleted'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_KINDS = ['visible', 'full-page', 'element', 'region', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const CAPTURE_TRIGGERS = ['popup', 'command', 'context-menu', 'dashboard', 'import'] as const;
export type CaptureTrigger = (typeof CAPTURE_TRIGGERS)[number];

export interface Viewport {
  width: number;
  height: number;
  devicePixelRatio: number;
}

/** Everything recorded about the moment and place of a capture (stored as metadata.json). */
export interface CaptureContext {
  evidenceId: string;
  capturedAt: string; // ISO 8601 UTC
  timeZone: string; // IANA name, e.g. Europe/Berlin
  utcOffsetMinutes: number; // local minus UTC at capture time
  url: string;
  title: string;
  capturer: string;
  /** The organisation set in Settings or by policy, when there is one. */
  organisation?: string;
  browser: { name: string; version: string };
  extensionVersion: string;
  viewport: Viewport;
  /** element-crop and region-crop: pixels cropped from captureVisibleTab; html2canvas: a DOM re-rendering. */
  method: 'captureVisibleTab' | 'element-crop' | 'region-crop' | 'html2canvas' | 'upload';
  trigger: CaptureTrigger;
  /** Every change made to the page while capturing (empty for a visible-area capture). */
  pageChanges: string[];
  notes: string[];
}

export interface EvidenceRecord {
  id: string;
  /** Assigned inside the write transaction: strictly increasing in commit order. */
  sequence: number;
  capturedAt: string;
  /** The day the evidence attests to, YYYY-MM-DD. */
  effectiveDate: string;
  url: string;
  title: string;
  /** Host name of the URL, for filtering by site. */
  site: string;
  capturer: string;
  kind: EvidenceKind;
  controls: string[];
  notes: string;
  status: EvidenceStatus;
  artifacts: Artifact[];
  /** Lower-cased words of title, URL and captured text, for the multi-entry search index. */
  words?: string[];
  /** Document control of a Stage 1 document (scope, policy, risk methodology, SoA, objectives). */
  document?: DocumentControl;
  /** Set when marked as superseded: the id of the newer evidence. */
  supersededBy?: string;
  /** Set on a tombstone: the bytes are gone, the hashes and this reason stay. */
  deletion?: Deletion;
}

export interface DocumentControl {
  version: string;
  approver: string;
  /** YYYY-MM-DD */
  approvalDate: string;
}

export interface Deletion {
  at: string;
  actor: string;
  reason: string;
}

export const CUSTODY_EVENTS = [
  'capture',
  'retag',
  'annotate',
  'supersede',
  'redact',
  'delete',
  'export',
  'import',
  'clock-anomaly',
  // A risk added, revised, removed or imported, or the risk criteria changed: the auditor sees when the
  // assessment was revised. These entries name no evidence.
  'risk-change',
  // An auditor's request changed status (who and when, and the auditor's comment when returned), or evidence
  // was filed against a request or one of its sample items.
  'request-status',
  'request-file',
  // The installation's bundle-signing key was replaced: both fingerprints, so bundles signed by either are placed.
  'key-rotation',
  // A time-stamping authority countersigned an earlier entry's hash (RFC 3161): which entry, when, by whom.
  'timestamp',
  // A person chose to sync to a team store the write-once probe found not tamper-proof: which store, and why.
  'team-store-risk-accepted',
  // An internal audit or a management review added, revised or removed, with the record before and after.
  'isms-record-change',
] as const;
export type CustodyEvent = (typeof CUSTODY_EVENTS)[number];

/** One append-only, hash-chained entry of the custody log. */
export interface CustodyEntry {
  sequence: number;
  at: string;
  event: CustodyEvent;
  evidenceId: string | null;
  actor: string;
  details: Record<string, unknown>;
  /**
   * SHA-256 of {actor, details, evidenceId}; `hash` then covers the header with it, so a bundle can withhold the
   * payload and the chain still verifies. Absent on entries written before, which are hashed whole.
   */
  payloadHash?: string;
  previousHash: string;
  hash: string;
}
