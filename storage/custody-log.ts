import type { CustodyEntry } from '@/utils/evidence/types';
import { sealEntry, type UnsealedEntry } from '@/utils/integrity/custody';
import type { EvidenceDatabase } from './db';

/**
 * Appends one entry to the hash-chained custody log. Call it inside a read-write transaction that
 * includes `db.custody`: the previous entry is read in the same transaction, so concurrent writers
 * (two windows, two contexts) queue up and the chain stays linear.
 */
export async function appendCustody(db: EvidenceDatabase, entry: UnsealedEntry): Promise<CustodyEntry> {
  const previous = await db.custody.orderBy('sequence').last();
  const sealed = sealEntry(entry, previous);
  await db.custody.add(sealed);
  return sealed;
}

/**
 * Appends several entries in their order with one read of the chain's end and one write, for
 * changes made many at a time (a register import). Same transaction rule as appendCustody.
 */
export async function appendCustodyEntries(
  db: EvidenceDatabase,
  entries: readonly UnsealedEntry[],
): Promise<CustodyEntry[]> {
  let previous: CustodyEntry | undefined = await db.custody.orderBy('sequence').last();
  const sealed: CustodyEntry[] = [];
  for (const entry of entries) {
    previous = sealEntry(entry, previous);
    sealed.push(previous);
  }
  await db.custody.bulkAdd(sealed);
  return sealed;
}

/** The whole log in chain order. */
export function readCustodyLog(db: EvidenceDatabase): Promise<CustodyEntry[]> {
  return db.custody.orderBy('sequence').toArray();
}
