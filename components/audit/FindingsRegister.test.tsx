import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { Finding } from '@/utils/isms/types';
import type { FindingInput } from './FindingForm';
import { FindingsRegister, nextFindingId } from './FindingsRegister';
import { finding } from '@/tests/support/component-data';

afterEach(cleanup);

const findings: Finding[] = [
  finding('F-001', { grade: 'major', dueDate: '2025-06-01', controls: ['A.8.13'] }),
  finding('F-002', { grade: 'observation', status: 'closed' }),
  finding('F-010', { grade: 'minor', status: 'in-progress', dueDate: '2025-09-01' }),
];

function setup(onSave = vi.fn(async (_: FindingInput) => {}), onDelete = vi.fn(async (_: string) => {})) {
  render(
    <FindingsRegister
      catalogue={DEFAULT_CATALOGUE}
      findings={findings}
      today="2025-06-20"
      onSave={onSave}
      onDelete={onDelete}
    />,
  );
  return { onSave, onDelete };
}

const rows = () =>
  [...screen.getByTestId('findings-register').querySelectorAll('tbody tr')].map((row) =>
    row.getAttribute('data-finding-id'),
  );

describe('FindingsRegister', () => {
  it('lists unresolved findings first, flags overdue ones and open majors', () => {
    setup();
    expect(rows()).toEqual(['F-001', 'F-010']);
    const first = screen.getByText('F-001').closest('tr') as HTMLElement;
    expect(within(first).getByText('overdue')).toBeTruthy();
    expect(screen.getByText(/1 major nonconformity blocks certification/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    expect(rows()).toEqual(['F-001', 'F-010', 'F-002']);
  });

  it('records a new finding under the next free number', async () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New finding' }));
    fireEvent.input(screen.getByLabelText(/^Description/), { target: { value: 'No access review in Q2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save finding F-011' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'F-011', status: 'open' })),
    );
    expect((await screen.findByRole('status')).textContent).toBe('Saved finding F-011.');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('deletes only after confirmation', async () => {
    const { onDelete } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete F-010' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete F-010' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Confirm deleting F-010' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith('F-010'));
  });
});

describe('nextFindingId', () => {
  it('numbers after the highest F-number and ignores other identifiers', () => {
    expect(nextFindingId([])).toBe('F-001');
    expect(nextFindingId([{ id: 'F-009' }, { id: 'F-010' }, { id: 'NC-77' }])).toBe('F-011');
  });
});
