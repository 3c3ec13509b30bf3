import { describe, expect, it } from 'vitest';
import type { ControlCoverage } from '../coverage/types';
import { DEFAULT_RISK_CRITERIA } from './criteria';
import { riskStage1Reasons, riskStage2Reasons } from './risk-readiness';
import type { Risk } from './types';

const risk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'R-1',
  title: 'Ransomware',
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
  owner: 'Ops',
  likelihood: 4,
  impact: 4,
  treatment: 'modify',
  controls: ['A.8.13'],
  residualLikelihood: null,
  residualImpact: null,
  acceptance: null,
  nextReview: null,
  status: 'open',
  notes: '',
  updatedAt: '2026-05-01T09:00:00.000Z',
  ...overrides,
});
const today = '2026-06-01';
const stage1 = (risks: Risk[], excluded: string[] = []) =>
  riskStage1Reasons({ criteria: DEFAULT_RISK_CRITERIA, risks, today }, (id) => !excluded.includes(id));
const coverage = (controlId: string, evidenceCount: number) =>
  ({ controlId, evidenceCount }) as ControlCoverage;
const stage2 = (risks: Risk[], controls: ControlCoverage[]) =>
  riskStage2Reasons({ criteria: DEFAULT_RISK_CRITERIA, risks, today }, controls);

describe('riskStage1Reasons', () => {
  it('asks for an assessment until a risk is recorded', () => {
    expect(stage1([])).toEqual([
      'The risk register is empty: Stage 1 asks for a risk assessment (clause 6.1.2).',
    ]);
    expect(stage1([risk()])).toEqual([]);
  });

  it('asks for a review once the newest revision is older than the interval', () => {
    expect(stage1([risk({ updatedAt: '2025-05-31T10:00:00.000Z' })])).toEqual([
      'No risk was reviewed since 2025-05-31; the criteria ask for a review every 12 months.',
    ]);
    expect(stage1([risk({ updatedAt: '2025-06-01T10:00:00.000Z' })])).toEqual([]);
  });

  it('names risks above the threshold without a treatment, and stops once they have one', () => {
    expect(stage1([risk({ treatment: null }), risk({ id: 'R-2', treatment: null })])).toEqual([
      'R-1, R-2 are above the acceptance threshold without a treatment.',
    ]);
    expect(stage1([risk({ treatment: 'avoid' }), risk({ id: 'R-2', treatment: 'share' })])).toEqual([]);
  });

  it('names a retained risk without a current acceptance, and stops once the owner accepts it', () => {
    expect(stage1([risk({ treatment: 'retain' })])).toEqual([
      "R-1 is retained above the acceptance threshold without the owner's acceptance.",
    ]);
    const accepted = { acceptedBy: 'CEO', acceptedAt: '2026-01-10', acceptedUntil: '2026-05-01' };
    expect(stage1([risk({ treatment: 'retain', acceptance: accepted })])).toEqual([
      'The acceptance of R-1 has expired while the risk stays above the threshold.',
    ]);
    expect(
      stage1([risk({ treatment: 'retain', acceptance: { ...accepted, acceptedUntil: '2027-01-10' } })]),
    ).toEqual([]);
  });

  it('names an excluded control that treats a risk, until the SoA includes it', () => {
    const risks = [risk(), risk({ id: 'R-2', controls: ['A.8.13', 'A.5.30'] })];
    expect(stage1(risks, ['A.8.13'])).toEqual([
      'A.8.13 is excluded in the Statement of Applicability but treats R-1, R-2.',
    ]);
    expect(stage1(risks)).toEqual([]);
  });
});

describe('riskStage2Reasons', () => {
  it('names a high risk whose control has no evidence in the window, until evidence arrives', () => {
    const risks = [risk({ controls: ['A.8.13', 'A.8.7'] })];
    expect(stage2(risks, [coverage('A.8.13', 0), coverage('A.8.7', 2)])).toEqual([
      'R-1 (High) has no evidence in the audit window for A.8.13.',
    ]);
    expect(stage2(risks, [coverage('A.8.13', 1), coverage('A.8.7', 2)])).toEqual([]);
  });

  it('leaves out risks below the chosen level and names a high risk with no control', () => {
    expect(stage2([risk({ likelihood: 2, impact: 4 })], [])).toEqual([]);
    expect(stage2([risk({ controls: [] })], [])).toEqual(['R-1 (High) names no control that treats it.']);
    const critical = { ...DEFAULT_RISK_CRITERIA, evidenceBandId: 'critical' };
    expect(riskStage2Reasons({ criteria: critical, risks: [risk()], today }, [])).toEqual([]);
  });
});
