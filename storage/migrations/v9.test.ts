import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../db';
import { readCustodyLog } from '../custody-log';
import { dueTimestamps, queueTimestamp } from '../timestamps';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';
import { SCHEMA_V6 } from './v6';

const NAME = 'migration-v6-to-v9';

afterEach(() => Dexie.delete(NAME));

async function previousVersion(): Promise<void> {
  const v6 = new Dexie(NAME);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2);
  v6.version(3).stores(SCHEMA_V3);
  v6.version(4).stores(SCHEMA_V4);
  v6.version(6).stores(SCHEMA_V6);
  await v6.table('settings').add({ id: 'settings', capturer: 'Alice', organisation: 'Example Ltd' });
  await v6.table('signingKeys').add({
    fingerprint: 'a'.repeat(64),
    algorithm: 'Ed25519',
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n',
    privateKey: null,
    status: 'retired',
    createdAt: '2026-11-01T10:00:00.000Z',
    retiredAt: '2026-11-02T10:00:00.000Z',
  });
  await v6.table('custody').add({
    sequence: 1,
    at: '2026-12-01T10:00:00.000Z',
    event: 'capture',
    evidenceId: 'EV-1',
    actor: 'Alice',
    details: {},
    previousHash: '0'.repeat(64),
    hash: 'b'.repeat(64),
  });
  v6.close();
}

describe('schema version 9', () => {
  it('opens a version 6 database with its rows intact and no timestamps, then queues one', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await db.settings.get('settings')).toEqual({
      id: 'settings',
      capturer: 'Alice',
      organisation: 'Example Ltd',
    });
    expect(await db.signingKeys.count()).toBe(1);
    expect((await readCustodyLog(db)).map((entry) => entry.hash)).toEqual(['b'.repeat(64)]);
    expect(await db.timestampQueue.count()).toBe(0);
    expect(await db.timestampTokens.count()).toBe(0);

    const now = new Date('2026-12-03T12:00:00.000Z');
    await queueTimestamp(
      db,
      { sha256: 'b'.repeat(64), kind: 'capture', evidenceId: 'EV-1', custodySequence: 1 },
      now,
    );
    expect((await dueTimestamps(db, now)).map((item) => item.evidenceId)).toEqual(['EV-1']);
    db.close();
  });
});
