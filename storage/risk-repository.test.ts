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

  it('writes a confirmed import with one entry per risk, and nothing of a preview with problems', async () => {
    const context = { criteria: DEFAULT_RISK_CRITERIA, catalogue: DEFAULT_CATALOGUE, existing: [], now: AT };
    const bad = previewRiskImport('ID,Title,Likelihood,Impact\r\nR-1,A,3,3\r\nR-2,B,9,3\r\n', context);
    await expect(applyRiskImport(db, bad, 'Alice', AT)).rejects.toThrow(/Likelihood/);
    expect(await readRisks(db)).toEqual([]);

    const good = previewRiskImport('ID,Title,Likelihood,Impact\r\nR-1,A,3,3\r\nR-2,B,2,3\r\n', context);
    expect(await applyRiskImport(db, good, 'Alice', AT)).toBe(2);
    expect((await readRisks(db)).map((entry) => entry.id)).toEqual(['R-1', 'R-2']);
    expect(await log()).toMatchObject([
      { change: 'import', riskId: 'R-1', before: null },
      { change: 'import', riskId: 'R-2', before: null },
    ]);
  });

  it('chains an import of many risks after the entries already in the log: new risks first, then revisions', async () => {
    await saveRisk(db, risk({ id: 'R-1' }), CONTROLS, 'Alice', AT);
    const rows = Array.from({ length: 300 }, (_, index) => `R-${index + 1},Risk ${index + 1},2,3`);
    const context = {
      criteria: DEFAULT_RISK_CRITERIA,
      catalogue: DEFAULT_CATALOGUE,
      existing: await readRisks(db),
      now: AT,
    };
    const preview = previewRiskImport(`ID,Title,Likelihood,Impact\r\n${rows.join('\r\n')}\r\n`, context);
    expect(await applyRiskImport(db, preview, 'Bob', AT)).toBe(300);
    const entries = await readCustodyLog(db);
    expect(entries).toHaveLength(301);
    expect(entries.map((entry) => entry.sequence)).toEqual(entries.map((_, index) => index + 1));
    expect(verifyChain(entries)).toEqual([]);
    expect(entries[1]).toMatchObject({
      actor: 'Bob',
      details: { change: 'import', riskId: 'R-2', before: null },
    });
    expect(entries[299]).toMatchObject({ details: { riskId: 'R-300', before: null } });
    expect(entries[300]).toMatchObject({ actor: 'Bob', details: { change: 'import', riskId: 'R-1' } });
    expect((entries[300]!.details as { before: Risk | null }).before?.title).toBe(risk({ id: 'R-1' }).title);
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
