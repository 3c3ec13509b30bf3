import {
  isMappedFrameworkId,
  MAPPED_FRAMEWORK_IDS,
  type MappedFrameworkId,
} from '../crosswalk/framework-catalogue';
import type { MappingRule } from '../isms/types';
import type { MaskingRule } from '../masking/types';
import { policyProblemText } from '../text';
import { serviceOrigin } from './origin';

/**
 * What an administrator may preset by browser policy (chrome.storage.managed / Firefox's
 * policies.json `3rdparty`). public/managed-schema.json declares the same shape to the browser.
 */
export interface ManagedPolicy {
  organisation?: string;
  /** `user`: people type their own name in Settings. `policy`: the name comes from `capturer`. */
  capturerSource?: CapturerSource;
  /** The capturer's name, pushed per user (user-level policy); used when capturerSource is `policy`. */
  capturer?: string;
  maskingEnabled?: boolean;
  /** Built-in masking patterns switched on or off, by id (`email`, `aws-access-key` …). */
  maskingBuiltIns?: Record<string, boolean>;
  /** The organisation's own patterns and selectors, added to the built-ins. */
  maskingRules?: MaskingRule[];
  /** URL and keyword rules that suggest controls. */
  mappingRules?: MappingRule[];
  /** The frameworks in scope besides ISO/IEC 27001 (always in scope): `soc2`, `nist-csf`. */
  frameworks?: MappedFrameworkId[];
  /** The settings people may not change; any other value the policy sets is a default they may override. */
  locked?: LockableSetting[];
  /** The RFC 3161 time-stamping authority every capture and export is stamped by (always locked). */
  timestampAuthorityUrl?: string;
  /** Minutes of disagreement between local and trusted time beyond which the index flags a capture. */
  timestampToleranceMinutes?: number;
  /** PEM CA certificates the authority's tokens must chain to. */
  timestampAuthorityCertificates?: string;
  /** Where the team store is; each value set here is fixed in Settings. Never the secret: each admin types it. */
  teamStore?: ManagedTeamStore;
  /**
   * The bundle-signing keys of the organisation's installations (SHA-256 fingerprints, any grouping, with a
   * name): an import names a bundle signed by one of them as pinned, and any other signer as not pinned.
   */
  pinnedSigningKeys?: PinnedSigningKey[];
}

export interface PinnedSigningKey {
  /** Plain lower-case hex, however the policy grouped it. */
  fingerprint: string;
  label: string;
}

/** The team store as the organisation sets it (docs/DEPLOYMENT.md); every part optional. */
export interface ManagedTeamStore {
  endpoint?: string;
  region?: string;
  bucket?: string;
  prefix?: string;
  pathStyle?: boolean;
  accessKeyId?: string;
}

const TEAM_STORE_TEXT_KEYS = ['endpoint', 'region', 'bucket', 'prefix', 'accessKeyId'] as const;

export const CAPTURER_SOURCES = ['user', 'policy'] as const;
export type CapturerSource = (typeof CAPTURER_SOURCES)[number];

export const LOCKABLE_SETTINGS = [
  'organisation',
  'maskingEnabled',
  'maskingRules',
  'mappingRules',
  'frameworks',
] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

export interface ParsedPolicy {
  policy: ManagedPolicy;
  /** Sentences about values that were ignored, for the settings page. */
  problems: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads whatever the browser handed over. Chrome already dropped values that break the schema, but
 * Firefox checks nothing: each key is checked here, and a bad one is ignored with a sentence.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: ManagedPolicy = {};
  const problems: string[] = [];
  if (!isObject(raw)) return { policy, problems };
  const ignore = (key: string, why: string) => problems.push(policyProblemText.ignored(key, why));

  for (const key of ['organisation', 'capturer'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'string') policy[key] = value.trim();
    else ignore(key, policyProblemText.notText);
  }
  if (raw.capturerSource !== undefined) {
    if (CAPTURER_SOURCES.includes(raw.capturerSource as CapturerSource))
      policy.capturerSource = raw.capturerSource as CapturerSource;
    else ignore('capturerSource', policyProblemText.capturerSource);
  }
  if (raw.maskingEnabled !== undefined) {
    if (typeof raw.maskingEnabled === 'boolean') policy.maskingEnabled = raw.maskingEnabled;
    else ignore('maskingEnabled', policyProblemText.notBoolean);
  }
  if (raw.maskingBuiltIns !== undefined) {
    if (
      isObject(raw.maskingBuiltIns) &&
      Object.values(raw.maskingBuiltIns).every((v) => typeof v === 'boolean')
    )
      policy.maskingBuiltIns = { ...(raw.maskingBuiltIns as Record<string, boolean>) };
    else ignore('maskingBuiltIns', policyProblemText.builtIns);
  }
  if (raw.maskingRules !== undefined) {
    const rules = Array.isArray(raw.maskingRules) ? raw.maskingRules.map(maskingRuleOf) : null;
    if (rules && rules.every((rule) => rule !== null)) policy.maskingRules = rules as MaskingRule[];
    else ignore('maskingRules', policyProblemText.maskingRules);
  }
  if (raw.mappingRules !== undefined) {
    const rules = Array.isArray(raw.mappingRules) ? raw.mappingRules.map(mappingRuleOf) : null;
    if (rules && rules.every((rule) => rule !== null)) policy.mappingRules = rules as MappingRule[];
    else ignore('mappingRules', policyProblemText.mappingRules);
  }
  readTimestampPolicy(raw, policy, ignore);
  if (raw.frameworks !== undefined) {
    if (Array.isArray(raw.frameworks) && raw.frameworks.every(isMappedFrameworkId))
      policy.frameworks = [...new Set(raw.frameworks)];
    else ignore('frameworks', policyProblemText.frameworks(MAPPED_FRAMEWORK_IDS));
  }
  if (raw.pinnedSigningKeys !== undefined) {
    const keys = Array.isArray(raw.pinnedSigningKeys) ? raw.pinnedSigningKeys.map(pinnedKeyOf) : null;
    if (keys && keys.every((key) => key !== null)) policy.pinnedSigningKeys = keys as PinnedSigningKey[];
    else ignore('pinnedSigningKeys', policyProblemText.pinnedSigningKeys);
  }
  if (raw.locked !== undefined) {
    if (Array.isArray(raw.locked) && raw.locked.every((key) => LOCKABLE_SETTINGS.includes(key)))
      policy.locked = [...new Set(raw.locked as LockableSetting[])];
    else ignore('locked', policyProblemText.locked(LOCKABLE_SETTINGS));
  }
  if (raw.teamStore !== undefined) {
    const store = teamStoreOf(raw.teamStore);
    if (store) policy.teamStore = store;
    else ignore('teamStore', policyProblemText.teamStore);
  }
  return { policy, problems };
}

function readTimestampPolicy(
  raw: Json,
  policy: ManagedPolicy,
  ignore: (key: string, why: string) => void,
): void {
  const { timestampAuthorityUrl: url, timestampToleranceMinutes: tolerance } = raw;
  if (url !== undefined) {
    const origin = typeof url === 'string' && url.trim() !== '' ? serviceOrigin(url) : null;
    if (origin?.ok) policy.timestampAuthorityUrl = (url as string).trim();
    else
      ignore('timestampAuthorityUrl', origin ? `the address ${origin.problem}` : policyProblemText.notText);
  }
  if (tolerance !== undefined) {
    if (typeof tolerance === 'number' && Number.isInteger(tolerance) && tolerance >= 1 && tolerance <= 1440)
      policy.timestampToleranceMinutes = tolerance;
    else ignore('timestampToleranceMinutes', policyProblemText.minutes);
  }
  const certificates = raw.timestampAuthorityCertificates;
  if (certificates !== undefined) {
    if (typeof certificates === 'string' && certificates.includes('-----BEGIN CERTIFICATE-----'))
      policy.timestampAuthorityCertificates = certificates;
    else ignore('timestampAuthorityCertificates', policyProblemText.certificates);
  }
}

function teamStoreOf(value: unknown): ManagedTeamStore | null {
  if (!isObject(value)) return null;
  const store: ManagedTeamStore = {};
  for (const key of TEAM_STORE_TEXT_KEYS) {
    const part = value[key];
    if (part === undefined) continue;
    if (typeof part !== 'string') return null;
    store[key] = part.trim();
  }
  if (value.pathStyle !== undefined) {
    if (typeof value.pathStyle !== 'boolean') return null;
    store.pathStyle = value.pathStyle;
  }
  if (store.endpoint !== undefined && !/^https?:\/\/[^/]+/.test(store.endpoint)) return null;
  return store;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function maskingRuleOf(value: unknown): MaskingRule | null {
  if (!isObject(value) || !text(value.id) || !text(value.name)) return null;
  const base = { id: `${POLICY_RULE_PREFIX}${value.id}`, name: value.name, enabled: value.enabled !== false };
  if (value.kind === 'selector' && text(value.selector))
    return { ...base, kind: 'selector', selector: value.selector };
  if (value.kind === 'pattern' && text(value.pattern))
    return {
      ...base,
      kind: 'pattern',
      pattern: value.pattern,
      ...(typeof value.flags === 'string' && value.flags ? { flags: value.flags } : {}),
    };
  return null;
}

/** `"AB12 …"` or `{ "fingerprint": "AB12 …", "label": "Compliance laptop" }`; 64 hex digits in any grouping. */
function pinnedKeyOf(value: unknown): PinnedSigningKey | null {
  const fingerprint = typeof value === 'string' ? value : isObject(value) ? value.fingerprint : undefined;
  if (typeof fingerprint !== 'string') return null;
  const hex = fingerprint.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const label = isObject(value) && text(value.label) ? value.label.trim() : '';
  return { fingerprint: hex, label };
}

function mappingRuleOf(value: unknown): MappingRule | null {
  if (!isObject(value) || !text(value.id) || !text(value.pattern)) return null;
  if (value.kind !== 'url' && value.kind !== 'keyword') return null;
  if (!Array.isArray(value.controls) || !value.controls.every((id) => typeof id === 'string')) return null;
  return {
    id: `${POLICY_RULE_PREFIX}${value.id}`,
    kind: value.kind,
    pattern: value.pattern,
    controls: [...(value.controls as string[])],
    enabled: value.enabled !== false,
    builtIn: false,
  };
}

/** Rules from the policy carry this id prefix, so that they never collide with a user's own. */
export const POLICY_RULE_PREFIX = 'policy:';

export function isLocked(policy: ManagedPolicy, setting: LockableSetting): boolean {
  return policy.locked?.includes(setting) ?? false;
}
