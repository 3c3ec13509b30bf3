import type { EvidenceDatabase } from '@/storage/db';
import { withBuiltIns } from '@/utils/masking/builtins';
import type { MaskingRule, MaskingSettings } from '@/utils/masking/types';

const MASKING_ROW = 'masking';

// The settings table is keyed by id; masking lives in its own row so that no schema change is needed.
function table(db: EvidenceDatabase) {
  return db.table<MaskingSettings, string>('settings');
}

export async function readMaskingSettings(db: EvidenceDatabase): Promise<MaskingSettings> {
  return withBuiltIns(await table(db).get(MASKING_ROW));
}

export async function saveMaskingSettings(
  db: EvidenceDatabase,
  change: { enabled: boolean; rules?: MaskingRule[] },
): Promise<MaskingSettings> {
  const current = await readMaskingSettings(db);
  const row: MaskingSettings = {
    id: 'masking',
    enabled: change.enabled,
    rules: change.rules ?? current.rules,
  };
  await table(db).put(row);
  return withBuiltIns(row);
}

/** The rules to apply to a capture, or null when masking is off. */
export async function activeMaskingRules(db: EvidenceDatabase): Promise<MaskingRule[] | null> {
  const settings = await readMaskingSettings(db);
  return settings.enabled ? settings.rules.filter((rule) => rule.enabled) : null;
}
