import type { CustodyEntry, EvidenceRecord, EvidenceStatus } from '@/utils/evidence/types';
import type { BundleEvidence } from '@/utils/bundle/types';
import type { CachedVersion, PullMarker, TeamCache, TeamPullProgress } from '@/utils/team-store/pull';
import type { BlobCheck, InstallationCheck, TeamRecord } from '@/utils/team-store/team-verify';
import type { Tampering } from '@/utils/team-store/verify';
import { storageErrorText } from '@/utils/text';
import type { EvidenceDatabase } from './db';

// The team view's cache (schema version 11). Only the compliance lead's pull writes it, from the dashboard;
// nothing here is ever merged into this installation's own evidence, custody log or coverage index.

export type TeamVersionRow = CachedVersion;

export interface TeamBlobRow extends BlobCheck {
  /** The bytes, kept only when they hash to their key. */
  data?: Blob;
}

export type TeamRecordRow = TeamRecord;

/** The coverage digest of one installation in columns: one entry per accepted evidence record. */
export interface TeamDigest {
  ids: string[];
  effectiveDates: string[];
  statuses: EvidenceStatus[];
  /** Each record's controls, joined by spaces (control ids hold none). */
  controls: string[];
}

export interface TeamInstallationRow {
  installationId: string;
  checkedAt: string;
  /** The names on its records, most used first. */
  capturers: string[];
  chainVerified: boolean;
  custodyEntries: number;
  lastCustodyHash: string | null;
  records: number;
  withheld: number;
  findings: Tampering[];
  digest: TeamDigest;
}

export interface TeamCustodyRow {
  installationId: string;
  entries: CustodyEntry[];
}

export interface TeamStateRow {
  id: 'pull';
  /** Which store the cache holds: a different endpoint, bucket or prefix starts it afresh. */
  store: string;
  marker: PullMarker | undefined;
  /** Installations with versions saved since their last verification. */
  changed: string[];
  lastPullAt: string | null;
  /** The running pull's progress; absent when none runs. */
  progress?: TeamPullProgress | undefined;
}

const TEAM_TABLES = [
  'teamVersions',
  'teamBlobs',
  'teamRecords',
  'teamInstallations',
  'teamCustody',
  'teamState',
] as const;

function tables(db: EvidenceDatabase) {
  return TEAM_TABLES.map((name) => db[name]);
}

async function readState(db: EvidenceDatabase, store: string): Promise<TeamStateRow> {
  const state = await db.teamState.get('pull');
  return state?.store === store
    ? state
    : { id: 'pull', store, marker: undefined, changed: [], lastPullAt: null };
}

/** The names on the records, most used first. */
function capturersOf(records: readonly TeamRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    const name = record.evidence.capturer.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

function digestOf(records: readonly TeamRecord[]): TeamDigest {
  return {
    ids: records.map((record) => record.id),
    effectiveDates: records.map((record) => record.evidence.effectiveDate),
    statuses: records.map((record) => record.evidence.status),
    controls: records.map((record) => record.evidence.controls.join(' ')),
  };
}

/** Rows per bulkPut inside one installation's transaction. */
const RECORD_BATCH = 2000;

function blobRow(check: BlobCheck, bytes: Uint8Array | undefined): TeamBlobRow {
  return { ...check, ...(bytes ? { data: new Blob([bytes as BlobPart]) } : {}) };
}

/**
 * The IndexedDB cache of one team store (`store` names it: endpoint, bucket and prefix). A cache of another
 * store is dropped first: markers and versions of one bucket mean nothing in another.
 */
export async function openTeamCache(db: EvidenceDatabase, store: string): Promise<TeamCache> {
  const existing = await db.teamState.get('pull');
  if (existing && existing.store !== store) await clearTeamCache(db);
  return {
    async readMarker() {
      return (await readState(db, store)).marker;
    },
    async cachedVersionIds(ids) {
      const rows = await db.teamVersions.bulkGet([...ids]);
      return new Set(rows.flatMap((row) => (row ? [row.id] : [])));
    },
    async savePage(versions, marker) {
      await db.transaction('rw', db.teamVersions, db.teamState, async () => {
        const state = await readState(db, store);
        await db.teamVersions.bulkPut([...versions]);
        const changed = new Set(state.changed);
        for (const version of versions) changed.add(version.installationId);
        await db.teamState.put({ ...state, marker, changed: [...changed].sort() });
      });
    },
    async changedInstallations() {
      return (await readState(db, store)).changed;
    },
    installationVersions: (installationId) =>
      db.teamVersions.where('installationId').equals(installationId).toArray(),
    async blobChecks(sha256s) {
      const rows = await db.teamBlobs.bulkGet([...sha256s]);
      return new Map(
        rows.flatMap((row) =>
          row ? [[row.sha256, { sha256: row.sha256, key: row.key, actualSha256: row.actualSha256 }]] : [],
        ),
      );
    },
    async saveBlob(check, bytes) {
      await db.teamBlobs.put(blobRow(check, bytes));
    },
    async saveBlobs(blobs) {
      if (blobs.length === 0) return;
      await db.teamBlobs.bulkPut(blobs.map(({ check, bytes }) => blobRow(check, bytes)));
    },
    async saveInstallation(check: InstallationCheck, checkedAt: string) {
      await db.transaction(
        'rw',
        [db.teamRecords, db.teamInstallations, db.teamCustody, db.teamState],
        async () => {
          await db.teamRecords.where('installationId').equals(check.installationId).delete();
          for (let start = 0; start < check.records.length; start += RECORD_BATCH)
            await db.teamRecords.bulkPut(check.records.slice(start, start + RECORD_BATCH));
          await db.teamCustody.put({ installationId: check.installationId, entries: check.custody });
          await db.teamInstallations.put({
            installationId: check.installationId,
            checkedAt,
            capturers: capturersOf(check.records),
            chainVerified: check.chainVerified,
            custodyEntries: check.custody.length,
            lastCustodyHash: check.custody.at(-1)?.hash ?? null,
            records: check.records.length,
            withheld: check.withheld,
            findings: check.findings,
            digest: digestOf(check.records),
          });
          const state = await readState(db, store);
          await db.teamState.put({
            ...state,
            changed: state.changed.filter((id) => id !== check.installationId),
            lastPullAt: checkedAt,
          });
        },
      );
    },
  };
}

/** Forgets everything pulled (another store configured, or the lead asked for a fresh pull). */
export async function clearTeamCache(db: EvidenceDatabase): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await Promise.all(tables(db).map((table) => table.clear()));
  });
}

export interface TeamSnapshot {
  installations: TeamInstallationRow[];
  lastPullAt: string | null;
  /** A pull stopped part-way: the next one resumes from its marker. */
  resumable: boolean;
  /** The running pull's progress, when one runs. */
  progress?: TeamPullProgress;
}

/** Where the running pull is (undefined: it ended), for the dashboard that follows it. */
export async function saveTeamPullProgress(
  db: EvidenceDatabase,
  progress: TeamPullProgress | undefined,
): Promise<void> {
  await db.transaction('rw', db.teamState, async () => {
    const state = await db.teamState.get('pull');
    if (state) await db.teamState.put({ ...state, progress });
  });
}

/** What the team view shows first: one row per installation, with its coverage digest and findings. */
export async function readTeamSnapshot(db: EvidenceDatabase): Promise<TeamSnapshot> {
  return db.transaction('r', db.teamInstallations, db.teamState, async () => {
    const [installations, state] = await Promise.all([
      db.teamInstallations.toArray(),
      db.teamState.get('pull'),
    ]);
    return {
      installations,
      lastPullAt: state?.lastPullAt ?? null,
      resumable: state?.marker !== undefined || (state?.changed.length ?? 0) > 0,
      ...(state?.progress ? { progress: state.progress } : {}),
    };
  });
}

/** A page of the team library, in installation then evidence order. */
export async function listTeamRecords(
  db: EvidenceDatabase,
  options: { installationId?: string; offset?: number; limit?: number } = {},
): Promise<{ records: TeamRecordRow[]; total: number }> {
  const { installationId, offset = 0, limit = 100 } = options;
  const collection =
    installationId === undefined
      ? db.teamRecords.orderBy('id')
      : db.teamRecords.where('installationId').equals(installationId);
  const [records, total] = await Promise.all([
    collection.clone().offset(offset).limit(limit).toArray(),
    collection.clone().count(),
  ]);
  return { records, total };
}

/** A team record as the bundle writer takes it: its artifacts' bytes are the verified team blobs. */
export function teamRecordAsEvidence(record: TeamRecord, sequence: number): EvidenceRecord {
  return {
    ...record.evidence,
    sequence,
    artifacts: record.artifacts.map((artifact) => ({ ...artifact, blobKey: artifact.sha256 })),
  };
}

/** The team's verified evidence for a bundle, read a page at a time, bytes read lazily from the team blobs. */
export async function* teamEvidenceForExport(
  db: EvidenceDatabase,
  include: (record: TeamRecord) => boolean = () => true,
): AsyncGenerator<BundleEvidence> {
  let after = '';
  let sequence = 0;
  for (;;) {
    const page = await db.teamRecords.where('id').above(after).limit(200).toArray();
    for (const record of page) {
      if (!include(record)) continue;
      sequence += 1;
      yield {
        record: teamRecordAsEvidence(record, sequence),
        readArtifact: async (artifact) => {
          const row = await db.teamBlobs.get(artifact.sha256);
          if (!row?.data) throw new Error(storageErrorText.bytesMissing(record.evidenceId, artifact.name));
          return row.data;
        },
      };
    }
    if (page.length < 200) return;
    after = page.at(-1)!.id;
  }
}

/** Every installation's verified custody entries, for the team bundle. */
export function readTeamCustody(db: EvidenceDatabase): Promise<TeamCustodyRow[]> {
  return db.teamCustody.toArray();
}
