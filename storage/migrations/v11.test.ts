import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../db';
import { readTeamSnapshot } from '../team-cache';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';
import { SCHEMA_V6 } from './v6';

const NAME = 'migration-v6-to-v11';

afterEach(() => Dexie.delete(NAME));

async function previousVersion(): Promise<void> {
  const v6 = new Dexie(NAME);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2);
  v6.version(3).stores(SCHEMA_V3);
  v6.version(4).stores(SCHEMA_V4);
  v6.version(6).stores(SCHEMA_V6);
  await v6.table('settings').add({ id: 'settings', capturer: 'Lena Lead', organisation: 'Example Ltd' });
  await v6.table('evidence').add({ id: 'EV-1', sequence: 1, controls: ['A.8.13'], status: 'ready' });
  await v6.table('custody').add({ sequence: 1, event: 'capture', evidenceId: 'EV-1', hash: 'h1' });
  await v6.table('signingKeys').add({ fingerprint: 'f1', status: 'current', publicKeyPem: 'pem' });
  v6.close();
}

describe('schema version 11 (the team view cache)', () => {
  it('opens a version 6 database with every row intact and an empty team cache', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(11);
    expect(await db.settings.get('settings')).toEqual({
      id: 'settings',
      capturer: 'Lena Lead',
      organisation: 'Example Ltd',
    });
    expect(await db.evidence.get('EV-1')).toMatchObject({ controls: ['A.8.13'], status: 'ready' });
    expect(await db.custody.count()).toBe(1);
    expect(await db.signingKeys.get('f1')).toMatchObject({ status: 'current' });
    for (const table of [db.teamVersions, db.teamBlobs, db.teamRecords, db.teamInstallations, db.teamCustody])
      expect(await table.count()).toBe(0);
    expect(await readTeamSnapshot(db)).toEqual({ installations: [], lastPullAt: null, resumable: false });
    db.close();
  });

  it('indexes pulled versions and team records by installation', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.teamRecords.bulkPut([
      { id: 'i1/EV-1', installationId: 'i1' },
      { id: 'i2/EV-1', installationId: 'i2' },
    ] as never[]);
    expect(await db.teamRecords.where('installationId').equals('i2').primaryKeys()).toEqual(['i2/EV-1']);
    expect(await db.evidence.count()).toBe(1);
    db.close();
  });
});
