import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { verifyChain } from '@/utils/integrity/custody';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import { previewRiskImport } from '@/utils/risk/risk-import';
import type { Risk } from '@/utils/risk/types';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';
import {
  applyRiskImport,
  type ImportedRiskChange,
  deleteRisk,
  readRiskCriteria,
  readRisks,
  saveRisk,
  saveRiskCriteria,
} from './risk-repository';

let db: EvidenceDatabase;
let counter = 0;
const AT = '2026-11-28T10:00:00.000Z';
const CONTROLS = new Set(
  DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'control').map((item) => item.id),
);
const risk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'R-1',
  title: 'Backups fail silently',
  asset: 'File server',
  threat: 'Job failure',
  vulnerability: 'No alerting',
  consequence: 'Data loss',
  owner: 'Ops',
  likelihood: 3,
  impact: 4,
  treatment: 'modify',
  controls: ['A.8.13'],
  residualLikelihood: null,
  residualImpact: null,
  acceptance: null,
  nextReview: null,
  status: 'open',
  notes: '',
  updatedAt: AT,
  ...overrides,
});

beforeEach(async () => {
  db = new EvidenceDatabase(`risks-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const log = async () => {
  const entries = await readCustodyLog(db);
  expect(verifyChain(entries)).toEqual([]);
  return entries.map((entry) => ({ event: entry.event, actor: entry.actor, ...entry.details }));
};

describe('risk repository', () => {
  it('logs a creation, a revision with before and after, and a deletion in the custody chain', async () => {
    await saveRisk(db, risk(), CONTROLS, 'Alice', AT);
    await saveRisk(db, risk({ likelihood: 2 }), CONTROLS, 'Bob', '2026-11-29T10:00:00.000Z');
    await saveRisk(db, risk({ likelihood: 2 }), CONTROLS, 'Bob', '2026-11-30T10:00:00.000Z'); // no change, no entry
    await deleteRisk(db, 'R-1', 'Carol', '2026-12-01T10:00:00.000Z');
    const entries = await log();
    expect(entries).toMatchObject([
      {
        event: 'risk-change',
        change: 'create',
        actor: 'Alice',
        riskId: 'R-1',
        before: null,
        after: { likelihood: 3 },
      },
      {
        event: 'risk-change',
        change: 'update',
        actor: 'Bob',
        before: { likelihood: 3 },
        after: { likelihood: 2 },
      },
      { event: 'risk-change', change: 'delete', actor: 'Carol', before: { likelihood: 2 }, after: null },
    ]);
    expect(await readRisks(db)).toEqual([]);
  });

  it('refuses a risk off the scale or with an unknown control and writes nothing', async () => {
    await expect(
      saveRisk(db, risk({ likelihood: 6, controls: ['A.9.9'] }), CONTROLS, 'Alice', AT),
    ).rejects.toThrow(ValidationError);
    expect(await readRisks(db)).toEqual([]);
    expect(await readCustodyLog(db)).toEqual([]);
  });

  it('writes a confirmed import with its custody entry, and nothing of a preview with problems', async () => {
    const context = { criteria: DEFAULT_RISK_CRITERIA, catalogue: DEFAULT_CATALOGUE, existing: [], now: AT };
    const bad = previewRiskImport('ID,Title,Likelihood,Impact\r\nR-1,A,3,3\r\nR-2,B,9,3\r\n', context);
    await expect(applyRiskImport(db, bad, 'Alice', AT)).rejects.toThrow(/Likelihood/);
    expect(await readRisks(db)).toEqual([]);

    const good = previewRiskImport('ID,Title,Likelihood,Impact\r\nR-1,A,3,3\r\nR-2,B,2,3\r\n', context);
    expect(await applyRiskImport(db, good, 'Alice', AT)).toBe(2);
    expect((await readRisks(db)).map((entry) => entry.id)).toEqual(['R-1', 'R-2']);
    expect(await log()).toEqual([
      {
        event: 'risk-change',
        actor: 'Alice',
        change: 'import',
        part: 1,
        parts: 1,
        risks: [
          { riskId: 'R-1', before: null, after: expect.objectContaining({ id: 'R-1', title: 'A' }) },
          { riskId: 'R-2', before: null, after: expect.objectContaining({ id: 'R-2', title: 'B' }) },
        ],
      },
    ]);
  });

  it('chains an import of many risks after the entries already in the log, a thousand risks per entry', async () => {
    await saveRisk(db, risk({ id: 'R-1' }), CONTROLS, 'Alice', AT);
    const rows = Array.from({ length: 2_500 }, (_, index) => `R-${index + 1},Risk ${index + 1},2,3`);
    const context = {
      criteria: DEFAULT_RISK_CRITERIA,
      catalogue: DEFAULT_CATALOGUE,
      existing: await readRisks(db),
      now: AT,
    };
    const preview = previewRiskImport(`ID,Title,Likelihood,Impact\r\n${rows.join('\r\n')}\r\n`, context);
    expect(await applyRiskImport(db, preview, 'Bob', AT)).toBe(2_500);
    expect(await db.risks.count()).toBe(2_500);
    const entries = await readCustodyLog(db);
    expect(verifyChain(entries)).toEqual([]);
    expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3, 4]);
    const parts = entries
      .slice(1)
      .map((entry) => entry.details as { part: number; parts: number; risks: ImportedRiskChange[] });
    expect(parts.map(({ part, parts: count, risks }) => [part, count, risks.length])).toEqual([
      [1, 3, 1_000],
      [2, 3, 1_000],
      [3, 3, 500],
    ]);
    // New risks first, in the file's order, then the revisions; each risk exactly once.
    const logged = parts.flatMap((part) => part.risks);
    expect(logged.map((change) => change.riskId)).toEqual([
      ...rows.slice(1).map((_, index) => `R-${index + 2}`),
      'R-1',
    ]);
    expect(logged[0]).toMatchObject({ riskId: 'R-2', before: null, after: { title: 'Risk 2' } });
    expect(logged[2_499]).toMatchObject({
      riskId: 'R-1',
      before: { title: risk().title },
      after: { title: 'Risk 1' },
    });
    expect(entries[3]).toMatchObject({ actor: 'Bob', event: 'risk-change', details: { change: 'import' } });
  });

  it('logs what the register held at the write when a risk changed or appeared after the preview', async () => {
    await saveRisk(db, risk({ id: 'R-1' }), CONTROLS, 'Alice', AT);
    const context = {
      criteria: DEFAULT_RISK_CRITERIA,
      catalogue: DEFAULT_CATALOGUE,
      existing: await readRisks(db),
      now: AT,
    };
    const preview = previewRiskImport(
      'ID,Title,Likelihood,Impact\r\nR-1,Revised,2,3\r\nR-2,New,2,3\r\nR-3,Also new,1,1\r\n',
      context,
    );
    // Another tab edits R-1 and creates R-2 while the preview is on screen.
    await saveRisk(db, risk({ id: 'R-1', notes: 'Edited elsewhere.' }), CONTROLS, 'Carol', AT);
    await saveRisk(db, risk({ id: 'R-2', title: 'Created elsewhere' }), CONTROLS, 'Carol', AT);
    expect(await applyRiskImport(db, preview, 'Bob', AT)).toBe(3);
    const entries = await log();
    expect(entries).toHaveLength(4);
    expect(entries[3]).toMatchObject({
      change: 'import',
      risks: [
        { riskId: 'R-2', before: { title: 'Created elsewhere' }, after: { title: 'New' } },
        { riskId: 'R-3', before: null, after: { title: 'Also new' } },
        { riskId: 'R-1', before: { notes: 'Edited elsewhere.' }, after: { title: 'Revised' } },
      ],
    });
  });

  it('keeps criteria changes in the chain and refuses unusable criteria', async () => {
    await saveRiskCriteria(db, { ...DEFAULT_RISK_CRITERIA, acceptanceThreshold: 12 }, 'Alice', AT);
    expect((await readRiskCriteria(db)).acceptanceThreshold).toBe(12);
    await expect(saveRiskCriteria(db, { ...DEFAULT_RISK_CRITERIA, bands: [] }, 'Alice', AT)).rejects.toThrow(
      ValidationError,
    );
    expect(await log()).toMatchObject([
      { change: 'criteria', before: null, after: { acceptanceThreshold: 12 } },
    ]);
  });
});
