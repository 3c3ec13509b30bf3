import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InternalAuditInput, ManagementReviewInput } from '@/utils/isms-records/types';
import { IsmsRecordsPanel } from './IsmsRecordsPanel';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';

afterEach(cleanup);

const input = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('IsmsRecordsPanel', () => {
  it('creates the next internal audit with what was typed and says it was saved', async () => {
    const onSaveAudit = vi.fn(async (_: InternalAuditInput) => {});
    render(
      <IsmsRecordsPanel
        internalAudits={[internalAudit()]}
        managementReviews={[]}
        onSaveAudit={onSaveAudit}
        onSaveReview={vi.fn()}
      />,
    );
    expect(screen.getByTestId('internal-audits').textContent).toContain('EV-REPORT');
    fireEvent.click(screen.getByText('New internal audit'));
    input('Title', 'Backups');
    input(/^Scope/, 'A.8.13');
    input(/^Criteria/, 'Backup policy');
    input('Auditor', 'Dana');
    fireEvent.click(screen.getByLabelText('The auditor is independent of the work audited'));
    input('Planned date', '2025-06-01');
    input('Completed on', '2025-06-02');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'completed' } });
    input(/^Report/, 'EV-1');
    input(/^Findings raised/, 'F-1, F-2');
    fireEvent.click(screen.getByText('Save internal audit IA-2'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved IA-2.'));
    expect(onSaveAudit).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'IA-2',
        auditorIndependent: true,
        status: 'completed',
        completedDate: '2025-06-02',
        reportEvidenceId: 'EV-1',
        findingIds: ['F-1', 'F-2'],
      }),
    );
  });

  it('records a review’s inputs and actions, and shows the background’s refusal', async () => {
    const onSaveReview = vi
      .fn(async (_: ManagementReviewInput) => {})
      .mockRejectedValueOnce(new Error('The minutes EV-9 is not in the evidence library.'));
    render(
      <IsmsRecordsPanel
        internalAudits={[]}
        managementReviews={[managementReview()]}
        onSaveAudit={vi.fn()}
        onSaveReview={onSaveReview}
      />,
    );
    expect(screen.getByTestId('management-reviews').textContent).toContain('10 of 10');
    fireEvent.click(screen.getByText('New management review'));
    input('Meeting date', '2025-06-20');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'held' } });
    input(/^Attendees/, 'CEO\nISMS manager');
    fireEvent.click(screen.getByLabelText('Top management was present'));
    fireEvent.click(screen.getByLabelText(/^Audit results/));
    fireEvent.click(screen.getByText('Add an action'));
    input('Action 1', 'Second backup site');
    input('Owner of action 1', 'Head of IT');
    input('Due date of action 1', '2025-09-30');
    input(/^Minutes/, 'EV-9');
    fireEvent.click(screen.getByText('Save management review MR-2'));
    await waitFor(() => expect(screen.getByTestId('review-problems').textContent).toContain('EV-9'));
    fireEvent.click(screen.getByText('Save management review MR-2'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved MR-2.'));
    expect(onSaveReview).toHaveBeenLastCalledWith(
      expect.objectContaining({
        id: 'MR-2',
        status: 'held',
        topManagementPresent: true,
        coveredInputs: ['audit-results'],
        actions: [
          { description: 'Second backup site', owner: 'Head of IT', dueDate: '2025-09-30', status: 'open' },
        ],
        minutesEvidenceId: 'EV-9',
      }),
    );
  });
});
