import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CRITERIA } from './criteria';
import { riskGaps } from './gaps';
import type { Risk } from './types';

const risk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'R-1',
  title: 'Ransomware on file servers',
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
  owner: 'Ops',
  likelihood: 4,
  impact: 5,
  treatment: 'retain',
  controls: [],
  residualLikelihood: null,
  residualImpact: null,
  acceptance: null,
  nextReview: null,
  status: 'open',
  notes: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const today = '2026-06-01';
const gaps = (entry: Risk) => riskGaps(DEFAULT_RISK_CRITERIA, [entry], today);

describe('riskGaps', () => {
  it('flags a risk above the threshold without a treatment, until one is chosen', () => {
    expect(gaps(risk({ treatment: null }))).toEqual([{ riskId: 'R-1', kind: 'untreated' }]);
    expect(gaps(risk({ treatment: 'modify', controls: ['A.8.7'] }))).toEqual([]);
  });

  it('flags a retained risk above the threshold until the owner accepts it', () => {
    expect(gaps(risk())).toEqual([{ riskId: 'R-1', kind: 'retained-without-acceptance' }]);
    const accepted = risk({
      acceptance: { acceptedBy: 'CEO', acceptedAt: '2026-02-01', acceptedUntil: null },
    });
    expect(gaps(accepted)).toEqual([]);
  });

  it('flags an acceptance whose end date has passed, and not one that ends today', () => {
    const until = (acceptedUntil: string) =>
      risk({ acceptance: { acceptedBy: 'CEO', acceptedAt: '2025-02-01', acceptedUntil } });
    expect(gaps(until('2026-05-31'))).toEqual([{ riskId: 'R-1', kind: 'acceptance-expired' }]);
    expect(gaps(until('2026-06-01'))).toEqual([]);
  });

  it('leaves alone risks at or below the threshold, closed ones, and retained ones reduced below it', () => {
    expect(gaps(risk({ likelihood: 3, impact: 3, treatment: null }))).toEqual([]);
    expect(gaps(risk({ status: 'closed', treatment: null }))).toEqual([]);
    expect(gaps(risk({ residualLikelihood: 2, residualImpact: 2 }))).toEqual([]);
  });
});
