import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../db';
import { currentSigningKey, knownSigningKeys, listSigningKeys, rotateSigningKey } from '../signing-keys';
import { readCustodyLog } from '../custody-log';
import { verifyChain } from '@/utils/integrity/custody';
import { pemToSpki, signBytes, verifyBytes } from '@/utils/signing';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';

const NAME = 'migration-v4-to-v6';
const labels = { current: 'This installation', retired: 'This installation (retired key)' };

afterEach(() => Dexie.delete(NAME));

async function previousVersion(): Promise<void> {
  const v4 = new Dexie(NAME);
  v4.version(1).stores(SCHEMA_V1);
  v4.version(2).stores(SCHEMA_V2);
  v4.version(3).stores(SCHEMA_V3);
  v4.version(4).stores(SCHEMA_V4);
  await v4.table('settings').add({ id: 'settings', capturer: 'Alice', organisation: 'Example Ltd' });
  await v4.table('requests').add({ id: 'AUD-1/R-1', audit: 'AUD-1', owner: 'Bob', allEvidenceIds: [] });
  v4.close();
}

describe('schema version 6', () => {
  it('opens a version 4 database with its rows intact and no signing key until one is needed', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6); // later versions open it too
    expect(await db.settings.get('settings')).toEqual({
      id: 'settings',
      capturer: 'Alice',
      organisation: 'Example Ltd',
    });
    expect(await db.requests.count()).toBe(1);
    expect(await db.signingKeys.count()).toBe(0);
    db.close();
  });

  it('makes one non-extractable key on first use and returns the same one after reopening', async () => {
    await previousVersion();
    let db = new EvidenceDatabase(NAME);
    const first = await currentSigningKey(db, '2026-12-01T10:00:00.000Z');
    expect(first.privateKey?.extractable).toBe(false);
    expect(first.algorithm).toBe('Ed25519');
    db.close();
    db = new EvidenceDatabase(NAME);
    const again = await currentSigningKey(db);
    expect(again.fingerprint).toBe(first.fingerprint);
    const data = new TextEncoder().encode('tag manifest');
    const signature = await signBytes(again.privateKey!, again.algorithm, data);
    expect(await verifyBytes(pemToSpki(first.publicKeyPem)!, first.algorithm, data, signature)).toBe(true);
    db.close();
  });

  it('rotating keeps the old public key known, drops its private half, and records a custody entry', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    const old = await currentSigningKey(db, '2026-12-01T10:00:00.000Z');
    const next = await rotateSigningKey(db, 'Alice', 'Laptop replaced', '2026-12-02T10:00:00.000Z');
    expect(next.fingerprint).not.toBe(old.fingerprint);
    expect((await currentSigningKey(db)).fingerprint).toBe(next.fingerprint);

    const retired = await db.signingKeys.get(old.fingerprint);
    expect(retired).toMatchObject({
      status: 'retired',
      privateKey: null,
      retiredAt: '2026-12-02T10:00:00.000Z',
    });
    expect((await listSigningKeys(db)).map((key) => key.status)).toEqual(['current', 'retired']);
    expect(await knownSigningKeys(db, [], labels)).toEqual(
      expect.arrayContaining([
        { fingerprint: next.fingerprint, label: labels.current },
        { fingerprint: old.fingerprint, label: labels.retired },
      ]),
    );

    const log = await readCustodyLog(db);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      event: 'key-rotation',
      actor: 'Alice',
      details: {
        retiredFingerprint: old.fingerprint,
        newFingerprint: next.fingerprint,
        reason: 'Laptop replaced',
      },
    });
    expect(verifyChain(log)).toEqual([]);
    db.close();
  });
});
