import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import type { Risk } from '@/utils/risk/types';
import { risk } from '@/tests/support/component-data';
import { RiskRegister } from './RiskRegister';

afterEach(cleanup);

const register: Risk[] = [
  risk('R-2', {
    title: 'Backups fail silently',
    owner: 'Ops',
    likelihood: 4,
    impact: 5,
    controls: ['A.8.13'],
  }),
  risk('R-10', { title: 'Phishing', owner: 'Security', likelihood: 2, impact: 2 }),
  risk('R-3', { title: 'Key leak', owner: 'Ops', likelihood: 5, impact: 4, treatment: null }),
];

function setup(risks: Risk[] = register, openRiskId?: string) {
  const onSave = vi.fn(async (_: Risk) => {});
  const onDelete = vi.fn(async (_: string) => {});
  const onOpenControl = vi.fn();
  render(
    <RiskRegister
      catalogue={DEFAULT_CATALOGUE}
      criteria={DEFAULT_RISK_CRITERIA}
      risks={risks}
      today="2025-06-20"
      now={() => '2025-06-20T10:00:00.000Z'}
      onSave={onSave}
      onDelete={onDelete}
      onOpenControl={onOpenControl}
      {...(openRiskId ? { openRiskId } : {})}
    />,
  );
  return { onSave, onDelete, onOpenControl };
}

const ids = () =>
  [...screen.getByTestId('risk-table').querySelectorAll('tbody tr')].map((row) =>
    row.getAttribute('data-risk-id'),
  );

describe('RiskRegister', () => {
  it('lists the highest inherent level first, sorts by a column and back, and marks gaps', () => {
    setup();
    expect(ids()).toEqual(['R-2', 'R-3', 'R-10']);
    fireEvent.click(screen.getByRole('button', { name: 'ID' }));
    expect(ids()).toEqual(['R-2', 'R-3', 'R-10']);
    fireEvent.click(screen.getByRole('button', { name: /^ID/ }));
    expect(ids()).toEqual(['R-10', 'R-3', 'R-2']);
    const untreated = screen.getByText('Key leak').closest('tr') as HTMLElement;
    expect(within(untreated).getByText('No treatment')).toBeTruthy();
    expect(within(untreated).getByText('Critical (20)')).toBeTruthy();
  });

  it('filters by level, owner and status', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Inherent level'), { target: { value: 'low' } });
    expect(ids()).toEqual(['R-10']);
    fireEvent.change(screen.getByLabelText('Inherent level'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'Ops' } });
    expect(ids()).toEqual(['R-2', 'R-3']);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'closed' } });
    expect(screen.getByText('No risk matches these filters.')).toBeTruthy();
  });

  it('creates a risk with the next ID, every field the form has, and shows its level as it is chosen', async () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New risk' }));
    const form = screen.getByRole('form', { name: 'New risk R-11' });
    const field = (label: string | RegExp) => within(form).getByLabelText(label);
    fireEvent.input(field('Title (required)'), { target: { value: 'Admin accounts without MFA' } });
    fireEvent.input(field('Owner'), { target: { value: 'IT' } });
    fireEvent.input(field('Asset'), { target: { value: 'Admin console' } });
    fireEvent.input(field('Threat'), { target: { value: 'Credential stuffing' } });
    fireEvent.input(field('Vulnerability'), { target: { value: 'Passwords only' } });
    fireEvent.input(field('Consequence'), { target: { value: 'Tenant takeover' } });
    fireEvent.change(field('Likelihood'), { target: { value: '4' } });
    fireEvent.change(field('Impact'), { target: { value: '5' } });
    expect(within(form).getByText('Critical (20)')).toBeTruthy();
    fireEvent.change(field('Treatment'), { target: { value: 'retain' } });
    fireEvent.input(within(form).getByLabelText('Add a control'), { target: { value: 'A.8.5' } });
    fireEvent.click(within(form).getByRole('button', { name: /A\.8\.5/ }));
    fireEvent.change(field('Residual likelihood'), { target: { value: '3' } });
    fireEvent.change(field('Residual impact'), { target: { value: '4' } });
    fireEvent.input(field('Accepted by'), { target: { value: 'CIO' } });
    fireEvent.submit(form);
    // Half an acceptance is refused before anything is sent.
    expect(within(form).getByTestId('risk-problems').textContent).toContain('“Accepted on”');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(field('Accepted on'), { target: { value: '2025-06-01' } });
    fireEvent.input(field('Accepted until'), { target: { value: '2026-06-01' } });
    fireEvent.input(field('Next review'), { target: { value: '2025-12-01' } });
    fireEvent.submit(form);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      id: 'R-11',
      title: 'Admin accounts without MFA',
      owner: 'IT',
      asset: 'Admin console',
      threat: 'Credential stuffing',
      vulnerability: 'Passwords only',
      consequence: 'Tenant takeover',
      likelihood: 4,
      impact: 5,
      treatment: 'retain',
      controls: ['A.8.5'],
      residualLikelihood: 3,
      residualImpact: 4,
      acceptance: { acceptedBy: 'CIO', acceptedAt: '2025-06-01', acceptedUntil: '2026-06-01' },
      nextReview: '2025-12-01',
      status: 'open',
    });
    expect(await screen.findByText('R-11 saved.')).toBeTruthy();
  });

  it('refuses an ID already in the register', () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New risk' }));
    const form = screen.getByRole('form', { name: 'New risk R-11' });
    fireEvent.input(within(form).getByLabelText('ID'), { target: { value: 'R-2' } });
    fireEvent.input(within(form).getByLabelText('Title (required)'), { target: { value: 'Again' } });
    fireEvent.submit(form);
    expect(within(form).getByTestId('risk-problems').textContent).toContain('R-2 is already in the register');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('edits a risk and deletes one only after the confirm', async () => {
    const { onSave, onDelete } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit R-10' }));
    const form = screen.getByRole('form', { name: 'Edit R-10' });
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'monitored' } });
    fireEvent.submit(form);
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'R-10', status: 'monitored' })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete R-3' }));
    expect(onDelete).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: 'Confirm deleting R-3' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith('R-3'));
  });

  it('opens the risk a link names (#risk/R-3) in the form, and none for an unknown ID', () => {
    setup(register, 'R-3');
    expect(screen.getByRole('form', { name: 'Edit R-3' })).toBeTruthy();
    cleanup();
    setup(register, 'R-99');
    expect(screen.queryByRole('form')).toBeNull();
  });
});
