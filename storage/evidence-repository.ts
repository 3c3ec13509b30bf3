import type { PreparedCapture } from '@/utils/capture/assemble';
import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { searchWords } from '@/utils/search/words';
import { appendCustody } from './custody-log';
import { updateCoverageIndex } from './coverage-index';
import { writeTransaction } from './write-transaction';
import { Dexie } from 'dexie';
import type { EvidenceDatabase } from './db';

export interface SavedCapture {
  evidence: EvidenceRecord;
  custody: CustodyEntry[];
}

/**
 * Stores one capture whole or not at all: record, bytes and custody entries in one transaction.
 * Hashes were computed before it opened (see assembleEvidence). A clock that moved backwards since
 * the last custody entry is flagged in the log, and the sequence keeps commit order regardless.
 */
export async function saveCapture(
  db: EvidenceDatabase,
  prepared: PreparedCapture,
  actor: string,
  details: Record<string, unknown>,
): Promise<SavedCapture> {
  return writeTransaction(db, [db.evidence, db.blobs, db.custody, db.coverageIndex], () =>
    writeCapture(db, prepared, actor, details),
  );
}

async function writeCapture(
  db: EvidenceDatabase,
  prepared: PreparedCapture,
  actor: string,
  details: Record<string, unknown>,
): Promise<SavedCapture> {
  const last = await db.evidence.orderBy('sequence').last();
  const evidence: EvidenceRecord = {
    ...prepared.record,
    words: searchWords(prepared.record),
    sequence: (last?.sequence ?? 0) + 1,
  };
  await db.evidence.add(evidence);
  await db.blobs.bulkAdd(prepared.blobs);
  await updateCoverageIndex(db, undefined, evidence);

  const custody: CustodyEntry[] = [];
  const lastEntry = await db.custody.orderBy('sequence').last();
  if (lastEntry && lastEntry.at > evidence.capturedAt) {
    custody.push(
      await appendCustody(db, {
        at: evidence.capturedAt,
        event: 'clock-anomaly',
        evidenceId: evidence.id,
        actor,
        details: { previousEntryAt: lastEntry.at, capturedAt: evidence.capturedAt },
      }),
    );
  }
  custody.push(
    await appendCustody(db, {
      at: evidence.capturedAt,
      event: 'capture',
      evidenceId: evidence.id,
      actor,
      details: {
        ...details,
        sequence: evidence.sequence,
        controls: evidence.controls,
        artifacts: evidence.artifacts.map(({ name, sha256, size }) => ({ name, sha256, size })),
      },
    }),
  );
  return { evidence, custody };
}

export function countNeedsReview(db: EvidenceDatabase): Promise<number> {
  return db.evidence.where('status').equals('needs-review').count();
}

/** The newest captures that need review, read through `[status+sequence]`: never all of them. */
export function listNeedsReview(db: EvidenceDatabase, limit = 20): Promise<EvidenceRecord[]> {
  return db.evidence
    .where('[status+sequence]')
    .between(['needs-review', Dexie.minKey], ['needs-review', Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export function listRecent(db: EvidenceDatabase, limit = 5): Promise<EvidenceRecord[]> {
  return db.evidence.orderBy('sequence').reverse().limit(limit).toArray();
}

/** One stored record as it is, deleted or not (callers decide what a tombstone means to them). */
export function readEvidenceRecord(db: EvidenceDatabase, id: string): Promise<EvidenceRecord | undefined> {
  return db.evidence.get(id);
}

export async function readArtifact(db: EvidenceDatabase, blobKey: string): Promise<Blob | undefined> {
  return (await db.blobs.get(blobKey))?.data;
}
