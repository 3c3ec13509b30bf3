import type { StorageHealth, UnexportedCaptures } from '@/utils/evidence/library-types';
import type { EvidenceDatabase } from './db';
import { libraryText } from '@/utils/text';

/** Space, persistence and backup state of the evidence database, for the storage health panel. */

/** Ask for a backup once this many captures are in no exported bundle. */
export const BACKUP_PROMPT_THRESHOLD = 50;
/** …or once the oldest unexported capture is this many days old. */
export const BACKUP_PROMPT_DAYS = 30;

/** The parts of the browser's StorageManager used here (passed in, so tests bring their own). */
export type StorageEstimator = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;

/**
 * Captures in no exported bundle, read from the custody log: an `export` entry that lists evidence
 * ids (`details.evidenceIds`) covers those; one that lists none covers everything stored before it.
 * Deleted evidence needs no backup. Reads index keys, and whole entries only for exports and imports.
 */
export async function countUnexported(db: EvidenceDatabase): Promise<UnexportedCaptures> {
  const idBySequence = new Map<number, string>();
  const [captures, deletes, exportsAndImports] = await Promise.all([
    db.custody.where('event').anyOf(['capture', 'import']).primaryKeys(),
    db.custody.where('event').equals('delete').primaryKeys(),
    db.custody.where('event').anyOf(['export', 'import']).toArray(),
    db.custody.orderBy('evidenceId').eachKey((evidenceId, cursor) => {
      idBySequence.set(cursor.primaryKey as number, String(evidenceId));
    }),
  ]);
  const bySequence = new Map(exportsAndImports.map((entry) => [entry.sequence, entry]));
  const events = [
    ...captures.map((sequence) => ({ sequence, kind: 'add' as const })),
    ...deletes.map((sequence) => ({ sequence, kind: 'delete' as const })),
    ...exportsAndImports
      .filter((entry) => entry.event === 'export')
      .map(({ sequence }) => ({ sequence, kind: 'export' as const })),
  ].sort((a, b) => a.sequence - b.sequence);

  const pending = new Map<string, number>(); // evidence id → custody sequence that stored it
  let lastExportAt: string | null = null;
  for (const { sequence, kind } of events) {
    const evidenceId = idBySequence.get(sequence);
    const entry = bySequence.get(sequence);
    if (kind === 'export') {
      lastExportAt = entry?.at ?? lastExportAt;
      const ids = entry?.details['evidenceIds'];
      if (Array.isArray(ids)) for (const id of ids) pending.delete(String(id));
      else pending.clear();
    } else if (kind === 'delete') {
      if (evidenceId) pending.delete(evidenceId);
    } else {
      const added = evidenceId ? [evidenceId] : importedIds(entry?.details);
      for (const id of added) if (!pending.has(id)) pending.set(id, sequence);
    }
  }
  let oldestSequence: number | null = null;
  for (const sequence of pending.values())
    if (oldestSequence === null || sequence < oldestSequence) oldestSequence = sequence;
  const oldest = oldestSequence === null ? undefined : await db.custody.get(oldestSequence);
  return { count: pending.size, oldestAt: oldest?.at ?? null, lastExportAt };
}

function importedIds(details: Record<string, unknown> | undefined): string[] {
  const ids = details?.['addedIds'] ?? details?.['evidenceIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export async function readStorageHealth(
  db: EvidenceDatabase,
  storage: StorageEstimator | undefined,
  now: Date,
  threshold = BACKUP_PROMPT_THRESHOLD,
): Promise<StorageHealth> {
  const [unexported, estimate, persisted] = await Promise.all([
    countUnexported(db),
    storage ? storage.estimate().catch(() => undefined) : undefined,
    storage ? storage.persisted().catch(() => null) : null,
  ]);
  const ageDays = unexported.oldestAt ? (now.getTime() - Date.parse(unexported.oldestAt)) / 86_400_000 : 0;
  let backupReason: string | null = null;
  if (unexported.count >= threshold) {
    backupReason = libraryText.backupMany(unexported.count);
  } else if (unexported.count > 0 && ageDays >= BACKUP_PROMPT_DAYS) {
    backupReason = libraryText.backupOld(Math.floor(ageDays));
  }
  return {
    ...unexported,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    persisted,
    backupDue: backupReason !== null,
    backupReason,
  };
}

/** Asks the browser to keep the database when disk space runs low; true when granted. */
export async function requestPersistentStorage(storage: StorageEstimator | undefined): Promise<boolean> {
  if (!storage) return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}
