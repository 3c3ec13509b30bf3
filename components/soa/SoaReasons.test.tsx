import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import type { ControlState } from '@/utils/isms/types';
import { controlState, plan, risk } from '@/tests/support/component-data';
import { SoaTable } from './SoaTable';

afterEach(cleanup);

const states: ControlState[] = [
  controlState('A.7.4', { applicable: false, justification: 'No premises' }),
  controlState('A.5.34', { reasons: [{ kind: 'legal', reference: 'GDPR Art. 32' }] }),
];
const risks = [
  risk('R-1', { title: 'Backups fail', controls: ['A.8.13', 'A.7.4'] }),
  risk('R-2', { title: 'Old risk', controls: ['A.8.13'], status: 'closed' }),
];
const coverage = computeCoverage({
  catalogue: DEFAULT_CATALOGUE,
  controlStates: states,
  evidence: [],
  plan: plan(),
  today: '2025-06-20',
});

function setup(openControlId: string | null = null) {
  const onSave = vi.fn(async (_: Omit<ControlState, 'updatedAt'>) => {});
  render(
    <SoaTable
      catalogue={DEFAULT_CATALOGUE}
      controlStates={states}
      coverage={coverage}
      openControlId={openControlId}
      onSave={onSave}
      onDownloadCsv={() => {}}
      risks={risks}
    />,
  );
  return onSave;
}

const row = (id: string) =>
  screen.getByTestId('soa-table').querySelector(`tr[data-control-id="${id}"]`) as HTMLElement;

describe('SoA reasons', () => {
  it('shows the risks a control treats, the gap of a control without reason and the contradiction of an exclusion', () => {
    setup();
    expect(row('A.8.13').textContent).toContain('Treats R-1');
    expect(row('A.8.13').textContent).not.toContain('R-2');
    expect(row('A.5.34').textContent).toContain('1 requirement or decision');
    expect(within(row('A.5.1')).getByTestId('soa-no-reason')).toBeTruthy();
    expect(within(row('A.7.4')).getByTestId('soa-contradiction').textContent).toContain('R-1 relies on it');
  });

  it('fills the justification from the reasons, keeps it editable and saves a requirement with its reference', async () => {
    const onSave = setup('A.8.13');
    const form = screen.getByRole('form', { name: 'Statement of Applicability for A.8.13' });
    const justification = within(form).getByLabelText(/Justification/) as HTMLTextAreaElement;
    expect(justification.value).toBe('Treats R-1.');
    expect(within(form).getByRole('list', { name: 'Risks this control treats' }).textContent).toContain(
      'Backups fail',
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Add a requirement or decision' }));
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'contractual' } });
    fireEvent.input(within(form).getByLabelText('Reference'), { target: { value: 'MSA-2024 §7' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Write the justification from the reasons' }));
    expect(justification.value).toBe('Treats R-1. Contractual requirement: MSA-2024 §7.');
    fireEvent.input(justification, { target: { value: 'Treats R-1; required by our customers.' } });
    fireEvent.submit(form);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      controlId: 'A.8.13',
      justification: 'Treats R-1; required by our customers.',
      reasons: [{ kind: 'contractual', reference: 'MSA-2024 §7' }],
    });
  });

  it('refuses a requirement without its reference', () => {
    const onSave = setup('A.8.13');
    const form = screen.getByRole('form', { name: 'Statement of Applicability for A.8.13' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a requirement or decision' }));
    fireEvent.submit(form);
    expect(within(form).getByTestId('soa-problems').textContent).toContain('needs its reference');
    expect(onSave).not.toHaveBeenCalled();
  });
});
