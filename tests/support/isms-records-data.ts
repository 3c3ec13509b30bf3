import { REVIEW_INPUTS, type InternalAudit, type ManagementReview } from '@/utils/isms-records/types';

/** A completed, independent internal audit with its report: the one Stage 1 asks for. */
export function internalAudit(overrides: Partial<InternalAudit> = {}): InternalAudit {
  return {
    id: 'IA-1',
    title: 'Access control and backups',
    scope: 'IT operations: A.5.15–A.5.18, A.8.13',
    criteria: 'ISO/IEC 27001:2022 clauses 4–10; access control policy v3',
    auditor: 'Dana Auditor (Group internal audit)',
    auditorIndependent: true,
    independenceNote: 'Group internal audit, outside IT operations',
    plannedDate: '2025-05-10',
    completedDate: '2025-05-12',
    status: 'completed',
    reportEvidenceId: 'EV-REPORT',
    findingIds: [],
    notes: '',
    createdAt: '2025-04-01T09:00:00.000Z',
    updatedAt: '2025-05-12T17:00:00.000Z',
    ...overrides,
  };
}

/** A held management review with top management, every clause 9.3.2 input, minutes and one action. */
export function managementReview(overrides: Partial<ManagementReview> = {}): ManagementReview {
  return {
    id: 'MR-1',
    meetingDate: '2025-05-20',
    status: 'held',
    attendees: ['Chief Executive', 'ISMS manager'],
    topManagementPresent: true,
    coveredInputs: [...REVIEW_INPUTS],
    decisions: 'Keep the ISMS scope; fund a second backup site.',
    actions: [
      {
        description: 'Quote a second backup site',
        owner: 'Head of IT',
        dueDate: '2025-07-31',
        status: 'open',
      },
    ],
    minutesEvidenceId: 'EV-MINUTES',
    notes: '',
    createdAt: '2025-05-20T12:00:00.000Z',
    updatedAt: '2025-05-20T12:00:00.000Z',
    ...overrides,
  };
}
