import type { CustodyEntry } from '@/utils/evidence/types';
import { sealEntry, type UnsealedEntry } from '@/utils/integrity/custody';
import type { EvidenceDatabase } from './db';

/**
 * Appends one entry to the hash-chained custody log. Call it inside a read-write transaction that
 * includes `db.custody`: the previous entry is read in the same transaction, so concurrent writers
 * (two windows, two contexts) queue up and the chain stays linear.
 */
export async function appendCustody(db: EvidenceDatabase, entry: UnsealedEntry): Promise<CustodyEntry> {
  const sealed = sealEntry(entry, await lastCustodyEntry(db));
  await db.custody.add(sealed);
  return sealed;
}

/** The chain's newest entry, to seal the next ones after; read it in the transaction that appends them. */
export function lastCustodyEntry(db: EvidenceDatabase): Promise<CustodyEntry | undefined> {
  return db.custody.orderBy('sequence').last();
}

/** The whole log in chain order. */
export function readCustodyLog(db: EvidenceDatabase): Promise<CustodyEntry[]> {
  return db.custody.orderBy('sequence').toArray();
}
