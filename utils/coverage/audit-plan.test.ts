import { describe, expect, it } from 'vitest';
import type { AuditPlan } from '../isms/types';
import { auditPlanWarnings, deriveCycleDates } from './audit-plan';

type PlanDates = Pick<AuditPlan, 'stage1Date' | 'stage2Date' | 'windowStart' | 'windowEnd'>;
const base: PlanDates = { stage1Date: null, stage2Date: null, windowStart: null, windowEnd: null };

describe('auditPlanWarnings', () => {
  it.each<[string, Partial<PlanDates>, string[], string[]]>([
    ['an empty plan', {}, [], []],
    [
      'a sound plan',
      {
        stage1Date: '2025-05-01',
        stage2Date: '2025-06-10',
        windowStart: '2025-01-01',
        windowEnd: '2025-05-31',
      },
      [],
      [],
    ],
    [
      'Stage 2 exactly six weeks after Stage 1',
      { stage1Date: '2025-05-01', stage2Date: '2025-06-12' },
      [],
      [],
    ],
    [
      'Stage 2 more than six weeks after Stage 1',
      { stage1Date: '2025-05-01', stage2Date: '2025-06-13' },
      [],
      [
        'Stage 2 (2025-06-13) is 43 days after Stage 1 (2025-05-01); more than six weeks apart, the Stage 1 findings may need a fresh look.',
      ],
    ],
    [
      'Stage 2 before Stage 1',
      { stage1Date: '2025-05-01', stage2Date: '2025-04-30' },
      ['Stage 2 (2025-04-30) is before Stage 1 (2025-05-01).'],
      [],
    ],
    ['both stages on one day', { stage1Date: '2025-05-01', stage2Date: '2025-05-01' }, [], []],
    [
      'a window that ends before it starts',
      { windowStart: '2025-06-01', windowEnd: '2025-01-01' },
      ['The audit window ends (2025-01-01) before it starts (2025-06-01).'],
      [],
    ],
    [
      'an operating period under three months',
      { windowStart: '2025-01-01', windowEnd: '2025-03-30' },
      [],
      [
        'The operating period 2025-01-01 to 2025-03-30 is shorter than three months; Stage 2 auditors usually expect three to six months of evidence.',
      ],
    ],
    [
      'an operating period of exactly three months',
      { windowStart: '2025-01-01', windowEnd: '2025-03-31' },
      [],
      [],
    ],
    [
      'a window ending after Stage 2',
      { stage2Date: '2025-06-10', windowStart: '2025-01-01', windowEnd: '2025-06-30' },
      [],
      [
        'The audit window ends (2025-06-30) after Stage 2 (2025-06-10): evidence after the audit cannot be sampled.',
      ],
    ],
    [
      'invalid dates',
      { stage1Date: '2025-02-30', windowEnd: 'next week' },
      [
        'The Stage 1 date "2025-02-30" is not a valid date (YYYY-MM-DD).',
        'The audit window end "next week" is not a valid date (YYYY-MM-DD).',
      ],
      [],
    ],
  ])('%s', (_name, dates, errors, warnings) => {
    expect(auditPlanWarnings({ ...base, ...dates })).toEqual({ errors, warnings });
  });
});

describe('deriveCycleDates', () => {
  it.each([
    [
      '2025-03-15',
      {
        surveillance1Date: '2026-03-15',
        surveillance2Date: '2027-03-15',
        recertificationDate: '2027-12-15',
        expiryDate: '2028-03-14',
      },
    ],
    [
      '2024-02-29',
      {
        surveillance1Date: '2025-02-28',
        surveillance2Date: '2026-02-28',
        recertificationDate: '2026-11-29',
        expiryDate: '2027-02-27',
      },
    ],
  ])('from %s', (certificationDate, expected) => {
    const cycle = deriveCycleDates(certificationDate);
    expect(cycle).toEqual(expected);
    expect(cycle && cycle.recertificationDate < cycle.expiryDate).toBe(true);
  });

  it('returns null for an invalid date', () => {
    expect(deriveCycleDates('2025-02-30')).toBeNull();
  });
});
