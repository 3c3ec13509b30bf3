import { describe, expect, it } from 'vitest';
import { ISO27001_2022 } from '../catalogue/iso27001-2022';
import type { AuditPlan, ControlState, Finding } from '../isms/types';
import { computeCoverage } from './coverage';
import { addDays } from './dates';
import { stage1Readiness, stage2Readiness } from './readiness';
import { evidence, plan, state } from '@/tests/support/coverage-data';
import type { EvidenceSummary } from './types';

const annexA = ISO27001_2022.items.filter((item) => item.kind === 'control').map((item) => item.id);
const documentedClauses = ISO27001_2022.items
  .filter((item) => item.documentedInformationRequired)
  .map((item) => item.id);

const allDecided: ControlState[] = annexA.map((id) => state(id));
const allDocuments: EvidenceSummary[] = documentedClauses.map((id, index) =>
  evidence(`doc${index}`, [id], '2024-11-01'),
);

function stage1(controlStates: ControlState[], items: EvidenceSummary[]) {
  const input = {
    catalogue: ISO27001_2022,
    controlStates,
    evidence: items,
    plan: plan(),
    today: '2025-06-30',
  };
  return stage1Readiness({ catalogue: ISO27001_2022, controlStates, coverage: computeCoverage(input) });
}

describe('stage1Readiness', () => {
  it('is ready with every document, a full SoA, an internal audit and a management review', () => {
    expect(stage1(allDecided, allDocuments)).toEqual({ ready: true, reasons: [] });
  });

  it.each<[string, ControlState[], EvidenceSummary[], string[]]>([
    [
      'a missing scope document',
      allDecided,
      allDocuments.filter((item) => !item.controls.includes('4.3')),
      ["No documented information is recorded for clause 4.3: tag the document's evidence to the clause."],
    ],
    [
      'two missing documents',
      allDecided,
      allDocuments.filter((item) => !item.controls.includes('4.3') && !item.controls.includes('5.2')),
      [
        "No documented information is recorded for clauses 4.3 and 5.2: tag the document's evidence to the clause.",
      ],
    ],
    [
      'a deleted policy',
      allDecided,
      allDocuments.map((item) =>
        item.controls.includes('5.2') ? { ...item, status: 'deleted' as const } : item,
      ),
      ["No documented information is recorded for clause 5.2: tag the document's evidence to the clause."],
    ],
    [
      'no internal audit',
      allDecided,
      allDocuments.filter((item) => !item.controls.includes('9.2')),
      ['No internal audit is recorded (clause 9.2).'],
    ],
    [
      'no management review',
      allDecided,
      allDocuments.filter((item) => !item.controls.includes('9.3')),
      ['No management review is recorded (clause 9.3).'],
    ],
    [
      'undecided controls',
      allDecided.filter((row) => row.controlId !== 'A.5.3' && row.controlId !== 'A.7.4'),
      allDocuments,
      ['The Statement of Applicability has no decision for 2 controls: A.5.3 and A.7.4.'],
    ],
    [
      'unjustified exclusions',
      allDecided.map((row) =>
        ['A.7.4', 'A.7.5', 'A.7.6'].includes(row.controlId) ? { ...row, applicable: false } : row,
      ),
      allDocuments,
      ['A.7.4, A.7.5 and A.7.6 are excluded without a justification.'],
    ],
  ])('is not ready with %s', (_name, controlStates, items, reasons) => {
    expect(stage1(controlStates, items)).toEqual({ ready: false, reasons });
  });

  it('accepts a justified exclusion and documents dated before the window', () => {
    const states = allDecided.map((row) =>
      row.controlId === 'A.7.4' ? { ...row, applicable: false, justification: 'No premises' } : row,
    );
    expect(stage1(states, allDocuments).ready).toBe(true);
  });

  it('lists every problem at once', () => {
    expect(stage1([], []).reasons).toHaveLength(4);
  });
});

describe('stage2Readiness', () => {
  const weekly: EvidenceSummary[] = Array.from({ length: 26 }, (_, week) =>
    evidence(`w${week}`, annexA, addDays('2025-01-01', week * 7 + 3)),
  );
  const finding = (extra: Partial<Finding>): Finding => ({
    id: 'F-1',
    grade: 'major',
    source: 'stage-1',
    controls: ['A.8.13'],
    description: '',
    rootCause: '',
    correctiveAction: '',
    dueDate: null,
    status: 'open',
    evidenceIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  });

  function stage2(options: {
    items?: EvidenceSummary[];
    findings?: Finding[];
    auditPlan?: AuditPlan | null;
    today?: string;
    controlStates?: ControlState[];
  }) {
    const coverage = computeCoverage({
      catalogue: ISO27001_2022,
      controlStates: options.controlStates ?? [],
      evidence: options.items ?? weekly,
      plan: options.auditPlan === undefined ? plan() : options.auditPlan,
      today: options.today ?? '2025-07-01',
    });
    return stage2Readiness({ coverage, findings: options.findings ?? [] });
  }

  it('is ready with evidence in every interval and no open major finding', () => {
    expect(stage2({})).toEqual({ ready: true, reasons: [] });
  });

  it.each<[string, Parameters<typeof stage2>[0], string[]]>([
    [
      'no audit window',
      {
        auditPlan: null,
        items: weekly.map((item, week) => ({ ...item, effectiveDate: addDays('2024-07-02', week * 14) })),
      },
      ['No audit window (operating period) is set in the audit plan.'],
    ],
    [
      'a window under three months',
      { auditPlan: plan({ windowStart: '2025-05-01', windowEnd: '2025-06-30' }) },
      ['The audit window 2025-05-01 to 2025-06-30 is shorter than three months.'],
    ],
    [
      'an open major finding',
      { findings: [finding({})] },
      ['Major nonconformity F-1 on A.8.13 is still open.'],
    ],
    [
      'an in-progress major finding without controls',
      { findings: [finding({ status: 'in-progress', controls: [] })] },
      ['Major nonconformity F-1 is still open.'],
    ],
    [
      'a month without backup evidence',
      {
        items: [
          ...weekly.map((item) => ({ ...item, controls: annexA.filter((id) => id !== 'A.8.13') })),
          ...weekly
            .filter((item) => item.effectiveDate < '2025-03-02' || item.effectiveDate > '2025-03-31')
            .map((item) => ({ ...item, id: `${item.id}-backup`, controls: ['A.8.13'] })),
        ],
      },
      ['A.8.13 has no evidence for 2025-03-02 to 2025-03-31.'],
    ],
    [
      'a control without any evidence',
      { items: weekly.map((item) => ({ ...item, controls: annexA.filter((id) => id !== 'A.5.9') })) },
      ['A.5.9 has no evidence in the audit window.'],
    ],
    [
      'a window still running',
      { today: '2025-03-15', items: weekly.filter((item) => item.effectiveDate <= '2025-03-15') },
      [
        'The audit window runs until 2025-06-30: evidence for the intervals after 2025-03-15 cannot exist yet.',
      ],
    ],
  ])('is not ready with %s', (_name, options, reasons) => {
    expect(stage2(options)).toEqual({ ready: false, reasons });
  });

  it.each<[string, Finding[]]>([
    ['a closed major finding', [finding({ status: 'closed' })]],
    ['an open minor finding', [finding({ grade: 'minor' })]],
    ['an open observation', [finding({ grade: 'observation' })]],
  ])('ignores %s', (_name, findings) => {
    expect(stage2({ findings }).ready).toBe(true);
  });

  it('does not ask excluded controls for evidence', () => {
    const items = weekly.map((item) => ({ ...item, controls: annexA.filter((id) => id !== 'A.7.4') }));
    const controlStates = [state('A.7.4', { applicable: false, justification: 'No premises' })];
    expect(stage2({ items, controlStates }).ready).toBe(true);
  });
});
