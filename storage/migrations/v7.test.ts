import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { sealEntry } from '@/utils/integrity/custody';
import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { EvidenceDatabase } from '../db';
import { queueChanges, readEvidenceSyncState, readSyncOverview } from '../sync-queue';
import { SCHEMA_V1 } from './v1';
import { SCHEMA_V2 } from './v2';
import { SCHEMA_V3 } from './v3';
import { SCHEMA_V4 } from './v4';
import { SCHEMA_V6 } from './v6';

const NAME = 'migration-v6-to-v7';

afterEach(() => Dexie.delete(NAME));

const record = (id: string): EvidenceRecord => ({
  id,
  sequence: 1,
  capturedAt: '2026-11-02T09:00:00.000Z',
  effectiveDate: '2026-11-02',
  url: 'https://admin.example/backups',
  title: 'Backup jobs',
  site: 'admin.example',
  capturer: 'Alice',
  kind: 'visible',
  controls: ['A.8.13'],
  notes: '',
  status: 'ready',
  artifacts: [
    {
      role: 'original',
      name: 'original.png',
      mimeType: 'image/png',
      size: 6,
      sha256: 'a'.repeat(64),
      blobKey: `${id}/original.png`,
    },
  ],
});

/** A version 6 database with a year of work in it: evidence, its blob, two custody entries, a signing key row. */
async function previousVersion(): Promise<CustodyEntry[]> {
  const v6 = new Dexie(NAME);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2);
  v6.version(3).stores(SCHEMA_V3);
  v6.version(4).stores(SCHEMA_V4);
  v6.version(6).stores(SCHEMA_V6);
  const capture = sealEntry(
    { at: '2026-11-02T09:00:00.000Z', event: 'capture', evidenceId: 'EV-1', actor: 'Alice', details: {} },
    undefined,
  );
  const rotation = sealEntry(
    { at: '2026-11-03T09:00:00.000Z', event: 'key-rotation', evidenceId: null, actor: 'Alice', details: {} },
    capture,
  );
  await v6.table('evidence').add(record('EV-1'));
  await v6.table('blobs').add({ key: 'EV-1/original.png', evidenceId: 'EV-1', data: new Blob(['pixels']) });
  await v6.table('custody').bulkAdd([capture, rotation]);
  await v6.table('signingKeys').add({ fingerprint: 'f'.repeat(64), status: 'current' });
  v6.close();
  return [capture, rotation];
}

describe('schema version 7', () => {
  it('opens a version 6 database with every row intact and an empty upload queue', async () => {
    const chain = await previousVersion();
    const db = new EvidenceDatabase(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7); // later versions open it too
    expect(await db.evidence.get('EV-1')).toEqual(record('EV-1'));
    expect(await db.custody.orderBy('sequence').toArray()).toEqual(chain);
    expect(await db.signingKeys.count()).toBe(1);
    expect(await db.syncJobs.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect(await readEvidenceSyncState(db, 'EV-1')).toEqual({ where: 'local' });
    db.close();
  });

  it('queues the whole history once a team store is set up, and nothing twice', async () => {
    await previousVersion();
    const db = new EvidenceDatabase(NAME);
    expect(await queueChanges(db, '2026-12-03T10:00:00.000Z')).toBe(2);
    const jobs = await db.syncJobs.orderBy('id').toArray();
    expect(
      jobs.map(({ kind, evidenceId, revision, custody }) => ({ kind, evidenceId, revision, custody })),
    ).toEqual([
      { kind: 'evidence', evidenceId: 'EV-1', revision: 1, custody: [1] },
      { kind: 'custody', evidenceId: null, revision: null, custody: [2] },
    ]);
    expect(jobs[0]!.blobs).toEqual([{ sha256: 'a'.repeat(64), blobKey: 'EV-1/original.png', size: 6 }]);
    expect(await queueChanges(db, '2026-12-03T10:01:00.000Z')).toBe(0);
    expect((await readSyncOverview(db)).waiting).toBe(2);
    db.close();
  });
});
