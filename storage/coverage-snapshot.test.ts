import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import type { EvidenceRecord } from '@/utils/evidence/types';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import { updateCoverageIndex } from './coverage-index';
import { readCoverageSnapshot } from './coverage-snapshot';
import { EvidenceDatabase } from './db';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`snapshot-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const state: ControlState = {
  controlId: 'A.8.13',
  applicable: true,
  justification: '',
  implementation: 'implemented',
  owner: 'Ops',
  cadenceDays: null,
  notes: '',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const plan: AuditPlan = {
  id: 'current',
  certificationBody: 'Cert Co',
  organisation: 'Example Ltd',
  scope: '',
  stage1Date: '2025-07-01',
  stage2Date: '2025-07-29',
  windowStart: '2025-01-01',
  windowEnd: '2025-06-30',
  certificationDate: null,
  surveillance1Date: null,
  surveillance2Date: null,
  recertificationDate: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const finding: Finding = {
  id: 'F-001',
  grade: 'major',
  source: 'stage-1',
  controls: ['A.8.13'],
  description: 'No restore test',
  rootCause: '',
  correctiveAction: '',
  dueDate: null,
  status: 'open',
  evidenceIds: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

type Indexed = Pick<EvidenceRecord, 'id' | 'controls' | 'effectiveDate' | 'status'>;

async function index(records: Indexed[]): Promise<void> {
  await db.transaction('rw', db.coverageIndex, async () => {
    for (const record of records) await updateCoverageIndex(db, undefined, record);
  });
}

describe('readCoverageSnapshot', () => {
  it('is empty, with no plan, on a fresh database', async () => {
    expect(await readCoverageSnapshot(db)).toEqual({
      controlStates: [],
      plan: null,
      findings: [],
      evidence: [],
      risks: [],
      riskCriteria: DEFAULT_RISK_CRITERIA,
      internalAudits: [],
      managementReviews: [],
    });
  });

  it('reads SoA rows, plan, findings and one summary per evidence from the digest', async () => {
    await db.controls.put(state);
    await db.audits.put(plan);
    await db.findings.put(finding);
    await index([
      { id: 'EV-1', controls: ['A.8.13', 'A.5.1'], effectiveDate: '2025-06-01', status: 'ready' },
      { id: 'EV-2', controls: ['A.8.13'], effectiveDate: '2025-06-02', status: 'deleted' },
    ]);
    const snapshot = await readCoverageSnapshot(db);
    expect(snapshot.controlStates).toEqual([state]);
    expect(snapshot.plan).toEqual(plan);
    expect(snapshot.findings).toEqual([finding]);
    expect(
      snapshot.evidence
        .map((item) => ({ ...item, controls: [...item.controls].sort() }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'EV-1', controls: ['A.5.1', 'A.8.13'], effectiveDate: '2025-06-01', status: 'ready' },
      { id: 'EV-2', controls: ['A.8.13'], effectiveDate: '2025-06-02', status: 'deleted' },
    ]);
  });

  it('never reads evidence rows or blobs', async () => {
    await index([{ id: 'EV-1', controls: ['A.8.13'], effectiveDate: '2025-06-01', status: 'ready' }]);
    const evidenceReads = vi.spyOn(db.evidence, 'toArray');
    const blobReads = vi.spyOn(db.blobs, 'toArray');
    const snapshot = await readCoverageSnapshot(db);
    expect(snapshot.evidence).toHaveLength(1);
    expect(evidenceReads).not.toHaveBeenCalled();
    expect(blobReads).not.toHaveBeenCalled();
  });

  it('gives computeCoverage what it needs for 10,000 evidence records in one read', async () => {
    const controls = DEFAULT_CATALOGUE.items.map((item) => item.id);
    const records: Indexed[] = Array.from({ length: 10_000 }, (_, number) => ({
      id: `EV-${number}`,
      controls: [controls[number % controls.length]!],
      effectiveDate: `2025-0${1 + (number % 6)}-${String(1 + (number % 28)).padStart(2, '0')}`,
      status: 'ready',
    }));
    // Written the way the background keeps it: one digest row per control.
    const byControl = new Map<string, Indexed[]>();
    for (const record of records)
      byControl.set(record.controls[0]!, [...(byControl.get(record.controls[0]!) ?? []), record]);
    await db.coverageIndex.bulkPut(
      [...byControl].map(([controlId, items]) => ({
        controlId,
        items: items.map((record) => ({
          evidenceId: record.id,
          effectiveDate: record.effectiveDate,
          status: record.status,
        })),
      })),
    );
    await db.audits.put(plan);
    const snapshot = await readCoverageSnapshot(db);
    expect(snapshot.evidence).toHaveLength(10_000);
    const coverage = computeCoverage({ catalogue: DEFAULT_CATALOGUE, ...snapshot, today: '2025-06-30' });
    expect(coverage.overall.counts.missing).toBe(0);
    expect(coverage.controls.every((control) => control.evidenceCount > 0)).toBe(true);
  });
});
