import type { EvidenceDatabase } from '@/storage/db';
import { ValidationError } from '@/storage/isms-repository';
import { withBuiltIns } from '@/utils/masking/builtins';
import type { MaskingRule, MaskingSettings } from '@/utils/masking/types';
import { rulesProblems } from '@/utils/masking/validate';
import {
  effectiveMasking,
  isPolicyRule,
  maskingLockProblem,
  type EffectiveMasking,
} from '@/utils/settings/effective';
import { readManagedPolicy } from './managed-policy';

const MASKING_ROW = 'masking';

// The settings table is keyed by id; masking lives in its own row so that no schema change is needed.
function table(db: EvidenceDatabase) {
  return db.table<MaskingSettings, string>('settings');
}

/** Masking as it applies, with what the administrator's policy manages. */
export async function readMaskingView(db: EvidenceDatabase): Promise<EffectiveMasking> {
  const [stored, { policy }] = await Promise.all([table(db).get(MASKING_ROW), readManagedPolicy()]);
  return effectiveMasking(stored, policy);
}

export async function readMaskingSettings(db: EvidenceDatabase): Promise<MaskingSettings> {
  return (await readMaskingView(db)).settings;
}

/**
 * Saves the user's switch and rules. Refused when the policy locks them, or when a rule cannot work
 * (a pattern that does not compile or matches empty text). Selectors were parsed by the page that sent them.
 */
export async function saveMaskingSettings(
  db: EvidenceDatabase,
  change: { enabled: boolean; rules?: MaskingRule[] },
): Promise<MaskingSettings> {
  const view = await readMaskingView(db);
  const lock = maskingLockProblem(change, view);
  if (lock) throw new ValidationError([lock]);
  // The policy's own rules are checked where they are applied (a broken one is reported in the capture's
  // metadata): a bad pattern from the administrator must not stop people from saving theirs.
  if (change.rules && view.rules !== 'locked') {
    const problems = rulesProblems(change.rules.filter((rule) => !isPolicyRule(rule)));
    if (problems.length > 0) throw new ValidationError([`Not saved: ${problems.join(' ')}`]);
  }
  const stored = withBuiltIns(await table(db).get(MASKING_ROW));
  const row: MaskingSettings = {
    id: 'masking',
    enabled: view.enabled === 'locked' ? stored.enabled : change.enabled,
    rules: view.rules === 'locked' ? stored.rules : (change.rules ?? view.settings.rules),
  };
  await table(db).put(row);
  return (await readMaskingView(db)).settings;
}

/** The rules to apply to a capture, or null when masking is off. */
export async function activeMaskingRules(db: EvidenceDatabase): Promise<MaskingRule[] | null> {
  const settings = await readMaskingSettings(db);
  return settings.enabled ? settings.rules.filter((rule) => rule.enabled) : null;
}
