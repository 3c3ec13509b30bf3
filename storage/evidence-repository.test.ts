import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedCapture } from '@/utils/capture/assemble';
import { verifyChain } from '@/utils/integrity/custody';
import { EvidenceDatabase } from './db';
import { countNeedsReview, saveCapture } from './evidence-repository';
import { readCustodyLog } from './custody-log';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function prepared(id: string, capturedAt = '2026-11-27T10:00:00.000Z'): PreparedCapture {
  const blobs = ['original.png', 'stamped.png', 'text.txt'].map((name) => ({
    key: `${id}/${name}`,
    evidenceId: id,
    data: new Blob([`${id} ${name}`]),
  }));
  return {
    record: {
      id,
      capturedAt,
      effectiveDate: capturedAt.slice(0, 10),
      url: 'https://admin.example.com/users',
      title: 'Users',
      site: 'admin.example.com',
      capturer: 'Alice',
      kind: 'visible',
      controls: ['A.5.18'],
      notes: '',
      status: 'needs-review',
      artifacts: blobs.map((blob) => ({
        role: 'original',
        name: blob.key.split('/')[1]!,
        mimeType: 'image/png',
        size: blob.data.size,
        sha256: '0'.repeat(64),
        blobKey: blob.key,
      })),
    },
    blobs,
  };
}

describe('saveCapture', () => {
  it('stores record, bytes and a chained custody entry, numbering captures in commit order', async () => {
    await saveCapture(db, prepared('EV-1'), 'Alice', { trigger: 'popup' });
    const { evidence } = await saveCapture(db, prepared('EV-2'), 'Alice', { trigger: 'command' });
    expect(evidence.sequence).toBe(2);
    expect(await db.blobs.where('evidenceId').equals('EV-2').count()).toBe(3);
    const log = await readCustodyLog(db);
    expect(log.map((entry) => [entry.event, entry.evidenceId])).toEqual([
      ['capture', 'EV-1'],
      ['capture', 'EV-2'],
    ]);
    expect(verifyChain(log)).toEqual([]);
    expect(await countNeedsReview(db)).toBe(2);
  });

  it('stores nothing when any part fails (whole or nothing)', async () => {
    await saveCapture(db, prepared('EV-1'), 'Alice', {});
    const broken = prepared('EV-2');
    broken.blobs.push({ ...broken.blobs[0]! }); // duplicate key: the blob write fails mid-transaction
    await expect(saveCapture(db, broken, 'Alice', {})).rejects.toThrow();
    expect(await db.evidence.get('EV-2')).toBeUndefined();
    expect(await db.blobs.where('evidenceId').equals('EV-2').count()).toBe(0);
    expect((await readCustodyLog(db)).length).toBe(1);
    expect(await db.blobs.where('evidenceId').equals('EV-1').count()).toBe(3);
  });

  it('keeps the chain linear when two captures are saved at once', async () => {
    await Promise.all([
      saveCapture(db, prepared('EV-A'), 'Alice', {}),
      saveCapture(db, prepared('EV-B'), 'Bob', {}),
    ]);
    const log = await readCustodyLog(db);
    expect(log).toHaveLength(2);
    expect(verifyChain(log)).toEqual([]);
    const sequences = (await db.evidence.toArray()).map((record) => record.sequence).sort();
    expect(sequences).toEqual([1, 2]);
  });

  it('flags a clock that moved backwards but keeps the sequence order', async () => {
    await saveCapture(db, prepared('EV-1', '2026-11-27T10:00:00.000Z'), 'Alice', {});
    const { evidence, custody } = await saveCapture(
      db,
      prepared('EV-2', '2026-11-27T09:00:00.000Z'),
      'Alice',
      {},
    );
    expect(evidence.sequence).toBe(2);
    expect(custody.map((entry) => entry.event)).toEqual(['clock-anomaly', 'capture']);
    expect(verifyChain(await readCustodyLog(db))).toEqual([]);
  });
});
