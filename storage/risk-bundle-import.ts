import type { BundledRiskTables } from '@/utils/bundle/risk-files';
import type { ImportOutcome } from '@/utils/bundle/types';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { previewRiskImport } from '@/utils/risk/risk-import';
import type { EvidenceDatabase } from './db';
import { applyRiskImport, readRiskCriteria, readRisks } from './risk-repository';

/**
 * Reads a bundle's `risk-register.csv` back into this register: risks not held here are added (with
 * their `risk-change` custody entry); a risk held here is kept as it is, the local register being the one
 * its owner maintains. Rows this installation's criteria cannot read are counted, never guessed at.
 */
export async function importBundledRisks(
  db: EvidenceDatabase,
  tables: BundledRiskTables | undefined,
  options: { actor: string; at: string },
): Promise<ImportOutcome['risks']> {
  if (!tables?.register) return undefined;
  const [criteria, existing] = await Promise.all([readRiskCriteria(db), readRisks(db)]);
  const preview = previewRiskImport(tables.register, {
    criteria,
    catalogue: DEFAULT_CATALOGUE,
    existing,
    now: options.at,
  });
  const unreadable = new Set(preview.problems.map((problem) => problem.line)).size;
  const { added } = preview;
  if (added.length > 0) {
    await applyRiskImport(
      db,
      { mapping: preview.mapping, problems: [], added, changed: [], unchanged: 0 },
      options.actor,
      options.at,
    );
  }
  return {
    added: added.map((risk) => risk.id),
    kept: preview.changed.length + preview.unchanged,
    unreadable,
  };
}
