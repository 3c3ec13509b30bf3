import { browser } from 'wxt/browser';
import { getDatabase } from '@/storage/db';
import {
  dueTimestamps,
  nextTimestampAttempt,
  queueTimestamp,
  readStampedEntry,
  recordTimestampFailure,
  storeTimestampToken,
} from '@/storage/timestamps';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { readTimestampView } from '@/platform/timestamp-settings';
import type { CustodyEntry } from '@/utils/evidence/types';
import { activeAuthority, stampedBytes, type PendingTimestamp } from '@/utils/timestamp';
import { timestampText } from '@/utils/text';
import { askAuthority } from './authority';
import { toBase64 } from '@/utils/signing/pem';
import type { TagManifestStamp } from '@/utils/messages/protocol';

export const TIMESTAMP_ALARM = 'timestamp-retry';

// One run at a time in this worker: a capture and the alarm arriving together must not ask twice for one hash.
// Losing it when the worker stops loses nothing: the queue is in IndexedDB and the next start runs again.
let running: Promise<void> | null = null;
let again = false;

/**
 * Right after a capture is stored: queue its custody entry's hash and try everything due. Never throws and
 * never delays the capture (callers do not await it); with no authority configured it does nothing at all.
 */
export async function stampAfterCapture(custody: readonly CustodyEntry[]): Promise<void> {
  try {
    const db = getDatabase();
    const { settings } = await readTimestampView(db);
    if (!activeAuthority(settings)) return;
    const entry = custody.find((item) => item.event === 'capture');
    if (entry?.evidenceId) {
      await queueTimestamp(
        db,
        {
          sha256: entry.hash,
          kind: 'capture',
          evidenceId: entry.evidenceId,
          custodySequence: entry.sequence,
        },
        new Date(),
      );
    }
    await retryTimestamps();
  } catch (error) {
    console.warn('Timestamp not requested yet; it stays queued.', error);
  }
}

/** Tries every queued stamp that is due, then sets the alarm for the next one. Safe to call at any time. */
export function retryTimestamps(): Promise<void> {
  if (running) {
    again = true; // something was queued while this run was under way: run once more after it
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await runDue().catch((error: unknown) => console.warn('Timestamps stay queued.', error));
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Stamps an export's tag manifest now (the bundle is being written: there is nothing to queue it for). */
export async function stampTagManifest(text: string): Promise<TagManifestStamp | null> {
  const { settings } = await readTimestampView(getDatabase());
  const url = activeAuthority(settings);
  if (!url) return null;
  const answer = await askAuthority(url, new TextEncoder().encode(text), settings.trustedPem);
  if (!answer.ok) return answer;
  const { genTime, signer, certificatesPem } = answer.facts;
  return { ok: true, replyBase64: toBase64(answer.reply), genTime, signer, certificatesPem, authority: url };
}

async function runDue(): Promise<void> {
  const db = getDatabase();
  const { settings } = await readTimestampView(db);
  const url = activeAuthority(settings);
  if (url) {
    for (const item of await dueTimestamps(db, new Date())) await stampOne(url, settings.trustedPem, item);
  }
  await scheduleRetry(url !== null);
}

async function stampOne(url: string, trustedPem: string, item: PendingTimestamp): Promise<void> {
  const db = getDatabase();
  const entry = await readStampedEntry(db, item.custodySequence);
  if (!entry || entry.hash !== item.sha256) {
    await recordTimestampFailure(db, item, timestampText.problem.entryMissing, new Date());
    return;
  }
  const answer = await askAuthority(url, stampedBytes(entry), trustedPem);
  if (!answer.ok) {
    await recordTimestampFailure(db, item, answer.problem, new Date());
    return;
  }
  await storeTimestampToken(
    db,
    item,
    answer.reply,
    answer.facts,
    url,
    await readEffectiveCapturer(db),
    new Date(),
  );
}

async function scheduleRetry(active: boolean): Promise<void> {
  const next = active ? await nextTimestampAttempt(getDatabase()) : null;
  if (next === null) {
    await browser.alarms.clear(TIMESTAMP_ALARM);
    return;
  }
  // Alarms fire no sooner than 30 s in Chrome; an earlier time fires as soon as allowed.
  await browser.alarms.create(TIMESTAMP_ALARM, {
    when: Math.max(new Date(next).getTime(), Date.now() + 1_000),
  });
}
