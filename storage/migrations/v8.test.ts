import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@/utils/integrity/custody';
import { sealEntry } from '@/utils/integrity/custody';
import { EvidenceDatabase } from '../db';
import { readCustodyLog } from '../custody-log';
import { listInternalAudits, listManagementReviews, saveManagementReview } from '../isms-records-repository';
import { managementReview } from '@/tests/support/isms-records-data';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';
import { SCHEMA_V6 } from './v6';
import { SCHEMA_V7 } from './v7';

const NAME = 'migration-v7-to-v8';

afterEach(() => Dexie.delete(NAME));

/** A database as version 7 left it: settings, a finding, a signing key, a sync state row and one custody entry. */
async function previousVersion() {
  const v7 = new Dexie(NAME);
  v7.version(1).stores(SCHEMA_V1);
  v7.version(2).stores(SCHEMA_V2);
  v7.version(3).stores(SCHEMA_V3);
  v7.version(4).stores(SCHEMA_V4);
  v7.version(6).stores(SCHEMA_V6);
  v7.version(7).stores(SCHEMA_V7);
  const entry = sealEntry(
    { at: '2026-11-01T10:00:00.000Z', event: 'capture', evidenceId: 'EV-1', actor: 'Alice', details: {} },
    undefined,
  );
  await v7.table('custody').add(entry);
  await v7.table('settings').add({ id: 'settings', capturer: 'Alice', organisation: 'Example Ltd' });
  await v7.table('findings').add({ id: 'F-1', grade: 'minor', status: 'open', controls: [] });
  await v7.table('signingKeys').add({ fingerprint: 'ab12', status: 'current' });
  await v7.table('syncState').add({ id: 'sync', installationId: 'inst-1' });
  v7.close();
  return entry;
}

describe('schema version 8', () => {
  it('opens a version 7 database with its rows intact and empty audit and review tables', async () => {
    const entry = await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(await db.settings.get('settings')).toEqual({
      id: 'settings',
      capturer: 'Alice',
      organisation: 'Example Ltd',
    });
    expect(await db.findings.get('F-1')).toMatchObject({ grade: 'minor' });
    expect(await db.signingKeys.get('ab12')).toEqual({ fingerprint: 'ab12', status: 'current' });
    expect(await db.custody.toArray()).toEqual([entry]);
    expect(await db.syncState.get('sync')).toEqual({ id: 'sync', installationId: 'inst-1' });
    expect(await listInternalAudits(db)).toEqual([]);
    expect(await listManagementReviews(db)).toEqual([]);
    db.close();
  });

  it('a review saved after the upgrade chains onto the custody log version 7 wrote', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    const { createdAt: _c, updatedAt: _u, ...review } = managementReview({ minutesEvidenceId: null });
    await saveManagementReview(db, review, 'Alice', '2026-11-02T10:00:00.000Z');
    const log = await readCustodyLog(db);
    expect(log.map((item) => item.event)).toEqual(['capture', 'isms-record-change']);
    expect(verifyChain(log)).toEqual([]);
    db.close();
  });
});
