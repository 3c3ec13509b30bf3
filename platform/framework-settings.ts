import type { EvidenceDatabase } from '@/storage/db';
import { ValidationError } from '@/storage/isms-repository';
import type { MappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import {
  effectiveFrameworks,
  frameworkScopeRow,
  frameworksLockProblem,
  type EffectiveFrameworks,
  type FrameworkScopeRow,
} from '@/utils/settings/frameworks';
import { readManagedPolicy } from './managed-policy';

const FRAMEWORKS_ROW = 'frameworks';

// The settings table is keyed by id; the scope lives in its own row, so no schema change is needed.
function table(db: EvidenceDatabase) {
  return db.table<FrameworkScopeRow, string>('settings');
}

/** The frameworks in scope as they apply: the administrator's policy over the user's own choice. */
export async function readFrameworkScope(db: EvidenceDatabase): Promise<EffectiveFrameworks> {
  const [stored, { policy }] = await Promise.all([table(db).get(FRAMEWORKS_ROW), readManagedPolicy()]);
  return effectiveFrameworks(stored, policy);
}

/** Saves the user's choice of frameworks besides ISO; refused when the policy locks it to another. */
export async function saveFrameworkScope(
  db: EvidenceDatabase,
  optional: readonly MappedFrameworkId[],
): Promise<EffectiveFrameworks> {
  const current = await readFrameworkScope(db);
  const problem = frameworksLockProblem(optional, current);
  if (problem) throw new ValidationError([problem]);
  await table(db).put(frameworkScopeRow(optional));
  return readFrameworkScope(db);
}
