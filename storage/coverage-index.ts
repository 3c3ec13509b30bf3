import type { EvidenceRecord } from '@/utils/evidence/types';
import type { CoverageIndexItem, EvidenceDatabase } from './db';

type Indexed = Pick<EvidenceRecord, 'id' | 'controls' | 'effectiveDate' | 'status'>;

/**
 * Keeps the per-control digest in step with one evidence change. Call it inside the write
 * transaction (including `db.coverageIndex`) that changes the record: `before` undefined for a new
 * record, `after` undefined for a removed one.
 */
export async function updateCoverageIndex(
  db: EvidenceDatabase,
  before: Indexed | undefined,
  after: Indexed | undefined,
): Promise<void> {
  const touched = new Set([...(before?.controls ?? []), ...(after?.controls ?? [])]);
  if (touched.size === 0) return;
  const rows = await db.coverageIndex.bulkGet([...touched]);
  const evidenceId = (after ?? before)!.id;
  const updated = [...touched].map((controlId, index) => {
    const items = (rows[index]?.items ?? []).filter((item) => item.evidenceId !== evidenceId);
    if (after && after.controls.includes(controlId)) {
      items.push({ evidenceId, effectiveDate: after.effectiveDate, status: after.status });
    }
    return { controlId, items };
  });
  await db.coverageIndex.bulkPut(updated);
}

/** Evidence summaries for the coverage engine, one per (evidence, control) pair, without touching evidence rows. */
export async function readCoverageSummaries(
  db: EvidenceDatabase,
): Promise<{ id: string; controls: string[]; effectiveDate: string; status: EvidenceRecord['status'] }[]> {
  const rows = await db.coverageIndex.toArray();
  const byEvidence = new Map<
    string,
    { id: string; controls: string[]; effectiveDate: string; status: EvidenceRecord['status'] }
  >();
  for (const row of rows) {
    for (const item of row.items) {
      const summary = byEvidence.get(item.evidenceId);
      if (summary) summary.controls.push(row.controlId);
      else
        byEvidence.set(item.evidenceId, {
          id: item.evidenceId,
          controls: [row.controlId],
          effectiveDate: item.effectiveDate,
          status: item.status,
        });
    }
  }
  return [...byEvidence.values()];
}

/** Rebuilds the digest from the evidence table (after an import or a migration). */
export async function rebuildCoverageIndex(db: EvidenceDatabase): Promise<void> {
  await db.transaction('rw', db.evidence, db.coverageIndex, async () => {
    const byControl = new Map<string, CoverageIndexItem[]>();
    await db.evidence.each((record) => {
      for (const controlId of record.controls) {
        const items = byControl.get(controlId) ?? [];
        items.push({ evidenceId: record.id, effectiveDate: record.effectiveDate, status: record.status });
        byControl.set(controlId, items);
      }
    });
    await db.coverageIndex.clear();
    await db.coverageIndex.bulkPut([...byControl].map(([controlId, items]) => ({ controlId, items })));
  });
}
