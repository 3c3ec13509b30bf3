import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { EvidenceDatabase } from './db';
import { readCoverageSummaries, rebuildCoverageIndex, updateCoverageIndex } from './coverage-index';

let db: EvidenceDatabase;
let counter = 0;
beforeEach(async () => {
  db = new EvidenceDatabase(`coverage-index-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

const record = (
  id: string,
  controls: string[],
  effectiveDate = '2026-11-01',
): Pick<EvidenceRecord, 'id' | 'controls' | 'effectiveDate' | 'status'> => ({
  id,
  controls,
  effectiveDate,
  status: 'ready',
});

describe('coverage index', () => {
  it('follows adds, retags and removals', async () => {
    await updateCoverageIndex(db, undefined, record('EV-1', ['A.8.13', 'A.5.18']));
    await updateCoverageIndex(db, undefined, record('EV-2', ['A.8.13']));
    await updateCoverageIndex(
      db,
      record('EV-1', ['A.8.13', 'A.5.18']),
      record('EV-1', ['A.5.18'], '2026-11-05'),
    );
    let summaries = await readCoverageSummaries(db);
    expect(summaries).toEqual(
      expect.arrayContaining([
        { id: 'EV-1', controls: ['A.5.18'], effectiveDate: '2026-11-05', status: 'ready' },
        { id: 'EV-2', controls: ['A.8.13'], effectiveDate: '2026-11-01', status: 'ready' },
      ]),
    );
    await updateCoverageIndex(db, record('EV-2', ['A.8.13']), undefined);
    summaries = await readCoverageSummaries(db);
    expect(summaries.map((summary) => summary.id)).toEqual(['EV-1']);
  });

  it('rebuilds from the evidence table', async () => {
    await db.evidence.bulkAdd([
      {
        ...record('EV-1', ['A.8.13', 'A.8.15']),
        sequence: 1,
        capturedAt: '',
        url: '',
        title: '',
        site: '',
        capturer: '',
        kind: 'visible',
        notes: '',
        artifacts: [],
      },
      {
        ...record('EV-2', []),
        sequence: 2,
        capturedAt: '',
        url: '',
        title: '',
        site: '',
        capturer: '',
        kind: 'visible',
        notes: '',
        artifacts: [],
      },
    ]);
    await rebuildCoverageIndex(db);
    const summaries = await readCoverageSummaries(db);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.controls.sort()).toEqual(['A.8.13', 'A.8.15']);
  });
});
