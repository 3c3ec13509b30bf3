import { describe, expect, it } from 'vitest';
import { internalAuditProblems, managementReviewProblems, tidyManagementReview } from './validate';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';

const known = { evidence: (id: string) => id.startsWith('EV-'), finding: (id: string) => id === 'F-1' };
const { createdAt: _created, updatedAt: _updated, ...audit } = internalAudit();
const { createdAt: _c, updatedAt: _u, ...review } = managementReview();

describe('internal audit problems', () => {
  it('accepts a complete record', () => {
    expect(internalAuditProblems({ ...audit, findingIds: ['F-1'] }, known)).toEqual([]);
  });

  it('says what to fix, one sentence each', () => {
    expect(
      internalAuditProblems(
        {
          ...audit,
          id: 'audit one',
          title: ' ',
          scope: '',
          criteria: '',
          auditor: '',
          plannedDate: '2025-02-30',
          completedDate: null,
          reportEvidenceId: 'missing',
          findingIds: ['F-1', 'F-9'],
        },
        known,
      ),
    ).toEqual([
      'Give the internal audit an ID such as IA-1.',
      'Give the audit a title.',
      'Say what the audit covers (its scope).',
      'Say what the audit checks against (its criteria).',
      'Name the auditor.',
      'The planned date is not a valid date (YYYY-MM-DD).',
      'A completed audit needs the date it was completed.',
      'The audit report missing is not in the evidence library.',
      'Finding F-9 is not in the findings register.',
    ]);
    expect(internalAuditProblems({ ...audit, completedDate: '2025-05-01' }, known)).toEqual([
      'The completion date is before the planned date.',
    ]);
    expect(internalAuditProblems({ ...audit, status: 'done' }, known)).toEqual([
      'Choose a status: planned, in progress, completed or cancelled.',
    ]);
  });

  it('refuses a payload of the wrong shape without reading it', () => {
    expect(internalAuditProblems({ ...audit, findingIds: 'F-1' }, known)).toEqual([
      'The internal audit could not be read: a field is missing or of the wrong kind.',
    ]);
    expect(internalAuditProblems(null, known)).toHaveLength(1);
  });
});

describe('management review problems', () => {
  it('accepts a complete record', () => {
    expect(managementReviewProblems(review, known)).toEqual([]);
  });

  it('says what to fix, one sentence each', () => {
    expect(
      managementReviewProblems(
        {
          ...review,
          id: 'MR-x',
          meetingDate: 'tomorrow',
          attendees: [' '],
          coveredInputs: ['issues', 'gossip'],
          actions: [{ description: 'Fix it', owner: '', dueDate: '2025-07-01', status: 'later' }],
          minutesEvidenceId: 'nope',
        },
        known,
      ),
    ).toEqual([
      'Give the management review an ID such as MR-1.',
      'The meeting date is not a valid date (YYYY-MM-DD).',
      'Name who attended the review.',
      'Unknown review inputs: gossip.',
      'Action 1 needs a description, an owner and a due date (YYYY-MM-DD).',
      'Action 1: choose open, in progress or done.',
      'The minutes nope is not in the evidence library.',
    ]);
    expect(managementReviewProblems({ ...review, actions: [{ description: 'x' }] }, known)).toEqual([
      'The management review could not be read: a field is missing or of the wrong kind.',
    ]);
  });

  it('stores only its own fields, inputs in clause order', () => {
    const tidy = tidyManagementReview({
      ...review,
      coveredInputs: ['improvement', 'previous-actions'],
      attendees: [' CEO ', ''],
      extra: 'dropped',
    } as typeof review);
    expect(tidy.coveredInputs).toEqual(['previous-actions', 'improvement']);
    expect(tidy.attendees).toEqual(['CEO']);
    expect('extra' in tidy).toBe(false);
  });
});
