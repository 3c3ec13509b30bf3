import type { ArtifactContent, EvidenceSectionServices } from '@/components/library/types';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { CsvParseError, parseCsv } from '@/utils/csv/csv';
import type { LibraryRow } from '@/utils/evidence/library-types';
import type { Artifact } from '@/utils/evidence/types';
import type { EvidenceDatabase } from '@/storage/db';
import {
  queryLibrary,
  readEvidence,
  readEvidenceHistory,
  readLibraryFacets,
  readLibraryRows,
} from '@/storage/evidence-library';
import { readArtifact } from '@/storage/evidence-repository';
import { runIntegrityCheck } from '@/storage/integrity-check';
import { readEvidenceSyncState } from '@/storage/sync-queue';
import type { TeamStoreView } from '@/utils/team-store/settings-check';
import { readStorageHealth, requestPersistentStorage, type StorageEstimator } from '@/storage/storage-health';

const TEXT_PREVIEW_BYTES = 200_000;
const TABLE_PREVIEW_BYTES = 1_000_000;
const TABLE_PREVIEW_ROWS = 200;
const THUMBNAIL_CACHE = 400;
/** Image files up to this size serve as their own thumbnail in the grid. */
const FILE_AS_THUMBNAIL_BYTES = 2 * 1024 * 1024;

/** The writes of the evidence section: through the background in the extension, straight to storage in tests. */
export type EvidenceWrites = Pick<EvidenceSectionServices, 'edit' | 'supersede' | 'remove' | 'addFile'>;

export interface EvidenceServicesContext {
  db: EvidenceDatabase;
  writes: EvidenceWrites;
  storage: StorageEstimator | undefined;
  /** Saves a copy of an artifact (a download in the extension). */
  save: (blob: Blob, fileName: string) => void;
  createObjectUrl: (blob: Blob) => string;
  revokeObjectUrl: (url: string) => void;
  /** The team store's settings as pages see them; without it (or with no store set up) no sync state is shown. */
  teamStore?: () => Promise<TeamStoreView>;
}

export interface EvidenceServices extends EvidenceSectionServices {
  /** Revokes every object URL handed out. */
  release: () => void;
}

/** Reads through storage/ in the page; object URLs for images are cached and released. */
export function createEvidenceServices(context: EvidenceServicesContext): EvidenceServices {
  const { db, writes, storage, save, createObjectUrl, revokeObjectUrl } = context;
  const thumbnails = new Map<string, string>();
  let detailUrls: string[] = [];
  let detailId = '';

  return {
    ...writes,
    query: (query, options) => queryLibrary(db, query, DEFAULT_CATALOGUE, options),
    loadRows: (ids) => readLibraryRows(db, ids),
    loadFacets: () => readLibraryFacets(db),
    async loadThumbnail(row) {
      const artifact = thumbnailOf(row);
      if (!artifact) return null;
      const cached = thumbnails.get(artifact.blobKey);
      if (cached) return cached;
      const blob = await readArtifact(db, artifact.blobKey);
      if (!blob) return null;
      const url = createObjectUrl(blob);
      thumbnails.set(artifact.blobKey, url);
      // Oldest first: an image already shown keeps its pixels after its URL is revoked.
      for (const [key, oldest] of thumbnails) {
        if (thumbnails.size <= THUMBNAIL_CACHE) break;
        revokeObjectUrl(oldest);
        thumbnails.delete(key);
      }
      return url;
    },
    async loadDetail(id) {
      if (id !== detailId) {
        for (const url of detailUrls) revokeObjectUrl(url);
        detailUrls = [];
        detailId = id;
      }
      const [record, history, store] = await Promise.all([
        readEvidence(db, id),
        readEvidenceHistory(db, id),
        context.teamStore?.(),
      ]);
      if (!record) return null;
      if (!store?.complete) return { record, history };
      const state = await readEvidenceSyncState(db, id);
      return { record, history, teamStore: { state, locked: store.probe?.tamperProof === true } };
    },
    async loadArtifact(_record, artifact) {
      let blob: Blob | undefined;
      try {
        blob = await readArtifact(db, artifact.blobKey);
      } catch (error) {
        return {
          kind: 'unavailable',
          message: `${artifact.name} could not be read (${String(error)}); run the integrity check.`,
        };
      }
      if (!blob)
        return {
          kind: 'unavailable',
          message: `${artifact.name} is not stored any more; run the integrity check.`,
        };
      if (artifact.mimeType.startsWith('image/')) {
        const url = createObjectUrl(blob);
        detailUrls.push(url);
        return { kind: 'image', url };
      }
      return previewOf(artifact, blob);
    },
    async downloadArtifact(record, artifact) {
      const blob = await readArtifact(db, artifact.blobKey);
      if (blob) save(blob, `${record.id}_${artifact.name}`);
    },
    runIntegrityCheck: (onProgress, signal) => runIntegrityCheck(db, { onProgress, signal }),
    loadStorageHealth: () => readStorageHealth(db, storage, new Date()),
    requestPersistence: () => requestPersistentStorage(storage),
    today: () => new Date().toLocaleDateString('en-CA'),
    release() {
      for (const url of [...thumbnails.values(), ...detailUrls]) revokeObjectUrl(url);
      thumbnails.clear();
      detailUrls = [];
    },
  };
}

function thumbnailOf(row: LibraryRow): Artifact | undefined {
  if (row.status === 'deleted') return undefined;
  return (
    row.artifacts.find((artifact) => artifact.role === 'thumbnail') ??
    row.artifacts.find(
      (artifact) =>
        artifact.role === 'file' &&
        artifact.mimeType.startsWith('image/') &&
        artifact.size <= FILE_AS_THUMBNAIL_BYTES,
    )
  );
}

/** Text and tables, cut to what a preview needs (the stored file stays whole). */
export async function previewOf(artifact: Artifact, blob: Blob): Promise<ArtifactContent> {
  if (artifact.role === 'table' || /^text\/csv/.test(artifact.mimeType)) {
    const cut = blob.size > TABLE_PREVIEW_BYTES;
    const text = await blob.slice(0, TABLE_PREVIEW_BYTES).text();
    try {
      // A cut-off CSV may end inside a record: keep whole lines only.
      const rows = parseCsv(cut ? text.slice(0, text.lastIndexOf('\n') + 1) : text);
      return {
        kind: 'table',
        rows: rows.slice(0, TABLE_PREVIEW_ROWS + 1),
        truncated: cut || rows.length > TABLE_PREVIEW_ROWS + 1,
      };
    } catch (error) {
      if (!(error instanceof CsvParseError)) throw error;
      return { kind: 'text', text, truncated: cut };
    }
  }
  if (artifact.role === 'text' || /^text\//.test(artifact.mimeType)) {
    return {
      kind: 'text',
      text: await blob.slice(0, TEXT_PREVIEW_BYTES).text(),
      truncated: blob.size > TEXT_PREVIEW_BYTES,
    };
  }
  return {
    kind: 'unavailable',
    message: `${artifact.name} (${artifact.mimeType}) has no preview here: save a copy to open it.`,
  };
}
