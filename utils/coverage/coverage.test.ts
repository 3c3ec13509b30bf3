import { describe, expect, it } from 'vitest';
import { ISO27001_2022 } from '../catalogue/iso27001-2022';
import { computeCoverage, dueSoonDays, freshnessStatus, resolveWindow } from './coverage';
import { localDate } from './dates';
import { evidence, plan, seededRandom, SMALL_CATALOGUE, state } from '@/tests/support/coverage-data';
import type { ControlCoverage, CoverageInput, CoverageResult, EvidenceSummary } from './types';

function coverage(overrides: Partial<CoverageInput>): CoverageResult {
  return computeCoverage({
    catalogue: SMALL_CATALOGUE,
    controlStates: [],
    evidence: [],
    plan: plan(),
    today: '2025-06-30',
    ...overrides,
  });
}

function control(result: CoverageResult, id: string): ControlCoverage {
  const found = result.controls.find((entry) => entry.controlId === id);
  if (!found) throw new Error(`no coverage for ${id}`);
  return found;
}

describe('dueSoonDays and freshnessStatus', () => {
  it.each([
    [30, 6],
    [91, 14],
    [365, 14],
    [70, 14],
    [7, 1],
    [1, 0],
  ])('cadence %i warns %i days ahead', (cadence, days) => {
    expect(dueSoonDays(cadence)).toBe(days);
  });

  it.each([
    [null, 30, 'missing'],
    [-1, 30, 'stale'],
    [0, 30, 'due-soon'],
    [5, 30, 'due-soon'],
    [6, 30, 'covered'],
    [13, 365, 'due-soon'],
    [14, 365, 'covered'],
  ] as const)('%s days left of %i is %s', (daysLeft, cadence, status) => {
    expect(freshnessStatus(daysLeft, cadence)).toBe(status);
  });
});

describe('computeCoverage: status of one monthly control (A.8.13, today 2025-06-30)', () => {
  it.each<[string, EvidenceSummary[], string, number | null, string | null]>([
    ['no evidence', [], 'missing', null, null],
    ['evidence today', [evidence('e1', ['A.8.13'], '2025-06-30')], 'covered', 30, '2025-06-30'],
    ['6 days of freshness left', [evidence('e1', ['A.8.13'], '2025-06-06')], 'covered', 6, '2025-06-06'],
    ['5 days left', [evidence('e1', ['A.8.13'], '2025-06-05')], 'due-soon', 5, '2025-06-05'],
    ['last fresh day', [evidence('e1', ['A.8.13'], '2025-05-31')], 'due-soon', 0, '2025-05-31'],
    ['one day too old', [evidence('e1', ['A.8.13'], '2025-05-30')], 'stale', -1, '2025-05-30'],
    [
      'the newest evidence decides',
      [evidence('e1', ['A.8.13'], '2025-02-01'), evidence('e2', ['A.8.13'], '2025-06-20')],
      'covered',
      20,
      '2025-06-20',
    ],
    [
      'deleted evidence is ignored',
      [evidence('e1', ['A.8.13'], '2025-06-30', 'deleted')],
      'missing',
      null,
      null,
    ],
    [
      'superseded evidence is ignored',
      [evidence('e1', ['A.8.13'], '2025-06-30', 'superseded')],
      'missing',
      null,
      null,
    ],
    [
      'evidence needing review counts',
      [evidence('e1', ['A.8.13'], '2025-06-30', 'needs-review')],
      'covered',
      30,
      '2025-06-30',
    ],
    ['evidence before the window', [evidence('e1', ['A.8.13'], '2024-12-31')], 'missing', null, null],
    ['evidence dated after today', [evidence('e1', ['A.8.13'], '2025-07-01')], 'missing', null, null],
    ['an invalid date', [evidence('e1', ['A.8.13'], '2025-02-30')], 'missing', null, null],
    ['other controls only', [evidence('e1', ['A.5.1'], '2025-06-30')], 'missing', null, null],
  ])('%s', (_name, items, status, daysUntilStale, newest) => {
    const result = control(coverage({ evidence: items }), 'A.8.13');
    expect(result.status).toBe(status);
    expect(result.daysUntilStale).toBe(daysUntilStale);
    expect(result.newestEvidenceDate).toBe(newest);
  });

  it('counts in-window evidence and all evidence separately, a control tagged twice once', () => {
    const result = control(
      coverage({
        evidence: [
          evidence('e1', ['A.8.13', 'A.8.13'], '2025-06-01'),
          evidence('e2', ['A.8.13'], '2024-06-01'),
          evidence('e3', ['A.8.13'], '2025-03-01', 'deleted'),
        ],
      }),
      'A.8.13',
    );
    expect(result.evidenceCount).toBe(1);
    expect(result.evidenceCountAllTime).toBe(2);
  });
});

describe('computeCoverage: applicability and cadence', () => {
  it.each<[string, Parameters<typeof state>[1], string, boolean]>([
    ['no SoA row: applicable', undefined, 'missing', false],
    ['included', { applicable: true }, 'missing', false],
    [
      'excluded with a justification',
      { applicable: false, justification: 'No offices' },
      'not-applicable',
      false,
    ],
    ['excluded without a justification', { applicable: false, justification: '  ' }, 'not-applicable', true],
  ])('%s', (_name, extra, status, missingJustification) => {
    const states = extra === undefined ? [] : [state('A.5.1', extra)];
    const result = control(coverage({ controlStates: states }), 'A.5.1');
    expect(result.status).toBe(status);
    expect(result.applicable).toBe(status !== 'not-applicable');
    expect(result.missingJustification).toBe(missingJustification);
  });

  it('never excludes a clause', () => {
    const result = control(coverage({ controlStates: [state('4.1', { applicable: false })] }), '4.1');
    expect(result.applicable).toBe(true);
    expect(result.status).toBe('missing');
    expect(result.missingJustification).toBe(false);
  });

  it.each<[string, number | null, number, string]>([
    ['catalogue default', null, 365, 'covered'],
    ['override', 7, 7, 'stale'],
    ['zero falls back to the default', 0, 365, 'covered'],
    ['negative falls back to the default', -5, 365, 'covered'],
  ])('cadence: %s', (_name, cadenceDays, expected, status) => {
    const result = control(
      coverage({
        controlStates: new Map([['A.5.1', state('A.5.1', { cadenceDays })]]),
        evidence: [evidence('e1', ['A.5.1'], '2025-06-20')],
      }),
      'A.5.1',
    );
    expect(result.cadenceDays).toBe(expected);
    expect(result.status).toBe(status);
  });

  it('reads control states from an array or a map alike', () => {
    const rows = [
      state('A.5.1', { applicable: false, justification: 'x' }),
      state('A.8.13', { cadenceDays: 7 }),
    ];
    const fromArray = coverage({ controlStates: rows });
    const fromMap = coverage({ controlStates: new Map(rows.map((row) => [row.controlId, row])) });
    expect(fromMap).toEqual(fromArray);
  });
});

describe('computeCoverage: window, intervals and months', () => {
  const items = [
    evidence('e1', ['A.8.13', 'A.5.2'], '2025-01-15'),
    evidence('e2', ['A.8.13'], '2025-01-20'),
    evidence('e3', ['A.8.13', 'A.5.1'], '2025-04-10'),
  ];

  it('splits the window into equal cadence intervals and counts evidence in each', () => {
    const result = coverage({ evidence: items });
    expect(control(result, 'A.8.13').intervals).toEqual([
      { start: '2025-01-01', end: '2025-01-30', evidenceCount: 2, started: true },
      { start: '2025-01-31', end: '2025-03-01', evidenceCount: 0, started: true },
      { start: '2025-03-02', end: '2025-03-31', evidenceCount: 0, started: true },
      { start: '2025-04-01', end: '2025-04-30', evidenceCount: 1, started: true },
      { start: '2025-05-01', end: '2025-05-30', evidenceCount: 0, started: true },
      { start: '2025-05-31', end: '2025-06-30', evidenceCount: 0, started: true },
    ]);
    expect(control(result, 'A.5.2').intervals).toEqual([
      { start: '2025-01-01', end: '2025-03-31', evidenceCount: 1, started: true },
      { start: '2025-04-01', end: '2025-06-30', evidenceCount: 0, started: true },
    ]);
    expect(control(result, 'A.5.1').intervals).toEqual([
      { start: '2025-01-01', end: '2025-06-30', evidenceCount: 1, started: true },
    ]);
  });

  it('counts evidence by month, every month of the window present', () => {
    expect(control(coverage({ evidence: items }), 'A.8.13').months).toEqual({
      '2025-01': 2,
      '2025-02': 0,
      '2025-03': 0,
      '2025-04': 1,
      '2025-05': 0,
      '2025-06': 0,
    });
  });

  it('marks intervals after today as not started', () => {
    const result = coverage({ evidence: items, today: '2025-03-15' });
    expect(result.referenceDate).toBe('2025-03-15');
    expect(control(result, 'A.8.13').intervals.map((interval) => interval.started)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(control(result, 'A.8.13').evidenceCount).toBe(2);
  });

  it('judges freshness at the window end once the window has passed', () => {
    const result = coverage({
      plan: plan({ windowStart: '2025-01-01', windowEnd: '2025-03-31' }),
      evidence: [evidence('e1', ['A.8.13'], '2025-03-01'), evidence('e2', ['A.8.13'], '2025-04-15')],
      today: '2025-06-30',
    });
    expect(result.referenceDate).toBe('2025-03-31');
    expect(control(result, 'A.8.13')).toMatchObject({
      status: 'due-soon',
      daysUntilStale: 0,
      evidenceCount: 1,
    });
  });

  it.each<[string, CoverageInput['plan'], { start: string; end: string; planned: boolean }]>([
    ['planned', plan(), { start: '2025-01-01', end: '2025-06-30', planned: true }],
    ['no plan: the last twelve months', null, { start: '2024-07-01', end: '2025-06-30', planned: false }],
    [
      'only an end',
      plan({ windowStart: null, windowEnd: '2025-03-31' }),
      { start: '2024-04-01', end: '2025-03-31', planned: false },
    ],
    [
      'only a start',
      plan({ windowStart: '2025-02-01', windowEnd: null }),
      { start: '2025-02-01', end: '2025-06-30', planned: false },
    ],
    [
      'an invalid date',
      plan({ windowStart: 'soon', windowEnd: '2025-06-30' }),
      { start: '2024-07-01', end: '2025-06-30', planned: false },
    ],
  ])('window: %s', (_name, auditPlan, expected) => {
    expect(resolveWindow(auditPlan, '2025-06-30')).toEqual(expected);
    expect(coverage({ plan: auditPlan }).window).toEqual(expected);
  });

  it('treats a window that ends before it starts as empty', () => {
    const result = coverage({
      plan: plan({ windowStart: '2025-06-30', windowEnd: '2025-01-01' }),
      evidence: [evidence('e1', ['A.8.13'], '2025-03-01')],
    });
    expect(control(result, 'A.8.13')).toMatchObject({ status: 'missing', intervals: [], months: {} });
  });

  it('rejects an invalid today', () => {
    expect(() => coverage({ today: '30/06/2025' })).toThrow(RangeError);
  });
});

describe('computeCoverage: the day boundary in the user time zone', () => {
  // Evidence of 2025-03-01 on a 30-day cadence is fresh through 2025-03-31 and stale from 2025-04-01.
  const items = [evidence('e1', ['A.8.13'], '2025-03-01')];
  it.each([
    ['2025-03-31T21:59:59Z', 'Europe/Berlin', 'due-soon'],
    ['2025-03-31T22:00:00Z', 'Europe/Berlin', 'stale'], // midnight in Berlin (summer time)
    ['2025-03-31T22:00:00Z', 'UTC', 'due-soon'],
    ['2025-03-31T23:59:59Z', 'UTC', 'due-soon'],
    ['2025-04-01T00:00:00Z', 'UTC', 'stale'],
    ['2025-04-01T06:59:59Z', 'America/Los_Angeles', 'due-soon'],
    ['2025-04-01T07:00:00Z', 'America/Los_Angeles', 'stale'],
    ['2025-03-31T14:59:59Z', 'Asia/Tokyo', 'due-soon'],
    ['2025-03-31T15:00:00Z', 'Asia/Tokyo', 'stale'],
  ])('at %s in %s the control is %s', (instant, timeZone, status) => {
    const today = localDate(new Date(instant), timeZone);
    expect(control(coverage({ evidence: items, today }), 'A.8.13').status).toBe(status);
  });
});

describe('computeCoverage: roll-ups', () => {
  const result = coverage({
    controlStates: [state('A.5.1', { applicable: false })],
    evidence: [
      evidence('e1', ['A.5.2', 'A.8.13', '9.2'], '2025-06-28'),
      evidence('e2', ['4.1'], '2025-06-29'),
    ],
  });

  it('counts statuses per theme in catalogue theme order', () => {
    expect(result.themes.map((theme) => [theme.themeId, theme.counts])).toEqual([
      ['organizational', { 'not-applicable': 1, missing: 0, stale: 0, 'due-soon': 0, covered: 1 }],
      ['technological', { 'not-applicable': 0, missing: 0, stale: 0, 'due-soon': 0, covered: 1 }],
      ['clauses', { 'not-applicable': 0, missing: 0, stale: 0, 'due-soon': 0, covered: 2 }],
    ]);
    expect(result.themes[0]).toMatchObject({
      total: 2,
      applicable: 1,
      percentCovered: 100,
      missingJustifications: 1,
    });
  });

  it('rolls up everything, percentage of applicable rounded down', () => {
    expect(result.overall).toMatchObject({
      total: 5,
      applicable: 4,
      percentCovered: 100,
      missingJustifications: 1,
    });
    const partial = coverage({ evidence: [evidence('e1', ['A.5.2'], '2025-06-28')] });
    expect(partial.overall.percentCovered).toBe(20);
    const third = computeCoverage({
      catalogue: { ...SMALL_CATALOGUE, items: SMALL_CATALOGUE.items.slice(2) },
      controlStates: [],
      evidence: [evidence('e1', ['A.5.1'], '2025-06-28')],
      plan: plan(),
      today: '2025-06-30',
    });
    expect(third.overall.percentCovered).toBe(33);
  });

  it('reports 0% when nothing is applicable', () => {
    const none = computeCoverage({
      catalogue: { ...SMALL_CATALOGUE, items: SMALL_CATALOGUE.items.slice(2, 3) },
      controlStates: [state('A.5.1', { applicable: false, justification: 'x' })],
      evidence: [],
      plan: plan(),
      today: '2025-06-30',
    });
    expect(none.overall).toMatchObject({ applicable: 0, percentCovered: 0 });
  });
});

describe('computeCoverage at scale', () => {
  const controlIds = ISO27001_2022.items.map((entry) => entry.id);

  function generate(count: number, seed: number): EvidenceSummary[] {
    const random = seededRandom(seed);
    const statuses = ['ready', 'ready', 'ready', 'needs-review', 'superseded', 'deleted'] as const;
    return Array.from({ length: count }, (_, index) => {
      const controls = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => controlIds[Math.floor(random() * controlIds.length)] ?? '',
      );
      const day = new Date(Date.UTC(2024, 9, 1) + Math.floor(random() * 300) * 86_400_000);
      const status = statuses[Math.floor(random() * statuses.length)] ?? 'ready';
      return evidence(`e${index}`, controls, day.toISOString().slice(0, 10), status);
    });
  }

  it('agrees with a naive per-control count', () => {
    const items = generate(3000, 7);
    const result = computeCoverage({
      catalogue: ISO27001_2022,
      controlStates: [],
      evidence: items,
      plan: plan(),
      today: '2025-06-30',
    });
    for (const entry of result.controls) {
      const mine = items.filter(
        (summary) =>
          summary.controls.includes(entry.controlId) &&
          summary.status !== 'deleted' &&
          summary.status !== 'superseded' &&
          summary.effectiveDate >= '2025-01-01' &&
          summary.effectiveDate <= '2025-06-30',
      );
      expect(entry.evidenceCount).toBe(mine.length);
      expect(entry.intervals.reduce((sum, interval) => sum + interval.evidenceCount, 0)).toBe(mine.length);
      expect(Object.values(entry.months).reduce((sum, count) => sum + count, 0)).toBe(mine.length);
      const newest =
        mine
          .map((summary) => summary.effectiveDate)
          .sort()
          .at(-1) ?? null;
      expect(entry.newestEvidenceDate).toBe(newest);
      for (const interval of entry.intervals) {
        const inside = mine.filter(
          (s) => s.effectiveDate >= interval.start && s.effectiveDate <= interval.end,
        );
        expect(interval.evidenceCount).toBe(inside.length);
      }
    }
  });

  // Its speed is measured by `npm run bench` (popup render at 50k records), not asserted here.
  it('computes coverage of 50,000 evidence summaries for every control', () => {
    const items = generate(50_000, 42);
    const input: CoverageInput = {
      catalogue: ISO27001_2022,
      controlStates: [],
      evidence: items,
      plan: plan(),
      today: '2025-06-30',
    };
    const result = computeCoverage(input);
    expect(result.controls).toHaveLength(ISO27001_2022.items.length);
    expect(result.controls.reduce((sum, control) => sum + control.evidenceCount, 0)).toBeGreaterThan(0);
  });
});
