import type { MaskingRule, MaskingSettings } from './types';

/**
 * The built-in rules. Patterns are deliberately anchored on the well-known prefixes of each credential
 * type, so that ordinary identifiers (hashes, UUIDs, evidence ids) are not masked by accident.
 */
export const BUILT_IN_RULES: readonly MaskingRule[] = [
  {
    id: 'email',
    name: 'E-mail addresses',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`,
  },
  {
    id: 'bearer-token',
    name: 'Bearer tokens',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`\bBearer\s+[A-Za-z0-9\-._~+/]{8,}=*`,
    flags: 'i',
  },
  {
    id: 'aws-access-key',
    name: 'AWS access key ids',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b`,
  },
  {
    id: 'github-token',
    name: 'GitHub tokens',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b`,
  },
  {
    id: 'slack-token',
    name: 'Slack tokens',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`\bxox[abpr]-[A-Za-z0-9-]{10,}`,
  },
  {
    // A run of 32–100 token characters standing alone (longer runs are data: URLs and the like),
    // kept only when it looks random: above 4.2 bits per character, which plain hex (at most 4) never is.
    id: 'high-entropy-secret',
    name: 'Generic high-entropy secrets',
    enabled: true,
    kind: 'pattern',
    pattern: String.raw`(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])[A-Za-z0-9+/_-]{32,100}={0,2}(?![A-Za-z0-9+/=_-])`,
    minEntropyBits: 4.2,
  },
];

export const DEFAULT_MASKING_SETTINGS: MaskingSettings = {
  id: 'masking',
  enabled: false,
  rules: BUILT_IN_RULES.map((rule) => ({ ...rule })),
};

/**
 * Stored settings with every built-in rule present: a built-in added in a later version is switched
 * on for users who never saw it, and one the user edited or switched off stays as they left it.
 */
export function withBuiltIns(stored: MaskingSettings | undefined): MaskingSettings {
  if (!stored)
    return { ...DEFAULT_MASKING_SETTINGS, rules: DEFAULT_MASKING_SETTINGS.rules.map((r) => ({ ...r })) };
  const known = new Set(stored.rules.map((rule) => rule.id));
  const missing = BUILT_IN_RULES.filter((rule) => !known.has(rule.id)).map((rule) => ({ ...rule }));
  return { id: 'masking', enabled: stored.enabled, rules: [...stored.rules, ...missing] };
}
