import type { MappingRule, Settings } from '../isms/types';
import { BUILT_IN_RULES, withBuiltIns } from '../masking/builtins';
import type { MaskingRule, MaskingSettings } from '../masking/types';
import { isLocked, POLICY_RULE_PREFIX, type ManagedPolicy } from './policy';
import { policyText } from '../text';

/**
 * How a setting is set: `local` (the policy says nothing), `default` (the policy presets a value the
 * user may override with their own) or `locked` (the policy's value applies, and saving another is refused).
 */
export type Management = 'local' | 'default' | 'locked';

export function isPolicyRule(rule: { id: string }): boolean {
  return rule.id.startsWith(POLICY_RULE_PREFIX);
}

export interface EffectiveSettings {
  settings: Settings;
  organisation: Management;
  capturer: Management;
  /** Sentences for the settings page (ignored policy values, a missing pushed name). */
  notes: string[];
}

/** Managed values over local ones: a locked value always wins, a default only where the user set nothing. */
export function effectiveSettings(local: Settings, policy: ManagedPolicy): EffectiveSettings {
  const notes: string[] = [];
  let organisation = local.organisation;
  let organisationManagement: Management = 'local';
  if (policy.organisation !== undefined) {
    organisationManagement = isLocked(policy, 'organisation') ? 'locked' : 'default';
    if (organisationManagement === 'locked' || local.organisation.trim() === '')
      organisation = policy.organisation;
  }
  let capturer = local.capturer;
  let capturerManagement: Management = 'local';
  if (policy.capturerSource === 'policy') {
    if (policy.capturer) {
      capturer = policy.capturer;
      capturerManagement = 'locked';
    } else {
      notes.push(policyText.capturerNotSet);
    }
  }
  return {
    settings: { id: 'settings', capturer, organisation },
    organisation: organisationManagement,
    capturer: capturerManagement,
    notes,
  };
}

/** Why saving these settings is refused, or null: a locked value cannot be changed. */
export function settingsLockProblem(
  change: Omit<Settings, 'id'>,
  effective: EffectiveSettings,
): string | null {
  const refused: string[] = [];
  if (effective.organisation === 'locked' && change.organisation.trim() !== effective.settings.organisation)
    refused.push(policyText.organisationSet(effective.settings.organisation));
  if (effective.capturer === 'locked' && change.capturer.trim() !== effective.settings.capturer)
    refused.push(policyText.capturerSet(effective.settings.capturer));
  return refused.length === 0 ? null : policyText.settingsLocked(refused);
}

export interface EffectiveMasking {
  settings: MaskingSettings;
  enabled: Management;
  rules: Management;
}

/**
 * Masking as it applies. `stored` is the user's own row (undefined until they first change masking).
 * Locked rules are exactly the policy's: the built-ins as it switches them, then its own rules.
 */
export function effectiveMasking(
  stored: MaskingSettings | undefined,
  policy: ManagedPolicy,
): EffectiveMasking {
  const local = withBuiltIns(stored);
  const enabledLocked = isLocked(policy, 'maskingEnabled');
  let enabled = local.enabled;
  if (policy.maskingEnabled !== undefined && (enabledLocked || stored === undefined))
    enabled = policy.maskingEnabled;

  const managesRules = policy.maskingBuiltIns !== undefined || policy.maskingRules !== undefined;
  const rulesLocked = isLocked(policy, 'maskingRules');
  const switched = (rule: MaskingRule): MaskingRule => ({
    ...rule,
    enabled: policy.maskingBuiltIns?.[rule.id] ?? rule.enabled,
  });
  let rules: MaskingRule[];
  if (rulesLocked) {
    rules = [...BUILT_IN_RULES.map(switched), ...(policy.maskingRules ?? []).map((rule) => ({ ...rule }))];
  } else {
    // Defaults: the switches apply until the user saves their own; policy rules the user has not seen are added.
    const base = stored === undefined ? local.rules.map(switched) : local.rules;
    const known = new Set(base.map((rule) => rule.id));
    rules = [...base, ...(policy.maskingRules ?? []).filter((rule) => !known.has(rule.id))];
  }
  return {
    settings: { id: 'masking', enabled, rules },
    enabled: policy.maskingEnabled === undefined ? 'local' : enabledLocked ? 'locked' : 'default',
    rules: rulesLocked ? 'locked' : managesRules ? 'default' : 'local',
  };
}

/** Why this masking change is refused, or null. */
export function maskingLockProblem(
  change: { enabled: boolean; rules?: readonly MaskingRule[] },
  effective: EffectiveMasking,
): string | null {
  if (effective.enabled === 'locked' && change.enabled !== effective.settings.enabled)
    return policyText.maskingLocked(effective.settings.enabled);
  if (
    effective.rules === 'locked' &&
    change.rules !== undefined &&
    JSON.stringify(change.rules) !== JSON.stringify(effective.settings.rules)
  )
    return policyText.maskingRulesLocked;
  return null;
}

export function mappingRulesManagement(policy: ManagedPolicy): Management {
  if (policy.mappingRules === undefined) return 'local';
  return isLocked(policy, 'mappingRules') ? 'locked' : 'default';
}

/** Mapping rules as they apply: locked, only the policy's; otherwise the policy's after the local ones. */
export function effectiveMappingRules(local: readonly MappingRule[], policy: ManagedPolicy): MappingRule[] {
  const managed = policy.mappingRules ?? [];
  if (isLocked(policy, 'mappingRules') && policy.mappingRules !== undefined) return [...managed];
  return [...local, ...managed];
}
