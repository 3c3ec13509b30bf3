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

const NAME = 'migration-v6-to-v8';

afterEach(() => Dexie.delete(NAME));

/** A database as version 6 left it: settings, a finding, a signing key row and one custody entry. */
async function previousVersion() {
  const v6 = new Dexie(NAME);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2);
  v6.version(3).stores(SCHEMA_V3);
  v6.version(4).stores(SCHEMA_V4);
  v6.version(6).stores(SCHEMA_V6);
  const entry = sealEntry(
    { at: '2026-11-01T10:00:00.000Z', event: 'capture', evidenceId: 'EV-1', actor: 'Alice', details: {} },
    undefined,
  );
  await v6.table('custody').add(entry);
  await v6.table('settings').add({ id: 'settings', capturer: 'Alice', organisation: 'Example Ltd' });
  await v6.table('findings').add({ id: 'F-1', grade: 'minor', status: 'open', controls: [] });
  await v6.table('signingKeys').add({ fingerprint: 'ab12', status: 'current' });
  v6.close();
  return entry;
}

describe('schema version 8', () => {
  it('opens a version 6 database with its rows intact and empty audit and review tables', async () => {
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
    expect(await listInternalAudits(db)).toEqual([]);
    expect(await listManagementReviews(db)).toEqual([]);
    db.close();
  });

  it('a review saved after the upgrade chains onto the custody log version 6 wrote', async () => {
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
