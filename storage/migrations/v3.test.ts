import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import { EvidenceDatabase } from '../db';
import { readRiskCriteria, readRisks } from '../risk-repository';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';

const NAME = 'migration-v2-to-v3';

afterEach(() => Dexie.delete(NAME));

describe('schema version 3', () => {
  it('opens a version 2 database with its rows intact, an empty register and the default criteria', async () => {
    const v2 = new Dexie(NAME);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const control = {
      controlId: 'A.8.13',
      applicable: true,
      justification: 'Backups',
      implementation: 'implemented',
      owner: 'Ops',
      cadenceDays: null,
      notes: '',
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
    await v2.table('controls').add(control);
    await v2.table('custody').add({ sequence: 1, at: '2026-11-01T10:00:00.000Z', event: 'capture' });
    v2.close();

    const v3 = new EvidenceDatabase(NAME);
    await v3.open();
    expect(v3.verno).toBeGreaterThanOrEqual(3); // later versions open it too
    expect(await v3.controls.get('A.8.13')).toEqual(control);
    expect(await v3.custody.count()).toBe(1);
    expect(await readRisks(v3)).toEqual([]);
    expect(await readRiskCriteria(v3)).toEqual(DEFAULT_RISK_CRITERIA);
    v3.close();
  });
});
