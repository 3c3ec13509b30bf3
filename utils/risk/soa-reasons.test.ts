import { describe, expect, it } from 'vitest';
import { justificationFrom, riskReasons, soaReasonProblems, type InclusionReason } from './soa-reasons';
import type { Risk } from './types';

const risk = (id: string, controls: string[], status: Risk['status'] = 'open'): Risk => ({
  id,
  title: id,
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
  owner: 'Ops',
  likelihood: 3,
  impact: 3,
  treatment: 'modify',
  controls,
  residualLikelihood: null,
  residualImpact: null,
  acceptance: null,
  nextReview: null,
  status,
  notes: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const risks = [risk('R-1', ['A.8.13']), risk('R-2', ['A.8.13', 'A.5.30']), risk('R-3', ['A.8.7'], 'closed')];

describe('SoA reasons', () => {
  it('lists the open risks a control treats and writes the justification from every reason', () => {
    const reasons: InclusionReason[] = [
      ...riskReasons('A.8.13', risks),
      { kind: 'contractual', reference: 'MSA §7.2 with Acme' },
    ];
    expect(reasons.slice(0, 2)).toEqual([
      { kind: 'risk', reference: 'R-1' },
      { kind: 'risk', reference: 'R-2' },
    ]);
    expect(justificationFrom(reasons)).toBe('Treats R-1, R-2. Contractual requirement: MSA §7.2 with Acme.');
    expect(riskReasons('A.8.7', risks)).toEqual([]);
  });

  it('calls an applicable control without a reason a gap, until a risk or a requirement gives one', () => {
    const decisions = [{ controlId: 'A.5.1', applicable: true }];
    expect(soaReasonProblems(decisions, new Map(), risks).withoutReason).toEqual(['A.5.1']);
    const legal = new Map([['A.5.1', [{ kind: 'legal' as const, reference: 'GDPR Art. 32' }]]]);
    expect(soaReasonProblems(decisions, legal, risks).withoutReason).toEqual([]);
    expect(soaReasonProblems(decisions, new Map(), [risk('R-9', ['A.5.1'])]).withoutReason).toEqual([]);
  });

  it('calls an excluded control that treats a risk a contradiction, and not once the risk is closed', () => {
    const decisions = [{ controlId: 'A.5.30', applicable: false }];
    expect(soaReasonProblems(decisions, new Map(), risks).contradictions).toEqual([
      { controlId: 'A.5.30', riskIds: ['R-2'] },
    ]);
    const closed = [risk('R-2', ['A.5.30'], 'closed')];
    expect(soaReasonProblems(decisions, new Map(), closed).contradictions).toEqual([]);
  });
});
