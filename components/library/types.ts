/** What the evidence section's views ask of the outside world (the wiring in platform/ provides it). */
import type {
  IntegrityProgress,
  IntegrityReport,
  LibraryFacets,
  LibraryQuery,
  LibraryResult,
  LibraryRow,
  StorageHealth,
} from '@/utils/evidence/library-types';
import type { Artifact, CustodyEntry, DocumentControl } from '@/utils/evidence/types';
import type { EvidenceSyncState } from '@/utils/team-store/sync-view';

/** An artifact's content, ready to show. */
export type ArtifactContent =
  | { kind: 'image'; url: string }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'table'; rows: string[][]; truncated: boolean }
  | { kind: 'unavailable'; message: string };

export interface EvidenceDetailData {
  record: LibraryRow;
  history: CustodyEntry[];
  /** Where the record is in the team store; absent when no team store is set up (nothing is shown then). */
  teamStore?:
    | {
        state: EvidenceSyncState;
        /** The store passed the write-once check (Object Lock on, probe delete refused). */
        locked: boolean;
      }
    | undefined;
}

export interface EvidenceChange {
  controls?: string[];
  notes?: string;
  effectiveDate?: string;
  status?: 'needs-review' | 'ready';
  document?: DocumentControl | null;
}

/** What the user says about the files being added. */
export interface FileTagging {
  controls: string[];
  notes: string;
  effectiveDate: string;
  document?: DocumentControl;
}

export interface EvidenceSectionServices {
  /** With `firstPage`, may answer quickly with only the first ids (`complete: false`). */
  query: (query: LibraryQuery, options?: { firstPage?: number }) => Promise<LibraryResult>;
  loadRows: (ids: string[]) => Promise<LibraryRow[]>;
  loadFacets: () => Promise<LibraryFacets>;
  /** A URL for the thumbnail of a row, or null when it has none. */
  loadThumbnail: (row: LibraryRow) => Promise<string | null>;
  loadDetail: (id: string) => Promise<EvidenceDetailData | null>;
  loadArtifact: (record: LibraryRow, artifact: Artifact) => Promise<ArtifactContent>;
  downloadArtifact: (record: LibraryRow, artifact: Artifact) => Promise<void>;
  edit: (id: string, change: EvidenceChange) => Promise<void>;
  supersede: (id: string, supersededBy: string, note: string) => Promise<void>;
  remove: (id: string, reason: string, removeDescription: boolean) => Promise<void>;
  /** Resolves with the id of the new evidence. */
  addFile: (file: File, tagging: FileTagging) => Promise<string>;
  runIntegrityCheck: (
    onProgress: (progress: IntegrityProgress) => void,
    signal: AbortSignal,
  ) => Promise<IntegrityReport>;
  loadStorageHealth: () => Promise<StorageHealth>;
  requestPersistence: () => Promise<boolean>;
  /** YYYY-MM-DD in the user's calendar. */
  today: () => string;
}
