import type { CustodyEntry } from '@/utils/evidence/types';
import {
  afterFailure,
  isDue,
  nextWake,
  pendingTimestamp,
  type PendingTimestamp,
  type TimestampFacts,
  type TimestampSubject,
} from '@/utils/timestamp';
import { sha256HexSync } from '@/utils/integrity/sha256';
import { appendCustody } from './custody-log';
import type { EvidenceDatabase } from './db';

/** One verified time-stamp reply, as the authority sent it (DER), with what it says. */
export interface TimestampTokenRow extends TimestampSubject {
  reply: Uint8Array;
  genTime: string;
  serialNumber: string;
  signer: string;
  tsaUrl: string;
  certificatesPem: string[];
  chainChecked: boolean;
  receivedAt: string;
}

/** Queues a hash for stamping unless it is queued or stamped already. */
export async function queueTimestamp(
  db: EvidenceDatabase,
  subject: TimestampSubject,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.timestampQueue, db.timestampTokens, async () => {
    if (await db.timestampTokens.get(subject.sha256)) return;
    if (await db.timestampQueue.get(subject.sha256)) return;
    await db.timestampQueue.add(pendingTimestamp(subject, now));
  });
}

export async function dueTimestamps(db: EvidenceDatabase, now: Date): Promise<PendingTimestamp[]> {
  const items = await db.timestampQueue.where('nextAttemptAt').belowOrEqual(now.toISOString()).toArray();
  return items.filter((item) => isDue(item, now));
}

export function pendingTimestamps(db: EvidenceDatabase): Promise<PendingTimestamp[]> {
  return db.timestampQueue.orderBy('nextAttemptAt').toArray();
}

/** When the retry alarm should next fire; null when nothing waits. */
export async function nextTimestampAttempt(db: EvidenceDatabase): Promise<string | null> {
  return nextWake(await pendingTimestamps(db));
}

export async function recordTimestampFailure(
  db: EvidenceDatabase,
  item: PendingTimestamp,
  problem: string,
  now: Date,
): Promise<PendingTimestamp> {
  const next = afterFailure(item, problem, now);
  await db.timestampQueue.put(next);
  return next;
}

/** The custody entry a queued capture stamp covers. */
export function readStampedEntry(db: EvidenceDatabase, sequence: number): Promise<CustodyEntry | undefined> {
  return db.custody.get(sequence);
}

/**
 * Stores a verified token and takes its hash off the queue, and records it in the custody log, in one
 * transaction: the entry names the stamped entry, the token's SHA-256, the authority's time and serial.
 */
export async function storeTimestampToken(
  db: EvidenceDatabase,
  item: TimestampSubject,
  reply: Uint8Array,
  facts: TimestampFacts,
  tsaUrl: string,
  actor: string,
  now: Date,
): Promise<TimestampTokenRow> {
  const row: TimestampTokenRow = {
    sha256: item.sha256,
    kind: item.kind,
    evidenceId: item.evidenceId,
    custodySequence: item.custodySequence,
    reply,
    genTime: facts.genTime,
    serialNumber: facts.serialNumber,
    signer: facts.signer,
    tsaUrl,
    certificatesPem: facts.certificatesPem,
    chainChecked: facts.chainChecked,
    receivedAt: now.toISOString(),
  };
  return db.transaction('rw', db.timestampQueue, db.timestampTokens, db.custody, async () => {
    await db.timestampQueue.delete(item.sha256);
    await db.timestampTokens.put(row);
    await appendCustody(db, {
      at: row.receivedAt,
      event: 'timestamp',
      evidenceId: item.evidenceId,
      actor,
      details: {
        stampedSequence: item.custodySequence,
        stampedSha256: item.sha256,
        tokenSha256: sha256HexSync(reply),
        genTime: facts.genTime,
        serialNumber: facts.serialNumber,
        authority: tsaUrl,
        signer: facts.signer,
      },
    });
    return row;
  });
}

/** The tokens of the given evidence, by evidence ID (each capture has at most one). */
export async function timestampTokensOf(
  db: EvidenceDatabase,
  evidenceIds: readonly string[],
): Promise<Map<string, TimestampTokenRow>> {
  const rows = await db.timestampTokens
    .where('evidenceId')
    .anyOf([...evidenceIds])
    .toArray();
  return new Map(rows.map((row) => [row.evidenceId, row]));
}
