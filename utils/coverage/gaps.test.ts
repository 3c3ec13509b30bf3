import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/types';
import { computeCoverage } from './coverage';
import { gapsByUrgency } from './gaps';
import { evidence, item, plan, state } from '@/tests/support/coverage-data';

const catalogue: Catalogue = {
  framework: 'Test',
  version: '1',
  themes: [{ id: 'technological', name: 'Technological' }],
  items: [
    item('A.8.1', 'technological', 30),
    item('A.8.2', 'technological', 30),
    item('A.8.3', 'technological', 30),
    item('A.8.4', 'technological', 30),
    item('A.8.5', 'technological', 30),
    item('A.8.6', 'technological', 30),
    item('A.8.7', 'technological', 30),
    item('A.8.10', 'technological', 30),
  ],
};

describe('gapsByUrgency', () => {
  const result = computeCoverage({
    catalogue,
    controlStates: [state('A.8.7', { applicable: false })],
    evidence: [
      evidence('e1', ['A.8.2'], '2025-05-01'), // stale, 30 days overdue
      evidence('e2', ['A.8.3'], '2025-05-29'), // stale, 2 days overdue
      evidence('e3', ['A.8.4'], '2025-06-03'), // due soon, 3 days left
      evidence('e4', ['A.8.5'], '2025-06-01'), // due soon, 1 day left
      evidence('e5', ['A.8.6'], '2025-06-30'), // covered
    ],
    plan: plan(),
    today: '2025-06-30',
  });

  it('orders missing, then stale (most overdue first), then due soon (soonest first)', () => {
    expect(gapsByUrgency(result).map((gap) => [gap.controlId, gap.status, gap.daysUntilStale])).toEqual([
      ['A.8.1', 'missing', null],
      ['A.8.10', 'missing', null],
      ['A.8.2', 'stale', -30],
      ['A.8.3', 'stale', -2],
      ['A.8.5', 'due-soon', 1],
      ['A.8.4', 'due-soon', 3],
    ]);
  });

  it('leaves out covered and excluded controls', () => {
    const ids = gapsByUrgency(result).map((gap) => gap.controlId);
    expect(ids).not.toContain('A.8.6');
    expect(ids).not.toContain('A.8.7');
  });
});
