import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyEntry } from '@/utils/evidence/types';
import { appendCustody } from './custody-log';
import { EvidenceDatabase } from './db';
import { deleteEvidence } from './evidence-edits';
import { storeCaptures } from '@/tests/support/library-fixtures';
import {
  countUnexported,
  readStorageHealth,
  requestPersistentStorage,
  type StorageEstimator,
} from './storage-health';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`health-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function logExport(details: CustodyEntry['details'], at = '2026-11-20T10:00:00.000Z') {
  return db.transaction('rw', db.custody, () =>
    appendCustody(db, { at, event: 'export', evidenceId: null, actor: 'Alice', details }),
  );
}

const storage = (persisted: boolean): StorageEstimator & { asked: number } => {
  const fake = {
    asked: 0,
    estimate: async () => ({ usage: 5_000_000, quota: 1_000_000_000 }),
    persisted: async () => persisted,
    persist: async () => {
      fake.asked++;
      return true;
    },
  };
  return fake;
};

describe('countUnexported', () => {
  it('counts every capture when nothing was exported', async () => {
    await storeCaptures(db, [{ id: 'EV-1', capturedAt: '2026-11-01T00:00:00.000Z' }, { id: 'EV-2' }]);
    expect(await countUnexported(db)).toEqual({
      count: 2,
      oldestAt: '2026-11-01T00:00:00.000Z',
      lastExportAt: null,
    });
  });

  it('subtracts the evidence an export lists', async () => {
    await storeCaptures(db, [{ id: 'EV-1' }, { id: 'EV-2' }, { id: 'EV-3' }]);
    await logExport({ evidenceIds: ['EV-1', 'EV-3'] });
    expect(await countUnexported(db)).toMatchObject({ count: 1, lastExportAt: '2026-11-20T10:00:00.000Z' });
  });

  it('counts captures after the last export that lists no ids, and ignores deleted evidence', async () => {
    await storeCaptures(db, [{ id: 'EV-1', capturedAt: '2026-11-01T00:00:00.000Z' }]);
    await logExport({ bundle: 'isms-evidence_acme_2026-11-20.zip' }, '2026-11-01T01:00:00.000Z');
    await storeCaptures(db, [
      { id: 'EV-2', capturedAt: '2026-11-02T00:00:00.000Z' },
      { id: 'EV-3', capturedAt: '2026-11-03T00:00:00.000Z' },
    ]);
    await deleteEvidence(db, 'EV-2', 'Duplicate', 'Alice', '2026-11-04T00:00:00.000Z');
    expect(await countUnexported(db)).toEqual({
      count: 1,
      oldestAt: '2026-11-03T00:00:00.000Z',
      lastExportAt: '2026-11-01T01:00:00.000Z',
    });
  });
});

describe('countUnexported with imports', () => {
  it('counts evidence an import added (listed in addedIds) until an export covers it', async () => {
    await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        at: '2026-11-02T00:00:00.000Z',
        event: 'import',
        evidenceId: null,
        actor: 'Alice',
        details: { added: 2, addedIds: ['EV-A', 'EV-B'] },
      }),
    );
    expect(await countUnexported(db)).toMatchObject({ count: 2, oldestAt: '2026-11-02T00:00:00.000Z' });
    await logExport({ evidence: 2 });
    expect((await countUnexported(db)).count).toBe(0);
  });
});

describe('readStorageHealth', () => {
  it('reports space, persistence and no prompt while few captures wait', async () => {
    await storeCaptures(db, [{ id: 'EV-1', capturedAt: '2026-11-27T00:00:00.000Z' }]);
    expect(await readStorageHealth(db, storage(true), new Date('2026-11-28T00:00:00Z'))).toMatchObject({
      usageBytes: 5_000_000,
      quotaBytes: 1_000_000_000,
      persisted: true,
      count: 1,
      backupDue: false,
      backupReason: null,
    });
  });

  it('prompts for a backup when the count reaches the threshold or the oldest capture is a month old', async () => {
    await storeCaptures(db, [
      { id: 'EV-1', capturedAt: '2026-10-01T00:00:00.000Z' },
      { id: 'EV-2', capturedAt: '2026-10-02T00:00:00.000Z' },
    ]);
    const byCount = await readStorageHealth(db, storage(false), new Date('2026-10-03T00:00:00Z'), 2);
    expect(byCount.backupReason).toBe('2 captures are in no exported bundle yet: export a backup.');
    const byAge = await readStorageHealth(db, storage(false), new Date('2026-11-15T00:00:00Z'));
    expect(byAge.backupReason).toBe('The oldest capture not in any export is 45 days old: export a backup.');
  });

  it('says nothing it does not know when the browser has no StorageManager', async () => {
    expect(await readStorageHealth(db, undefined, new Date())).toMatchObject({
      usageBytes: null,
      quotaBytes: null,
      persisted: null,
    });
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });

  it('asks the browser for persistent storage', async () => {
    const fake = storage(false);
    expect(await requestPersistentStorage(fake)).toBe(true);
    expect(fake.asked).toBe(1);
  });
});
