/** The shapes shared by the bundle writer, the verifier, the import and the export and import views. */
import type { Catalogue } from '../catalogue/types';
import type { CoverageStatus } from '../coverage/types';
import type {
  Artifact,
  ArtifactRole,
  CustodyEntry,
  EvidenceKind,
  EvidenceRecord,
  EvidenceStatus,
} from '../evidence/types';
import type { AuditPlan, ControlState, Finding } from '../isms/types';
import type { BundleRiskRegister } from './risk-files';
import type { BundleIsmsRecords } from './records-files';
import type { BundleRequests } from './requests';
import type { MappedFrameworkId } from '../crosswalk/framework-catalogue';

/** One evidence record on its way into a bundle; its bytes are read only when they are written. */
export interface BundleEvidence {
  record: EvidenceRecord;
  /** Opens the stored bytes of one artifact. Called once per artifact, right before it is written. */
  readArtifact: (artifact: Artifact) => Promise<Blob>;
  /** The capture's trusted time stamp, or that it is still awaited; absent when it was never asked for. */
  timestamp?: BundleTimestamp | undefined;
}

export interface BundleProgress {
  /** Files written so far (payload and tag files). */
  files: number;
  /** Uncompressed bytes written so far. */
  bytes: number;
}

export interface BundleEstimate {
  evidence: number;
  files: number;
  /** Uncompressed bytes; the zip is about this size because PNGs are stored, not compressed. */
  bytes: number;
}

/** One line of the readiness summary at the top of the report, e.g. Stage 1 or Stage 2. */
export interface ReadinessLine {
  label: string;
  ready: boolean;
  details: string[];
}

export interface BundleSummary {
  /** The folder inside the zip, e.g. `isms-evidence_acme-gmbh_2025-06-30`. */
  name: string;
  organisation: string;
  baggingDate: string;
  externalDescription: string;
  evidenceCount: number;
  artifactCount: number;
  payloadFiles: number;
  payloadBytes: number;
  custodyEntries: number;
  /** Hash of the last entry of the bundle's custody log; null when the log is empty. */
  lastCustodyHash: string | null;
  /** Entries whose payload the bundle withholds (they are about evidence outside it). */
  custodyWithheld: number;
  /** The signature over the tag manifest as checked: who signed, or that nobody did. */
  signature: BundleSignature;
  /** The trusted time stamps as checked: captures with a verified token, the tag manifest's time; absent: none. */
  timestamps?: { captures: number; tagManifest: string | null };
  encrypted: boolean;
}

/**
 * A bundle's signature after the verifier checked it. `signer` is the label of a key this installation knows
 * (its own, one it retired, one the organisation's policy pins) and null for a key it does not know.
 */
export type BundleSignature =
  | { state: 'unsigned' }
  | {
      state: 'signed';
      algorithm: string;
      /** Plain lower-case hex. */
      fingerprint: string;
      signer: string | null;
      /** Whether the organisation's policy pins this key; `no-pins` when the policy pins none. */
      pin: 'pinned' | 'not-pinned' | 'no-pins';
    };

export type VerifyFailure = {
  ok: false;
  problems: string[];
  /** The bundle is encrypted and no passphrase, or a wrong one, was given. */
  needsPassword?: boolean;
};

export interface ImportConflict {
  evidenceId: string;
  reason: string;
}

/** What an import did; the database changed only if `added` is not empty or a custody entry was written. */
export interface ImportOutcome {
  bundle: string;
  added: string[];
  skipped: string[];
  conflicts: ImportConflict[];
  /** What the bundle's risk register added here; absent when the bundle has none. */
  risks?: { added: string[]; kept: number; unreadable: number };
  /**
   * What the bundle's internal audits and management reviews restored here; absent when it has neither
   * table. `unlinked` says, one sentence each, which report, minutes or finding was not held here.
   */
  ismsRecords?: { added: string[]; kept: number; unlinked: string[] };
}

/** The ISMS records a bundle reports on besides the evidence itself. */
export interface BundleContext {
  organisation: string;
  /** YYYY-MM-DD, the day in the bundle's name. */
  baggingDate: string;
  /** ISO 8601 UTC. */
  generatedAt: string;
  generator: { name: string; version: string };
  /** The audit window the evidence was filtered to (on its effective date). */
  window: { start: string | null; end: string | null };
  plan: AuditPlan | null;
  catalogue: Catalogue;
  /** The controls the export was filtered to; null when it was not. */
  controlScope: readonly string[] | null;
  controlStates: readonly ControlState[];
  /** Coverage by control id, from the coverage engine; a missing id is shown as unknown. */
  coverage: Readonly<Record<string, CoverageStatus>>;
  readiness: readonly ReadinessLine[];
  /** False leaves the readiness self-assessment out of index.html (the compliance lead's choice); default true. */
  includeReadiness?: boolean;
  findings: readonly Finding[];
  /** The whole custody log: a chain only verifies from its first entry. */
  custody: readonly CustodyEntry[];
  /** The risk register and its trace; absent, the bundle has neither risk file nor section. */
  riskRegister?: BundleRiskRegister;
  /** The internal audits and management reviews; absent, the bundle has neither CSV. */
  ismsRecords?: BundleIsmsRecords;
  /** The request list the export was chosen by ("evidence for request list X"); absent otherwise. */
  requests?: BundleRequests;
  /** The frameworks in scope besides ISO: one register and one index section each. Absent or empty: ISO alone. */
  frameworks?: readonly MappedFrameworkId[];
}

/** A file of the bag as the report, the register and the manifest see it. */
export interface WrittenFile {
  role: ArtifactRole | 'record';
  name: string;
  /** Relative to the bag's `data/` folder, e.g. `evidence/EV-20250101-ABCDEF/original.png`. */
  path: string;
  size: number;
  sha256: string;
}

/** What the report and the register need of one bundled evidence record (its bytes are long gone). */
export interface WrittenEvidence {
  id: string;
  title: string;
  url: string;
  capturedAt: string;
  effectiveDate: string;
  capturer: string;
  kind: EvidenceKind;
  status: EvidenceStatus;
  notes: string;
  controls: string[];
  files: WrittenFile[];
  /** The capture's trusted time; absent when the bundle carries no time stamps at all. */
  timestamp?: WrittenTimestamp;
}

/**
 * Signs the bag's tag manifest with the installation's key. The private key never leaves the signer: the
 * writer hands it the tag manifest's bytes and writes what comes back (raw Ed25519, DER ECDSA: what openssl reads).
 */
export interface BundleSigner {
  /** `Ed25519` or `ECDSA-P256-SHA256`, written into bag-info.txt. */
  algorithm: string;
  publicKeyPem: string;
  /** SHA-256 of the public key's SPKI bytes, any grouping. */
  fingerprint: string;
  sign: (data: Uint8Array) => Promise<Uint8Array>;
}

/** A tag file made over the finished tag manifest (so no manifest lists it), e.g. `signature/bag.sig`. */
export interface SealFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * A capture's RFC 3161 time-stamp token on its way into a bundle: the exact bytes it stamps (the capture's
 * custody entry header, see utils/timestamp/subject.ts) and the authority's DER reply; or the fact that it was
 * asked for and has not arrived yet.
 */
export type BundleTimestamp =
  | {
      state: 'stamped';
      stampedText: string;
      reply: Uint8Array;
      /** The authority's time, ISO 8601 UTC. */
      genTime: string;
      signer: string;
      certificatesPem: readonly string[];
    }
  | { state: 'pending' };

/** What the report shows of one capture's trusted time; `none` for a capture never stamped. */
export type WrittenTimestamp =
  | {
      state: 'stamped';
      genTime: string;
      /** The local clock's time in the stamped custody entry. */
      localTime: string;
      /** Trusted minus local time, in whole seconds. */
      differenceSeconds: number;
      /** The difference is beyond the tolerance. */
      flagged: boolean;
      toleranceMinutes: number;
      signer: string;
      /** Relative to data/, like WrittenFile.path. */
      dataPath: string;
      tokenPath: string;
    }
  | { state: 'pending' }
  | { state: 'none' };

/** The tag manifest's token as the authority answered at export time, or why there is none. */
export type TagManifestToken =
  | { ok: true; reply: Uint8Array; genTime: string; certificatesPem: readonly string[] }
  | { ok: false; problem: string };

/** Trusted time stamps in an export: how index.html judges them and how the tag manifest is stamped. */
export interface BundleTimestamping {
  /** Minutes of disagreement between a capture's local and trusted time beyond which it is flagged. */
  toleranceMinutes: number;
  /** CA certificates the organisation trusts for its authority (PEM, may be empty): first in the chain file. */
  trustedPem: string;
  /** Stamps the finished tag manifest; absent when no authority is configured now. */
  stampTagManifest?: ((tagManifest: Uint8Array) => Promise<TagManifestToken>) | undefined;
}

/** What an export's time stamps came to, for the export page and the custody log. */
export interface WrittenTimestamps {
  stamped: number;
  pending: number;
  /** Records with neither token nor request (captured before an authority was configured). */
  unstamped: number;
  tagManifest:
    { state: 'stamped'; genTime: string } | { state: 'unstamped'; problem: string } | { state: 'off' };
}
