import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthority, type TestAuthority } from '../tests/support/tsa-server.mjs';
import { verifyChain } from '@/utils/integrity/custody';
import { sha256Hex } from '@/utils/integrity/sha256';
import {
  hexToBytes,
  nonceFrom,
  stampedBytes,
  timestampRequest,
  verifyTimestampReply,
} from '@/utils/timestamp';
import { appendCustody, readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { captureTimestamps } from './bundle-source';
import {
  dueTimestamps,
  nextTimestampAttempt,
  queueTimestamp,
  recordTimestampFailure,
  storeTimestampToken,
  timestampTokensOf,
} from './timestamps';

const NAME = 'timestamp-queue';
let authority: TestAuthority;
beforeAll(() => {
  authority = createTestAuthority();
});
afterAll(() => authority.remove());
afterEach(() => Dexie.delete(NAME));

describe('the timestamp queue', () => {
  it('queues a capture entry once, backs off after a failure, and stores the verified token with a custody entry', async () => {
    const db = new EvidenceDatabase(NAME);
    const entry = await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        at: '2026-12-03T12:00:00.000Z',
        event: 'capture',
        evidenceId: 'EV-1',
        actor: 'Alice',
        details: { artifacts: [] },
      }),
    );
    const subject = { sha256: entry.hash, kind: 'capture' as const, evidenceId: 'EV-1', custodySequence: 1 };
    const start = new Date('2026-12-03T12:00:01.000Z');
    await queueTimestamp(db, subject, start);
    await queueTimestamp(db, subject, start);
    const [item] = await dueTimestamps(db, start);
    expect(item).toMatchObject({ evidenceId: 'EV-1', attempts: 0 });

    await recordTimestampFailure(db, item!, 'the authority could not be reached (ECONNREFUSED)', start);
    expect(await dueTimestamps(db, start)).toEqual([]);
    expect(await nextTimestampAttempt(db)).toBe('2026-12-03T12:00:31.000Z');
    const later = new Date('2026-12-03T12:00:31.000Z');
    const [retry] = await dueTimestamps(db, later);
    expect(retry).toMatchObject({
      attempts: 1,
      lastProblem: 'the authority could not be reached (ECONNREFUSED)',
    });

    const data = stampedBytes(entry);
    // The stamped bytes are exactly those the entry's hash is the SHA-256 of: `openssl ts -verify -data` needs them.
    expect(await sha256Hex(data)).toBe(entry.hash);
    const nonce = nonceFrom(crypto.getRandomValues(new Uint8Array(8)));
    const reply = new Uint8Array(await authority.reply(timestampRequest(hexToBytes(entry.hash), nonce)));
    const check = await verifyTimestampReply(reply, { data, nonce, trustedPem: authority.caPem });
    if (!check.ok) throw new Error(check.problem);
    await storeTimestampToken(db, retry!, reply, check.facts, 'http://127.0.0.1/tsa', 'Alice', later);

    expect(await db.timestampQueue.count()).toBe(0);
    const tokens = await timestampTokensOf(db, ['EV-1']);
    expect(tokens.get('EV-1')).toMatchObject({ genTime: check.facts.genTime, custodySequence: 1 });
    // Queuing the stamped hash again does nothing: it has its token.
    await queueTimestamp(db, subject, later);
    expect(await db.timestampQueue.count()).toBe(0);
    const log = await readCustodyLog(db);
    expect(log.map((item) => item.event)).toEqual(['capture', 'timestamp']);
    expect(log[1]!.details).toMatchObject({
      stampedSequence: 1,
      stampedSha256: entry.hash,
      genTime: check.facts.genTime,
    });
    expect(verifyChain(log)).toEqual([]);

    // An export bags the token with the exact bytes it stamps; a capture still queued is pending, another none.
    const second = await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        at: '2026-12-03T12:01:00.000Z',
        event: 'capture',
        evidenceId: 'EV-2',
        actor: 'Alice',
        details: { artifacts: [] },
      }),
    );
    await queueTimestamp(
      db,
      { sha256: second.hash, kind: 'capture', evidenceId: 'EV-2', custodySequence: second.sequence },
      later,
    );
    const timestampOf = await captureTimestamps(db, await readCustodyLog(db));
    const stamped = await timestampOf('EV-1');
    expect(stamped).toMatchObject({ state: 'stamped', genTime: check.facts.genTime });
    if (stamped?.state !== 'stamped') throw new Error('not stamped');
    expect(await sha256Hex(new TextEncoder().encode(stamped.stampedText))).toBe(entry.hash);
    expect(stamped.reply).toEqual(reply);
    expect(await timestampOf('EV-2')).toEqual({ state: 'pending' });
    expect(await timestampOf('EV-3')).toBeUndefined();
    db.close();
  });
});
