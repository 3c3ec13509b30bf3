import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { EvidenceDatabase } from '../db';
import { listNeedsReview } from '../evidence-repository';
import { SCHEMA_V1 } from './v1';

const NAME = 'migration-v1-to-v2';

function record(sequence: number, status: EvidenceRecord['status']): EvidenceRecord {
  return {
    id: `EV-20261101-${String(sequence).padStart(6, '0')}`,
    sequence,
    capturedAt: `2026-11-01T10:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    effectiveDate: '2026-11-01',
    url: 'https://admin.example.com/',
    title: `Capture ${sequence}`,
    site: 'admin.example.com',
    capturer: 'Alice',
    kind: 'visible',
    controls: ['A.8.13'],
    notes: '',
    status,
    artifacts: [],
    words: ['capture'],
  };
}

afterEach(() => Dexie.delete(NAME));

describe('schema version 2', () => {
  it('opens a version 1 database with its data intact and lists the newest captures needing review', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores(SCHEMA_V1);
    const rows = Array.from({ length: 30 }, (_, i) => record(i + 1, i % 3 === 0 ? 'ready' : 'needs-review'));
    await v1.table('evidence').bulkAdd(rows);
    await v1.table('custody').add({ sequence: 1, at: '2026-11-01T10:00:00.000Z', event: 'capture' });
    v1.close();

    const v2 = new EvidenceDatabase(NAME);
    await v2.open();
    expect(v2.verno).toBeGreaterThanOrEqual(2); // a later version opens it too
    expect(await v2.evidence.count()).toBe(30);
    expect(await v2.evidence.get(rows[4]!.id)).toEqual(rows[4]);
    expect(await v2.custody.count()).toBe(1);

    const listed = await listNeedsReview(v2, 5);
    const expected = rows
      .filter((row) => row.status === 'needs-review')
      .sort((a, b) => b.sequence - a.sequence)
      .slice(0, 5);
    expect(listed.map((row) => row.sequence)).toEqual(expected.map((row) => row.sequence));
    v2.close();
  });
});
