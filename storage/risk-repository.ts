import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import { criteriaProblems } from '@/utils/risk/criteria-check';
import { riskProblems } from '@/utils/risk/risk-check';
import { importReady, type RiskImportPreview } from '@/utils/risk/risk-import';
import type { CustodyEntry } from '@/utils/evidence/types';
import { canonicalJson, payloadHashesOf, sealEntries } from '@/utils/integrity/custody';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { appendCustody, lastCustodyEntry } from './custody-log';
import type { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';
import { writeTransaction } from './write-transaction';

/**
 * The risk register. Every change is one transaction that writes the row and appends a chained
 * custody entry with the actor and the risk before and after, as an evidence edit does, so the
 * auditor can see when the assessment was revised and what it said before.
 */

export type RiskChangeKind = 'create' | 'update' | 'delete' | 'import' | 'criteria';

export function readRisks(db: EvidenceDatabase): Promise<Risk[]> {
  return db.risks.toArray();
}

export async function readRiskCriteria(db: EvidenceDatabase): Promise<RiskCriteria> {
  return (await db.riskCriteria.get('risk-criteria')) ?? DEFAULT_RISK_CRITERIA;
}

/** Returns appendCustody's promise itself: one more async layer here loses Dexie's transaction zone. */
function logChange(
  db: EvidenceDatabase,
  change: RiskChangeKind,
  subject: { riskId: string | null; before: unknown; after: unknown },
  actor: string,
  at: string,
): Promise<CustodyEntry> {
  return appendCustody(db, {
    at,
    event: 'risk-change',
    evidenceId: null,
    actor,
    details: { change, ...subject },
  });
}

export async function saveRisk(
  db: EvidenceDatabase,
  risk: Risk,
  controlIds: ReadonlySet<string>,
  actor: string,
  at: string,
): Promise<Risk> {
  const criteria = await readRiskCriteria(db);
  const problems = riskProblems(criteria, risk, controlIds);
  if (problems.length > 0) throw new ValidationError(problems);
  const after: Risk = { ...risk, id: risk.id.trim(), title: risk.title.trim(), updatedAt: at };
  return writeTransaction(db, [db.risks, db.custody], async () => {
    const before = (await db.risks.get(after.id)) ?? null;
    if (before && sameRisk(before, after)) return before;
    await db.risks.put(after);
    await logChange(db, before ? 'update' : 'create', { riskId: after.id, before, after }, actor, at);
    return after;
  });
}

export async function deleteRisk(
  db: EvidenceDatabase,
  riskId: string,
  actor: string,
  at: string,
): Promise<void> {
  await writeTransaction(db, [db.risks, db.custody], async () => {
    const before = await db.risks.get(riskId);
    if (!before) return;
    await db.risks.delete(riskId);
    await logChange(db, 'delete', { riskId, before, after: null }, actor, at);
  });
}

/** The most risks one import entry of the custody log carries; a bigger import writes one entry per part. */
export const IMPORT_ENTRY_RISKS = 1_000;

/** One risk an import wrote, as its custody entry keeps it: what the register held before, and after. */
export interface ImportedRiskChange {
  riskId: string;
  before: Risk | null;
  after: Risk;
}

/**
 * Writes a confirmed import: all of it or, when the preview still has problems, nothing. The custody log gets
 * one `risk-change` entry per {@link IMPORT_ENTRY_RISKS} risks (`details.risks`, each with before and after):
 * one act by one actor, kept as a few links rather than one per row, which would make the write several
 * times slower for a register of thousands.
 */
export async function applyRiskImport(
  db: EvidenceDatabase,
  preview: RiskImportPreview,
  actor: string,
  at: string,
): Promise<number> {
  if (!importReady(preview)) throw new ValidationError(preview.problems.map((problem) => problem.message));
  const afters = [...preview.added, ...preview.changed.map((change) => change.after)];
  const parts = Math.ceil(afters.length / IMPORT_ENTRY_RISKS);
  const range = (part: number) => [part * IMPORT_ENTRY_RISKS, (part + 1) * IMPORT_ENTRY_RISKS] as const;
  const unsealed = (befores: readonly (Risk | undefined)[]) =>
    Array.from({ length: parts }, (_, part) => {
      const [start, end] = range(part);
      const risks: ImportedRiskChange[] = afters
        .slice(start, end)
        .map((after, index) => ({ riskId: after.id, before: befores[start + index] ?? null, after }));
      return {
        at,
        event: 'risk-change' as const,
        evidenceId: null,
        actor,
        details: { change: 'import' as const, part: part + 1, parts, risks },
      };
    });
  // The entries' payloads hashed ahead, through Web Crypto, for the rows the preview saw: nothing but the
  // database may be awaited inside the transaction.
  const seen = [...preview.added.map(() => undefined), ...preview.changed.map((change) => change.before)];
  const hashedAhead = await payloadHashesOf(unsealed(seen));
  await writeTransaction(db, [db.risks, db.custody], async () => {
    // The custody entry keeps what the register held at the write, not what the preview saw earlier.
    const [befores, previous] = await Promise.all([
      heldRisks(
        db,
        afters.map((after) => after.id),
      ),
      lastCustodyEntry(db),
    ]);
    // The rows are handed to the database first, so it writes them while the entries are hashed here.
    const written = db.risks.bulkPut(afters);
    // A part with a row changed since the preview (another tab's edit) is hashed again, as it is now.
    const payloadHashes = hashedAhead.map((hash, part) => {
      const [start, end] = range(part);
      const same = befores.slice(start, end).every((before, index) => sameRow(before, seen[start + index]));
      return same ? hash : undefined;
    });
    const entries = sealEntries(unsealed(befores), previous, payloadHashes);
    await Promise.all([written, db.custody.bulkAdd(entries)]);
  });
  return afters.length;
}

function sameRow(held: Risk | undefined, seen: Risk | undefined): boolean {
  if (held === undefined || seen === undefined) return held === seen;
  return canonicalJson(held) === canonicalJson(seen);
}

export async function saveRiskCriteria(
  db: EvidenceDatabase,
  criteria: RiskCriteria,
  actor: string,
  at: string,
): Promise<RiskCriteria> {
  const problems = criteriaProblems(criteria);
  if (problems.length > 0) throw new ValidationError(problems);
  const after: RiskCriteria = { ...criteria, id: 'risk-criteria', updatedAt: at };
  return writeTransaction(db, [db.riskCriteria, db.custody], async () => {
    const before = (await db.riskCriteria.get('risk-criteria')) ?? null;
    await db.riskCriteria.put(after);
    await logChange(db, 'criteria', { riskId: null, before, after }, actor, at);
    return after;
  });
}

/**
 * The rows held under these IDs, in their order (undefined where none): the register's keys in one read,
 * then only the rows that exist, so a register of new risks costs no lookups one by one.
 */
async function heldRisks(db: EvidenceDatabase, ids: readonly string[]): Promise<(Risk | undefined)[]> {
  const held = new Set(await db.risks.toCollection().primaryKeys());
  const rows = await db.risks.bulkGet(ids.filter((id) => held.has(id)));
  const byId = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  return ids.map((id) => byId.get(id));
}

function sameRisk(left: Risk, right: Risk): boolean {
  return JSON.stringify({ ...left, updatedAt: '' }) === JSON.stringify({ ...right, updatedAt: '' });
}
