import { describe, expect, it } from 'vitest';
import type { ControlCoverage } from '../coverage/types';
import { parseCsv } from '../csv/csv';
import { DEFAULT_RISK_CRITERIA } from './criteria';
import { traceabilityCsv, traceRows } from './traceability';
import type { Risk } from './types';

const risk = (id: string, controls: string[]): Risk => ({
  id,
  title: `=${id}`,
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
  owner: 'Ops',
  likelihood: 4,
  impact: 4,
  treatment: 'modify',
  controls,
  residualLikelihood: 2,
  residualImpact: 2,
  acceptance: null,
  nextReview: null,
  status: 'open',
  notes: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const covered = {
  controlId: 'A.8.13',
  status: 'covered',
  newestEvidenceDate: '2026-05-02',
} as ControlCoverage;

describe('traceability', () => {
  it('writes one row per risk and control with the SoA decision, coverage and evidence, and keeps a risk without controls', () => {
    const rows = traceRows({
      risks: [risk('R-1', ['A.8.13', 'A.5.30']), risk('R-2', [])],
      applicable: (id) => id !== 'A.5.30',
      coverage: [covered],
      evidenceInWindow: new Map([['A.8.13', ['EV-2', 'EV-1']]]),
    });
    expect(parseCsv(traceabilityCsv(DEFAULT_RISK_CRITERIA, rows))).toEqual([
      [
        'Risk',
        'Risk title',
        'Inherent level',
        'Residual level',
        'Treatment',
        'Control',
        'Applicable',
        'Coverage',
        'Newest evidence',
        'Evidence IDs',
      ],
      ['R-1', "'=R-1", 'High', 'Low', 'Modify', 'A.8.13', 'Yes', 'Covered', '2026-05-02', 'EV-2 EV-1'],
      ['R-1', "'=R-1", 'High', 'Low', 'Modify', 'A.5.30', 'No', '', '', ''],
      ['R-2', "'=R-2", 'High', 'Low', 'Modify', '', '', '', '', ''],
    ]);
  });
});
