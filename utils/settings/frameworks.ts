import {
  isMappedFrameworkId,
  MAPPED_FRAMEWORK_IDS,
  type MappedFrameworkId,
} from '../crosswalk/framework-catalogue';
import type { FrameworkId } from '../crosswalk/frameworks';
import { policyText } from '../text';
import type { Management } from './effective';
import { isLocked, type ManagedPolicy } from './policy';

/** The user's own choice, stored as the `frameworks` row of the settings table (no schema change). */
export interface FrameworkScopeRow {
  id: 'frameworks';
  /** The frameworks in scope besides ISO/IEC 27001, which always is. */
  optional: MappedFrameworkId[];
}

export interface EffectiveFrameworks {
  /** ISO first, then the others in scope in catalogue order. */
  inScope: FrameworkId[];
  management: Management;
}

/** Known IDs only, each once, in the catalogue's order: a row from a later version never breaks this one. */
function cleaned(ids: readonly unknown[]): MappedFrameworkId[] {
  return MAPPED_FRAMEWORK_IDS.filter((id) =>
    ids.some((candidate) => candidate === id && isMappedFrameworkId(id)),
  );
}

/**
 * Which frameworks are in scope. ISO/IEC 27001 always is. A locked policy value applies as set; an unlocked one
 * is a default until the user saves their own choice.
 */
export function effectiveFrameworks(
  stored: FrameworkScopeRow | undefined,
  policy: ManagedPolicy,
): EffectiveFrameworks {
  const locked = isLocked(policy, 'frameworks') && policy.frameworks !== undefined;
  const management: Management = policy.frameworks === undefined ? 'local' : locked ? 'locked' : 'default';
  const chosen =
    locked || stored === undefined ? (policy.frameworks ?? stored?.optional ?? []) : stored.optional;
  return { inScope: ['iso27001', ...cleaned(Array.isArray(chosen) ? chosen : [])], management };
}

/** Why saving this choice is refused, or null. */
export function frameworksLockProblem(
  optional: readonly MappedFrameworkId[],
  effective: EffectiveFrameworks,
): string | null {
  if (effective.management !== 'locked') return null;
  const current = effective.inScope.filter((id) => id !== 'iso27001');
  const wanted = cleaned(optional);
  return wanted.length === current.length && wanted.every((id, index) => id === current[index])
    ? null
    : policyText.frameworksLocked;
}

/** The row to store for a choice: known IDs only, in order. */
export function frameworkScopeRow(optional: readonly unknown[]): FrameworkScopeRow {
  return { id: 'frameworks', optional: cleaned(optional) };
}
