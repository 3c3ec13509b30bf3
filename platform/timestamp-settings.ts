import type { EvidenceDatabase } from '@/storage/db';
import { ValidationError } from '@/storage/isms-repository';
import {
  effectiveTimestamps,
  TIMESTAMP_SETTINGS_ROW,
  timestampSettingsProblem,
  type EffectiveTimestamps,
  type TimestampSettings,
} from '@/utils/timestamp/settings';
import { timestampText } from '@/utils/text';
import { readManagedPolicy } from './managed-policy';
import { sendMessage } from './messaging';
import { activeAuthority } from '@/utils/timestamp/settings';
import { fromBase64 } from '@/utils/signing/pem';
import type { BundleTimestamping } from '@/utils/bundle/types';

type Row = TimestampSettings & { id: typeof TIMESTAMP_SETTINGS_ROW };

// The settings table is keyed by id; the authority lives in its own row, as masking does.
function table(db: EvidenceDatabase) {
  return db.table<Row, string>('settings');
}

/** The time-stamping authority as it applies: the organisation's policy over the user's own values. */
export async function readTimestampView(db: EvidenceDatabase): Promise<EffectiveTimestamps> {
  const [stored, { policy }] = await Promise.all([
    table(db).get(TIMESTAMP_SETTINGS_ROW),
    readManagedPolicy(),
  ]);
  return effectiveTimestamps(stored, policy);
}

/**
 * Saves the user's authority, tolerance and trusted certificates; refused when one is not usable or the policy
 * sets it. The host permission was asked for by the page, in the click that saved.
 */
export async function saveTimestampSettings(
  db: EvidenceDatabase,
  change: TimestampSettings,
): Promise<EffectiveTimestamps> {
  const trimmed = { ...change, url: change.url.trim(), trustedPem: change.trustedPem.trim() };
  const problem = timestampSettingsProblem(trimmed);
  if (problem) throw new ValidationError([problem]);
  const view = await readTimestampView(db);
  const stored = { ...view.settings, ...(await table(db).get(TIMESTAMP_SETTINGS_ROW)) };
  const managedChange = (Object.keys(view.managed) as (keyof TimestampSettings)[]).some(
    (key) => view.managed[key] && trimmed[key] !== view.settings[key],
  );
  if (managedChange) throw new ValidationError([timestampText.managedRefusal]);
  await table(db).put({
    id: TIMESTAMP_SETTINGS_ROW,
    url: view.managed.url ? stored.url : trimmed.url,
    toleranceMinutes: view.managed.toleranceMinutes ? stored.toleranceMinutes : trimmed.toleranceMinutes,
    trustedPem: view.managed.trustedPem ? stored.trustedPem : trimmed.trustedPem,
  });
  return readTimestampView(db);
}

/**
 * Trusted time stamps for an export made in this page: the tolerance and trusted certificates as they apply, and
 * the tag manifest stamped by the background (which alone asks the authority). Undefined when timestamps are off.
 * An authority that cannot be reached becomes a problem sentence, never a failed export.
 */
export async function exportTimestamping(db: EvidenceDatabase): Promise<BundleTimestamping | undefined> {
  const { settings } = await readTimestampView(db);
  if (!activeAuthority(settings)) return undefined;
  return {
    toleranceMinutes: settings.toleranceMinutes,
    trustedPem: settings.trustedPem,
    stampTagManifest: async (tagManifest) => {
      const text = new TextDecoder().decode(tagManifest);
      const stamp = await sendMessage('timestampTagManifest', { text });
      if (!stamp) return { ok: false, problem: timestampText.notConfigured };
      if (!stamp.ok) return stamp;
      return {
        ok: true,
        reply: fromBase64(stamp.replyBase64),
        genTime: stamp.genTime,
        certificatesPem: stamp.certificatesPem,
      };
    },
  };
}
