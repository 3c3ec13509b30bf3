import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../db';
import { evidenceIdsForRequestList, importRequests, listRequests } from '../request-repository';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';

const NAME = 'migration-to-v4';

afterEach(() => Dexie.delete(NAME));

describe('schema version 4', () => {
  it('opens a database of the version before with its rows intact and an empty, working request table', async () => {
    const before = new Dexie(NAME);
    before.version(1).stores(SCHEMA_V1);
    before.version(2).stores(SCHEMA_V2);
    const custody = { sequence: 1, at: '2026-11-01T10:00:00.000Z', event: 'capture', evidenceId: 'EV-1' };
    await before.table('custody').add(custody);
    await before.table('settings').add({ id: 'settings', capturer: 'Alice' });
    before.close();

    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.custody.get(1)).toEqual(custody);
    expect(await db.settings.get('settings')).toEqual({ id: 'settings', capturer: 'Alice' });
    expect(await listRequests(db)).toEqual([]);

    await importRequests(
      db,
      [
        {
          reference: 'R-1',
          text: 'Backup restore tests',
          controls: ['A.8.13'],
          audit: 'Stage 2',
          dueDate: '2026-12-01',
          owner: 'Alice',
          status: 'open',
          comment: '',
          population: '',
          items: [],
          evidenceIds: ['EV-1'],
        },
      ],
      '2026-11-02T10:00:00.000Z',
    );
    expect(await evidenceIdsForRequestList(db, 'Stage 2')).toEqual(['EV-1']);
    db.close();
  });
});
