import { Dexie, type EntityTable } from 'dexie';
import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import type { AuditPlan, ControlState, Finding, MappingRule, Settings } from '@/utils/isms/types';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import type { AuditRequest } from '@/utils/requests/types';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import { SCHEMA_V1 } from './migrations/v1';
import { SCHEMA_V2 } from './migrations/v2';
import { SCHEMA_V3 } from './migrations/v3';
import { SCHEMA_V4 } from './migrations/v4';
import { SCHEMA_V6 } from './migrations/v6';
import { SCHEMA_V9 } from './migrations/v9';
import type { TimestampTokenRow } from './timestamps';
import type { PendingTimestamp } from '@/utils/timestamp/backoff';
import { SCHEMA_V7 } from './migrations/v7';
import { SCHEMA_V8 } from './migrations/v8';
import { SCHEMA_V11 } from './migrations/v11';
import { SCHEMA_V12 } from './migrations/v12';
import type { SyncJobRow, SyncStateRow } from './sync-queue';
import type { SigningKeyRow } from './signing-keys';
import type {
  TeamBlobRow,
  TeamCustodyRow,
  TeamInstallationRow,
  TeamRecordRow,
  TeamStateRow,
  TeamVersionRow,
} from './team-cache';

export interface BlobRow {
  key: string;
  evidenceId: string;
  data: Blob;
}

/** Per-control digest of evidence, maintained in every write transaction, so coverage never loads evidence rows. */
export interface CoverageIndexRow {
  controlId: string;
  items: CoverageIndexItem[];
}

export interface CoverageIndexItem {
  evidenceId: string;
  effectiveDate: string;
  status: EvidenceRecord['status'];
}

/** A stored request: its key, and the evidence filed against it or any item, flattened for the index. */
export interface RequestRow extends AuditRequest {
  id: string;
  allEvidenceIds: string[];
  updatedAt: string;
}

export const DATABASE_NAME = 'isms-evidence';

/**
 * The one database of the extension, in the extension's origin. Three runtimes write to it: the background
 * (captures and edits), the export page (the export's custody entry) and the dashboard (imports); storage/README.md
 * says why, and every write goes through a repository here.
 */
export class EvidenceDatabase extends Dexie {
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  blobs!: EntityTable<BlobRow, 'key'>;
  controls!: EntityTable<ControlState, 'controlId'>;
  audits!: EntityTable<AuditPlan, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  rules!: EntityTable<MappingRule, 'id'>;
  custody!: EntityTable<CustodyEntry, 'sequence'>;
  settings!: EntityTable<Settings, 'id'>;
  coverageIndex!: EntityTable<CoverageIndexRow, 'controlId'>;
  risks!: EntityTable<Risk, 'id'>;
  riskCriteria!: EntityTable<RiskCriteria, 'id'>;
  signingKeys!: EntityTable<SigningKeyRow, 'fingerprint'>;
  requests!: EntityTable<RequestRow, 'id'>;
  timestampQueue!: EntityTable<PendingTimestamp, 'sha256'>;
  timestampTokens!: EntityTable<TimestampTokenRow, 'sha256'>;
  syncJobs!: EntityTable<SyncJobRow, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'id'>;
  internalAudits!: EntityTable<InternalAudit, 'id'>;
  managementReviews!: EntityTable<ManagementReview, 'id'>;
  teamVersions!: EntityTable<TeamVersionRow, 'id'>;
  teamBlobs!: EntityTable<TeamBlobRow, 'sha256'>;
  teamRecords!: EntityTable<TeamRecordRow, 'id'>;
  teamInstallations!: EntityTable<TeamInstallationRow, 'installationId'>;
  teamCustody!: EntityTable<TeamCustodyRow, 'installationId'>;
  teamState!: EntityTable<TeamStateRow, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Versions only move forward. A new version changes indexes or migrates data (storage/migrations/).
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);
    this.version(9).stores(SCHEMA_V9);
    this.version(11).stores(SCHEMA_V11);
    this.version(12).stores(SCHEMA_V12);
  }
}

let database: EvidenceDatabase | undefined;

/** The shared database instance of this extension context, opened on first use. */
export function getDatabase(): EvidenceDatabase {
  database ??= new EvidenceDatabase();
  return database;
}
