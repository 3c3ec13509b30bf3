import { teamStoreProbeText as t } from '../text';
import { normalisePrefix } from './keys';
import type { S3Store } from './s3-client';

/** What setup proved about the store: write-once, or why not, in words. */
export interface ProbeResult {
  tamperProof: boolean;
  lockEnabled: boolean;
  /** The engine's answer to the probe version's delete: 403 when write-once holds. */
  deleteStatus: number;
  mode: 'COMPLIANCE' | 'GOVERNANCE' | undefined;
  days: number | undefined;
  /** Why it is not tamper-proof; empty when it is. */
  reasons: string[];
  summary: string;
}

/**
 * Proves the store is write-once: Object Lock on with a default retention, and a delete of a probe object's
 * version refused by the engine (403). The probe object stays; retention removes it in time.
 */
export async function probeWriteOnce(store: S3Store, now: Date = new Date()): Promise<ProbeResult> {
  const lock = await store.lockConfiguration();
  const reasons: string[] = [];
  if (!lock.enabled) reasons.push(t.noLock);
  else if (!lock.mode || !lock.days) reasons.push(t.noRetention);
  const base = normalisePrefix(store.config.prefix);
  const key = `${base ? `${base}/` : ''}probe/write-once-${now.toISOString().replace(/[:.]/g, '-')}`;
  const written = await store.putObject(key, new TextEncoder().encode('write-once probe'), 'text/plain');
  const deleteStatus = await store.deleteVersion(key, written.versionId || 'null');
  if (deleteStatus !== 403) reasons.push(t.deleteAllowed);
  const tamperProof = reasons.length === 0;
  return {
    tamperProof,
    lockEnabled: lock.enabled,
    deleteStatus,
    mode: lock.mode,
    days: lock.days,
    reasons,
    summary: tamperProof ? t.tamperProof(lock.mode ?? '', lock.days ?? 0) : t.notTamperProof,
  };
}
