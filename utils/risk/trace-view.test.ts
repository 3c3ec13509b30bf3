import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { computeCoverage } from '../coverage/coverage';
import { controlState, plan, risk, summary } from '@/tests/support/component-data';
import { DEFAULT_RISK_CRITERIA } from './criteria';
import { filterRisks, nextRiskId, NO_RISK_FILTER, risksSupportedBy, sortRisks } from './register-view';
import { cellBreak, evidenceInWindow, NO_TRACE_FILTER, traceMatrix } from './trace-view';

const coverage = computeCoverage({
  catalogue: DEFAULT_CATALOGUE,
  controlStates: [controlState('A.7.4', { applicable: false, justification: 'No premises' })],
  evidence: [],
  plan: plan(),
  today: '2025-06-20',
});
const evidence = [
  summary('EV-old', ['A.8.13'], '2025-02-01'),
  summary('EV-new', ['A.8.13', 'A.8.13'], '2025-05-01'),
  summary('EV-before', ['A.8.13'], '2024-12-31'),
  { ...summary('EV-gone', ['A.8.13'], '2025-05-02'), status: 'superseded' as const },
];
const risks = [
  risk('R-1', { likelihood: 4, impact: 5, owner: 'Ops', controls: ['A.8.13', 'A.7.4'] }),
  risk('R-2', { likelihood: 1, impact: 2, owner: 'Security', controls: ['A.5.1'] }),
  risk('R-10', { likelihood: 3, impact: 4, controls: [] }),
];

describe('traceability matrix', () => {
  it('keeps active evidence of the window, newest first, counted once per control', () => {
    const found = evidenceInWindow(evidence, coverage);
    expect(found.get('A.8.13')?.map((entry) => entry.id)).toEqual(['EV-new', 'EV-old']);
  });

  it('puts risks by level in rows and their controls in catalogue order as columns, and marks breaks', () => {
    const input = {
      catalogue: DEFAULT_CATALOGUE,
      criteria: DEFAULT_RISK_CRITERIA,
      risks,
      coverage,
      evidence,
    };
    const matrix = traceMatrix({ ...input, filter: NO_TRACE_FILTER });
    expect(matrix.rows.map((row) => row.risk.id)).toEqual(['R-1', 'R-10', 'R-2']);
    expect(matrix.controls).toEqual(['A.5.1', 'A.7.4', 'A.8.13']);
    const r1 = matrix.rows[0]!.cells;
    expect(r1.get('A.8.13')).toMatchObject({ evidenceIds: ['EV-new', 'EV-old'], newestDate: '2025-05-01' });
    expect(cellBreak(r1.get('A.8.13')!)).toBeNull();
    expect(cellBreak(r1.get('A.7.4')!)).toBe('excluded');
    expect(cellBreak(matrix.rows[2]!.cells.get('A.5.1')!)).toBe('no-evidence');
  });

  it('filters by level, owner and theme', () => {
    const input = {
      catalogue: DEFAULT_CATALOGUE,
      criteria: DEFAULT_RISK_CRITERIA,
      risks,
      coverage,
      evidence,
    };
    const byLevel = traceMatrix({ ...input, filter: { ...NO_TRACE_FILTER, bandId: 'low' } });
    expect(byLevel.rows.map((row) => row.risk.id)).toEqual(['R-2']);
    const byOwner = traceMatrix({ ...input, filter: { ...NO_TRACE_FILTER, owner: 'Ops' } });
    expect(byOwner.rows.map((row) => row.risk.id)).toEqual(['R-1']);
    const physical = traceMatrix({ ...input, filter: { ...NO_TRACE_FILTER, theme: 'physical' } });
    expect(physical.controls).toEqual(['A.7.4']);
    expect(physical.rows.map((row) => row.risk.id)).toEqual(['R-1']);
  });

  it('handles 500 risks × 93 controls and 10,000 evidence records', () => {
    const controls = DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'control').map((item) => item.id);
    const many = Array.from({ length: 500 }, (_, index) =>
      risk(`R-${index + 1}`, { controls: controls.filter((_, at) => (at + index) % 31 < 3) }),
    );
    const records = Array.from({ length: 10_000 }, (_, index) =>
      summary(`EV-${index}`, [controls[index % controls.length]!], `2025-0${1 + (index % 5)}-15`),
    );
    const matrix = traceMatrix({
      catalogue: DEFAULT_CATALOGUE,
      criteria: DEFAULT_RISK_CRITERIA,
      risks: many,
      coverage,
      evidence: records,
      filter: NO_TRACE_FILTER,
    });
    expect(matrix.rows).toHaveLength(500);
    expect(matrix.controls).toHaveLength(93);
  });
});

describe('register view', () => {
  it('sorts IDs by number, numbers the next risk and finds the risks an evidence record supports', () => {
    expect(
      sortRisks(DEFAULT_RISK_CRITERIA, risks, { key: 'id', descending: false }).map((r) => r.id),
    ).toEqual(['R-1', 'R-2', 'R-10']);
    expect(nextRiskId(risks)).toBe('R-11');
    expect(filterRisks(DEFAULT_RISK_CRITERIA, risks, NO_RISK_FILTER)).toHaveLength(3);
    expect(risksSupportedBy(risks, ['A.7.4']).map((r) => r.id)).toEqual(['R-1']);
    expect(risksSupportedBy([{ ...risks[0]!, status: 'closed' }], ['A.7.4'])).toEqual([]);
  });
});
