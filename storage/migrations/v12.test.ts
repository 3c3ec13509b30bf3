import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../db';
import { readCustodyLog } from '../custody-log';
import { readRisks, saveRisk } from '../risk-repository';
import type { Risk } from '@/utils/risk/types';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';
import { SCHEMA_V6 } from './v6';
import { SCHEMA_V7 } from './v7';
import { SCHEMA_V8 } from './v8';
import { SCHEMA_V9 } from './v9';
import { SCHEMA_V11 } from './v11';

const NAME = 'migration-v11-to-v12';

afterEach(() => Dexie.delete(NAME));

const RISK: Risk = {
  id: 'R-1',
  title: 'Backups cannot be restored',
  asset: 'Customer database',
  threat: 'Ransomware',
  vulnerability: 'Backups on the same domain',
  consequence: 'Loss of a week of orders',
  owner: 'Head of IT',
  likelihood: 4,
  impact: 5,
  treatment: 'modify',
  controls: ['A.8.13', 'A.5.30'],
  residualLikelihood: 2,
  residualImpact: 4,
  acceptance: null,
  nextReview: '2027-06-01',
  status: 'in-treatment',
  notes: 'Offline copy ordered.',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

async function previousVersion(): Promise<void> {
  const v11 = new Dexie(NAME);
  v11.version(1).stores(SCHEMA_V1);
  v11.version(2).stores(SCHEMA_V2);
  v11.version(3).stores(SCHEMA_V3);
  v11.version(4).stores(SCHEMA_V4);
  v11.version(6).stores(SCHEMA_V6);
  v11.version(7).stores(SCHEMA_V7);
  v11.version(8).stores(SCHEMA_V8);
  v11.version(9).stores(SCHEMA_V9);
  v11.version(11).stores(SCHEMA_V11);
  await v11.table('risks').bulkAdd([RISK, { ...RISK, id: 'R-2', title: 'Admin accounts never reviewed' }]);
  await v11.table('custody').add({ sequence: 1, event: 'risk-change', evidenceId: null, hash: 'h1' });
  v11.close();
}

describe('schema version 12 (the register kept by ID only)', () => {
  it('opens a version 11 database with every risk and the custody log intact, and the unused indexes gone', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(12);
    expect(await readRisks(db)).toEqual([
      RISK,
      { ...RISK, id: 'R-2', title: 'Admin accounts never reviewed' },
    ]);
    expect(await db.custody.count()).toBe(1);
    expect(db.risks.schema.primKey.keyPath).toBe('id');
    expect(db.risks.schema.indexes.map((index) => index.name)).toEqual([]);
    db.close();
  });

  it('keeps writing risks with their custody entries after the upgrade', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.custody.clear();
    const revised = { ...RISK, likelihood: 2 };
    await saveRisk(db, revised, new Set(['A.8.13', 'A.5.30']), 'Lena Lead', '2026-12-01T10:00:00.000Z');
    expect((await db.risks.get('R-1'))?.likelihood).toBe(2);
    const [entry] = await readCustodyLog(db);
    expect(entry).toMatchObject({ event: 'risk-change', details: { change: 'update', riskId: 'R-1' } });
    db.close();
  });
});
