import { describe, expect, it } from 'vitest';
import type { Finding } from '../isms/types';
import { recordsStage1Reasons, recordsStage2Reasons } from './readiness';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';

const today = '2025-06-30';
const finding = (overrides: Partial<Finding> = {}): Finding => ({
  id: 'F-1',
  grade: 'minor',
  source: 'internal-audit',
  controls: ['A.8.13'],
  description: 'Restore test not done',
  rootCause: '',
  correctiveAction: '',
  dueDate: '2025-06-15',
  status: 'open',
  evidenceIds: [],
  createdAt: '2025-05-12T17:00:00.000Z',
  updatedAt: '2025-05-12T17:00:00.000Z',
  ...overrides,
});

const stage1 = (audits = [internalAudit()], reviews = [managementReview()]) =>
  recordsStage1Reasons({ internalAudits: audits, managementReviews: reviews, today });

describe('Stage 1 reasons from the internal audits and management reviews', () => {
  it('gives none for a completed, independent audit with its report and a full review with minutes', () => {
    expect(stage1()).toEqual([]);
  });

  it('asks for an internal audit, naming the planned ones, until one is completed', () => {
    expect(stage1([])).toEqual([
      'No internal audit is planned or completed (clause 9.2): add one under Audits & reviews.',
    ]);
    const planned = internalAudit({ id: 'IA-2', status: 'planned', completedDate: null });
    expect(stage1([planned])).toEqual(['No internal audit is completed yet (clause 9.2); planned: IA-2.']);
    expect(stage1([planned, internalAudit()])).toEqual([]);
  });

  it('names a completed audit without its report, and drops it once the report is linked', () => {
    expect(stage1([internalAudit({ reportEvidenceId: null })])).toEqual([
      'Internal audit IA-1 is completed without a linked report.',
    ]);
    expect(stage1([internalAudit({ reportEvidenceId: 'EV-1' })])).toEqual([]);
  });

  it('names an audit whose auditor is not independent', () => {
    expect(stage1([internalAudit({ auditorIndependent: false })])).toEqual([
      'The auditor of IA-1 is not noted as independent of the work audited (clause 9.2.2).',
    ]);
  });

  it('asks for a held review, naming the planned ones', () => {
    expect(stage1(undefined, [])).toEqual([
      'No management review is planned or held (clause 9.3): add one under Audits & reviews.',
    ]);
    expect(stage1(undefined, [managementReview({ id: 'MR-2', status: 'planned' })])).toEqual([
      'No management review has been held yet (clause 9.3); planned: MR-2.',
    ]);
  });

  it('names every clause 9.3.2 input the newest held review left out, until it covers them', () => {
    const thin = managementReview({ coveredInputs: ['previous-actions', 'issues', 'nonconformities'] });
    const [reason] = stage1(undefined, [thin]);
    expect(reason).toMatch(/^Management review MR-1 did not cover 7 of the clause 9.3.2 inputs: /);
    expect(reason).toContain('Audit results (9.3.2 d 3)');
    expect(reason).toContain('Opportunities for continual improvement (9.3.2 g)');
    expect(reason).not.toContain('Nonconformities and corrective actions');
    // A later full review answers it: the newest held one is judged.
    expect(stage1(undefined, [thin, managementReview({ id: 'MR-2', meetingDate: '2025-06-10' })])).toEqual(
      [],
    );
  });

  it('names a review without top management or minutes', () => {
    expect(stage1(undefined, [managementReview({ topManagementPresent: false })])).toEqual([
      'Management review MR-1 was held without top management (clause 9.3.1).',
    ]);
    expect(stage1(undefined, [managementReview({ minutesEvidenceId: null })])).toEqual([
      'Management review MR-1 links no minutes.',
    ]);
  });
});

const stage2 = (overrides: Partial<Parameters<typeof recordsStage2Reasons>[0]> = {}) =>
  recordsStage2Reasons({
    internalAudits: [
      internalAudit(),
      internalAudit({ id: 'IA-2', completedDate: '2025-06-20', plannedDate: '2025-06-20' }),
    ],
    managementReviews: [
      managementReview(),
      managementReview({ id: 'MR-2', meetingDate: '2025-06-25', actions: [] }),
    ],
    today,
    stage1Date: '2025-06-01',
    findings: [],
    ...overrides,
  });

describe('Stage 2 reasons from the internal audits and management reviews', () => {
  it('gives none when both were repeated after Stage 1 and no action is overdue', () => {
    expect(stage2()).toEqual([]);
  });

  it('wants an internal audit and a management review after the Stage 1 date', () => {
    expect(stage2({ internalAudits: [internalAudit()], managementReviews: [managementReview()] })).toEqual([
      'No internal audit was completed after the Stage 1 audit on 2025-06-01: Stage 2 expects it repeated (the last: IA-1 on 2025-05-12).',
      'No management review was held after the Stage 1 audit on 2025-06-01: Stage 2 expects it repeated (the last: MR-1 on 2025-05-20).',
    ]);
  });

  it('without a Stage 1 date, wants a second of each', () => {
    expect(stage2({ stage1Date: null })).toEqual([]);
    expect(stage2({ stage1Date: null, internalAudits: [internalAudit()], managementReviews: [] })).toEqual([
      'Only one internal audit is completed: Stage 2 expects it repeated after Stage 1 (set the Stage 1 date in the audit plan if it was).',
      'Only one management review is held: Stage 2 expects it repeated after Stage 1 (set the Stage 1 date in the audit plan if it was).',
    ]);
  });

  it('names an overdue review action, and drops it once done or when its due date is still ahead', () => {
    const overdue = managementReview({
      actions: [{ description: 'Test restores', owner: 'Ops', dueDate: '2025-06-29', status: 'in-progress' }],
    });
    const reviews = (review: typeof overdue) => [
      review,
      managementReview({ id: 'MR-2', meetingDate: '2025-06-25', actions: [] }),
    ];
    expect(stage2({ managementReviews: reviews(overdue) })).toEqual([
      'Management review action is overdue: MR-1 action 1 “Test restores” (Ops, due 2025-06-29).',
    ]);
    const done = { ...overdue, actions: [{ ...overdue.actions[0]!, status: 'done' as const }] };
    expect(stage2({ managementReviews: reviews(done) })).toEqual([]);
    const onTrack = { ...overdue, actions: [{ ...overdue.actions[0]!, dueDate: today }] };
    expect(stage2({ managementReviews: reviews(onTrack) })).toEqual([]);
  });

  it('names a finding of an internal audit open past its due date, and drops it once closed', () => {
    const audits = [
      internalAudit({ findingIds: ['F-1'] }),
      internalAudit({ id: 'IA-2', completedDate: '2025-06-20' }),
    ];
    expect(stage2({ internalAudits: audits, findings: [finding()] })).toEqual([
      'Internal audit finding is open past the due date: F-1 from IA-1, due 2025-06-15.',
    ]);
    expect(stage2({ internalAudits: audits, findings: [finding({ status: 'closed' })] })).toEqual([]);
    expect(stage2({ internalAudits: audits, findings: [finding({ dueDate: '2025-07-15' })] })).toEqual([]);
  });
});
