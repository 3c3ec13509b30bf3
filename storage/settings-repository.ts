import type { MappingRule, Settings } from '@/utils/isms/types';
import { BUILT_IN_RULES } from '@/utils/rules/built-in-rules';
import type { EvidenceDatabase } from './db';
import { settingsText } from '@/utils/text';

export const DEFAULT_SETTINGS: Settings = { id: 'settings', capturer: '', organisation: '' };

export async function readSettings(db: EvidenceDatabase): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await db.settings.get('settings')) };
}

/** The name stamped on captures; the settings page asks for it. */
export async function readCapturer(db: EvidenceDatabase): Promise<string> {
  return (await readSettings(db)).capturer.trim() || settingsText.unnamedCapturer;
}

export async function saveSettings(db: EvidenceDatabase, settings: Omit<Settings, 'id'>): Promise<Settings> {
  const row: Settings = { ...settings, id: 'settings' };
  await db.settings.put(row);
  return row;
}

/** Built-in rules (with the user's on/off switch applied) followed by the user's own rules. */
export async function readRules(db: EvidenceDatabase): Promise<MappingRule[]> {
  const stored = new Map((await db.rules.toArray()).map((rule) => [rule.id, rule]));
  const builtIn = BUILT_IN_RULES.map((rule) => stored.get(rule.id) ?? rule);
  const own = [...stored.values()].filter((rule) => !rule.builtIn);
  return [...builtIn, ...own];
}
