import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import type { ControlState } from '@/utils/isms/types';
import { SoaTable } from './SoaTable';
import { controlState, plan, summary } from '@/tests/support/component-data';

afterEach(cleanup);

const states: ControlState[] = [
  controlState('A.7.4', { applicable: false, justification: '' }),
  controlState('A.8.13', { owner: 'Ops', cadenceDays: 7 }),
];
const coverage = computeCoverage({
  catalogue: DEFAULT_CATALOGUE,
  controlStates: states,
  evidence: [summary('EV-1', ['A.8.13'], '2025-06-18')],
  plan: plan(),
  today: '2025-06-20',
});

function setup(openControlId: string | null = null) {
  const onSave = vi.fn(async () => {});
  const onDownloadCsv = vi.fn();
  const view = render(
    <SoaTable
      catalogue={DEFAULT_CATALOGUE}
      controlStates={states}
      coverage={coverage}
      openControlId={openControlId}
      onSave={onSave}
      onDownloadCsv={onDownloadCsv}
    />,
  );
  return { onSave, onDownloadCsv, view };
}

const shownIds = () =>
  [...screen.getByTestId('soa-table').querySelectorAll('tbody tr[data-control-id]')].map((row) =>
    row.getAttribute('data-control-id'),
  );

describe('SoaTable', () => {
  it('shows the document control of a clause’s documented information, and which clauses lack it', () => {
    render(
      <SoaTable
        catalogue={DEFAULT_CATALOGUE}
        controlStates={states}
        coverage={coverage}
        openControlId={null}
        onSave={async () => {}}
        onDownloadCsv={() => {}}
        documents={[
          {
            evidenceId: 'EV-20250601-AAAAAA',
            title: 'Risk assessment methodology',
            controls: ['6.1.2'],
            document: { version: '2.1', approver: 'CISO Grace Kim', approvalDate: '2025-05-30' },
          },
        ]}
      />,
    );
    const row = (id: string) =>
      screen.getByTestId('soa-table').querySelector(`tr[data-control-id="${id}"]`) as HTMLElement;
    expect(row('6.1.2').textContent).toContain(
      'Risk assessment methodology — version 2.1, approved by CISO Grace Kim on 2025-05-30',
    );
    expect(row('4.3').textContent).toContain('no controlled document yet');
    expect(row('A.8.13').querySelector('[data-testid="clause-documents"]')).toBeNull();
  });

  it('lists every catalogue item with its decision and coverage', () => {
    setup();
    expect(shownIds()).toHaveLength(DEFAULT_CATALOGUE.items.length);
    const backup = screen.getByText('Information backup').closest('tr') as HTMLElement;
    expect(backup.textContent).toContain('Applicable');
    expect(backup.textContent).toContain('7 days');
    expect(backup.textContent).toContain('override');
    expect(backup.textContent).toContain('✓ covered');
  });

  it('finds controls by ID or words and filters by decision', () => {
    setup();
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'backup' } });
    expect(shownIds()).toEqual(['A.8.13']);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'unjustified' } });
    expect(shownIds()).toEqual(['A.7.4']);
    expect(screen.getByText('no justification')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'undecided' } });
    expect(shownIds()).toHaveLength(91);
  });

  it('opens the control the route names, and refuses its exclusion without justification', async () => {
    const { onSave } = setup('A.8.13');
    const form = screen.getByRole('form', { name: 'Statement of Applicability for A.8.13' });
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Ops');
    fireEvent.click(screen.getByLabelText('Excluded'));
    fireEvent.submit(form);
    expect((await screen.findByTestId('soa-problems')).textContent).toBe(
      'A.8.13 is excluded: give the justification an auditor will ask for.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('edits a row in place', async () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit A.5.1' }));
    fireEvent.input(screen.getByLabelText('Owner'), { target: { value: 'CISO' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save A.5.1' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({ controlId: 'A.5.1', owner: 'CISO', applicable: true }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close A.5.1' }));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('downloads the CSV on request', () => {
    const { onDownloadCsv } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(onDownloadCsv).toHaveBeenCalledTimes(1);
  });
});
