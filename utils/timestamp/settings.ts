/**
 * The time-stamping authority setting: its URL (empty = off: no permission, no request), the tolerance beyond
 * which the index flags a capture whose local clock disagrees with the trusted time, and the CA certificates
 * the organisation trusts for its authority (optional: without them a token's signature is checked, its chain
 * is not). A value the organisation's policy sets is the policy's alone.
 */
import { serviceOrigin } from '../settings/origin';
import type { ManagedPolicy } from '../settings/policy';
import { timestampText } from '../text';

export const TIMESTAMP_SETTINGS_ROW = 'timestamps';
export const DEFAULT_TOLERANCE_MINUTES = 5;

export interface TimestampSettings {
  url: string;
  toleranceMinutes: number;
  trustedPem: string;
}

export const DEFAULT_TIMESTAMP_SETTINGS: TimestampSettings = {
  url: '',
  toleranceMinutes: DEFAULT_TOLERANCE_MINUTES,
  trustedPem: '',
};

export interface EffectiveTimestamps {
  settings: TimestampSettings;
  /** Which of the three the organisation's policy sets (and so cannot be changed here). */
  managed: { url: boolean; toleranceMinutes: boolean; trustedPem: boolean };
}

export function effectiveTimestamps(
  stored: Partial<TimestampSettings> | undefined,
  policy: ManagedPolicy,
): EffectiveTimestamps {
  const local = { ...DEFAULT_TIMESTAMP_SETTINGS, ...stored };
  return {
    settings: {
      url: policy.timestampAuthorityUrl ?? local.url,
      toleranceMinutes: policy.timestampToleranceMinutes ?? local.toleranceMinutes,
      trustedPem: policy.timestampAuthorityCertificates ?? local.trustedPem,
    },
    managed: {
      url: policy.timestampAuthorityUrl !== undefined,
      toleranceMinutes: policy.timestampToleranceMinutes !== undefined,
      trustedPem: policy.timestampAuthorityCertificates !== undefined,
    },
  };
}

export function isValidTolerance(minutes: unknown): minutes is number {
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440;
}

/** Why these settings cannot be saved, or null. An empty URL switches timestamps off. */
export function timestampSettingsProblem(change: TimestampSettings): string | null {
  if (change.url.trim() !== '') {
    const origin = serviceOrigin(change.url);
    if (!origin.ok) return `${timestampText.badUrlPrefix} ${origin.problem}.`;
  }
  if (!isValidTolerance(change.toleranceMinutes)) return timestampText.badTolerance;
  return null;
}

/** The authority's URL when timestamps are on, else null. */
export function activeAuthority(settings: TimestampSettings): string | null {
  const url = settings.url.trim();
  return url && serviceOrigin(url).ok ? url : null;
}
