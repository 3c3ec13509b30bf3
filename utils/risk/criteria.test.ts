import { describe, expect, it } from 'vitest';
import { criteriaProblems, risksOffScale } from './criteria-check';
import { DEFAULT_RISK_CRITERIA, currentLevel, productMatrix, riskLevel } from './criteria';
import type { Risk, RiskCriteria } from './types';

const risk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'R-1',
  title: 'Backups fail silently',
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
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
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('riskLevel', () => {
  it.each([
    [1, 1, 1, 'low'],
    [1, 4, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [5, 4, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ])('likelihood %i × impact %i scores %i (%s) by product', (likelihood, impact, score, band) => {
    expect(riskLevel(DEFAULT_RISK_CRITERIA, likelihood, impact)).toMatchObject({ score, band: { id: band } });
  });

  it('refuses values off the scale', () => {
    expect(riskLevel(DEFAULT_RISK_CRITERIA, 0, 3)).toBeNull();
    expect(riskLevel(DEFAULT_RISK_CRITERIA, 3, 6)).toBeNull();
    expect(riskLevel(DEFAULT_RISK_CRITERIA, 2.5, 2)).toBeNull();
  });

  it('reads the score from an edited matrix instead of the product', () => {
    const matrix = productMatrix(DEFAULT_RISK_CRITERIA);
    matrix[0]![4] = 18; // a rare but severe event counts as critical here
    const criteria: RiskCriteria = { ...DEFAULT_RISK_CRITERIA, combination: { method: 'matrix', matrix } };
    expect(riskLevel(criteria, 1, 5)).toMatchObject({ score: 18, band: { id: 'critical' } });
    expect(riskLevel(DEFAULT_RISK_CRITERIA, 1, 5)).toMatchObject({ score: 5, band: { id: 'medium' } });
  });

  it('uses the residual level once one is assessed', () => {
    expect(currentLevel(DEFAULT_RISK_CRITERIA, risk())?.score).toBe(12);
    expect(
      currentLevel(DEFAULT_RISK_CRITERIA, risk({ residualLikelihood: 1, residualImpact: 4 }))?.score,
    ).toBe(4);
  });
});

describe('criteria changes', () => {
  it('accepts the defaults', () => {
    expect(criteriaProblems(DEFAULT_RISK_CRITERIA)).toEqual([]);
  });

  it('re-levels a risk when the bands move', () => {
    const stricter: RiskCriteria = {
      ...DEFAULT_RISK_CRITERIA,
      bands: DEFAULT_RISK_CRITERIA.bands.map((band) =>
        band.id === 'high' ? { ...band, minScore: 8 } : band,
      ),
    };
    expect(currentLevel(DEFAULT_RISK_CRITERIA, risk({ likelihood: 3, impact: 3 }))?.band.id).toBe('medium');
    expect(currentLevel(stricter, risk({ likelihood: 3, impact: 3 }))?.band.id).toBe('high');
  });

  it('names the risks a shorter scale leaves off it', () => {
    const three: RiskCriteria = {
      ...DEFAULT_RISK_CRITERIA,
      likelihood: DEFAULT_RISK_CRITERIA.likelihood.slice(0, 3),
    };
    const off = risksOffScale(three, [
      risk({ id: 'R-1', likelihood: 2 }),
      risk({ id: 'R-2', likelihood: 4 }),
      risk({ id: 'R-3', likelihood: 1, residualLikelihood: 5, residualImpact: 1 }),
    ]);
    expect(off.map((entry) => entry.id)).toEqual(['R-2', 'R-3']);
  });

  it('explains a matrix that does not fit the scales, bands out of order and an unknown evidence level', () => {
    const broken: RiskCriteria = {
      ...DEFAULT_RISK_CRITERIA,
      combination: { method: 'matrix', matrix: [[1, 2]] },
      bands: [
        { id: 'low', name: 'Low', minScore: 5 },
        { id: 'high', name: 'High', minScore: 3 },
      ],
      evidenceBandId: 'critical',
      reviewIntervalMonths: 0,
    };
    expect(criteriaProblems(broken)).toEqual([
      'The level matrix must have 5 rows (likelihood) of 5 numbers (impact).',
      'Each risk level must start at a higher score than the one before it.',
      'The level that needs evidence for Stage 2 is not one of the risk levels.',
      'The review interval must be at least one month.',
    ]);
  });

  it('asks for names and consecutive points on a scale', () => {
    const gappy: RiskCriteria = {
      ...DEFAULT_RISK_CRITERIA,
      impact: [
        { value: 1, name: 'Low' },
        { value: 3, name: '' },
      ],
    };
    expect(criteriaProblems(gappy)).toEqual([
      'The impact scale must number its points 1, 2, 3 … in order.',
      'Every point of the impact scale needs a name.',
    ]);
  });
});
