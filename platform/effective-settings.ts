import type { MappingRule, Settings } from '@/utils/isms/types';
import {
  effectiveMappingRules,
  effectiveSettings,
  mappingRulesManagement,
  settingsLockProblem,
  type EffectiveSettings,
  type Management,
} from '@/utils/settings/effective';
import { settingsText } from '@/utils/text';
import type { EvidenceDatabase } from '@/storage/db';
import { ValidationError } from '@/storage/isms-repository';
import { readRules, readSettings, saveSettings } from '@/storage/settings-repository';
import { readManagedPolicy } from './managed-policy';

export interface SettingsView extends EffectiveSettings {
  /** Ignored policy values, as sentences. */
  policyProblems: string[];
  /** The policy's rules that suggest controls, and how they apply. */
  mappingRules: MappingRule[];
  mappingRulesManagement: Management;
}

/** The settings as they apply: the administrator's policy over the user's own values. */
export async function readEffectiveSettings(db: EvidenceDatabase): Promise<SettingsView> {
  const [local, { policy, problems }] = await Promise.all([readSettings(db), readManagedPolicy()]);
  return {
    ...effectiveSettings(local, policy),
    policyProblems: problems,
    mappingRules: policy.mappingRules ?? [],
    mappingRulesManagement: mappingRulesManagement(policy),
  };
}

/** The name stamped on captures and written to the custody log. */
export async function readEffectiveCapturer(db: EvidenceDatabase): Promise<string> {
  return (await readEffectiveSettings(db)).settings.capturer.trim() || settingsText.unnamedCapturer;
}

export async function readEffectiveOrganisation(db: EvidenceDatabase): Promise<string> {
  return (await readEffectiveSettings(db)).settings.organisation.trim();
}

/** Saves the user's own values; refused when the policy locks one of them to another value. */
export async function saveOwnSettings(db: EvidenceDatabase, change: Omit<Settings, 'id'>): Promise<Settings> {
  const [local, { policy }] = await Promise.all([readSettings(db), readManagedPolicy()]);
  const effective = effectiveSettings(local, policy);
  const problem = settingsLockProblem(change, effective);
  if (problem) throw new ValidationError([problem]);
  // A locked value is the policy's, not the user's: keep their own underneath for when the policy goes.
  return saveSettings(db, {
    capturer: effective.capturer === 'locked' ? local.capturer : change.capturer,
    organisation: effective.organisation === 'locked' ? local.organisation : change.organisation,
  });
}

export async function readEffectiveMappingRules(db: EvidenceDatabase): Promise<MappingRule[]> {
  const [local, { policy }] = await Promise.all([readRules(db), readManagedPolicy()]);
  return effectiveMappingRules(local, policy);
}
