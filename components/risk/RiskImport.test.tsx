import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import type { RiskImportPreview } from '@/utils/risk/risk-import';
import type { Risk } from '@/utils/risk/types';
import { risk } from '@/tests/support/component-data';
import { RiskImport } from './RiskImport';

afterEach(cleanup);

function setup(existing: Risk[] = []) {
  const onConfirm = vi.fn(
    async (preview: RiskImportPreview) => preview.added.length + preview.changed.length,
  );
  render(
    <RiskImport
      catalogue={DEFAULT_CATALOGUE}
      criteria={DEFAULT_RISK_CRITERIA}
      existing={existing}
      now={() => '2025-06-20T10:00:00.000Z'}
      readFile={(file) => file.text()}
      onConfirm={onConfirm}
    />,
  );
  return onConfirm;
}

function choose(text: string, name = 'register.csv') {
  const input = screen.getByTestId('risk-import-file');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

describe('RiskImport', () => {
  it('lists every unreadable row by line and writes nothing until the file is fixed and confirmed', async () => {
    const onConfirm = setup();
    choose(
      [
        'Risk ID,Name,Probability,Impact,Controls',
        'R-1,Backups fail,4,5,A.8.13',
        'R-2,Phishing,9,2,A.6.3',
        'R-3,Leak,2,2,A.99.1',
        'R-1,Again,2,2,',
      ].join('\n'),
    );
    const problems = await screen.findByTestId('risk-import-problems');
    expect(problems.textContent).toContain('Line 3: “Likelihood” is “9”');
    expect(problems.textContent).toContain('Line 4: “A.99.1” is not an Annex A control');
    expect(problems.textContent).toContain('Line 5: R-1 is already on line 2');
    const confirm = screen.getByRole('button', { name: /^Import/ }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    // The mapping preview shows the aliases matched.
    const mapping = screen.getByTestId('risk-import-mapping');
    expect(
      (within(mapping).getByLabelText('Register field for the column “Probability”') as HTMLSelectElement)
        .value,
    ).toBe('Likelihood');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('maps a column the file names differently, then shows the diff by ID and imports on confirm', async () => {
    const onConfirm = setup([risk('R-1', { title: 'Backups fail', likelihood: 3, impact: 5 })]);
    choose(['ID,Title,Chance,Impact', 'R-1,Backups fail,4,5', 'R-2,Phishing,2,2'].join('\n'));
    const problems = await screen.findByTestId('risk-import-problems');
    expect(problems.textContent).toContain('Line 1:');
    fireEvent.change(screen.getByLabelText('Register field for the column “Chance”'), {
      target: { value: 'Likelihood' },
    });
    await waitFor(() => expect(screen.queryByTestId('risk-import-problems')).toBeNull());
    expect(screen.getByTestId('risk-import-diff').textContent).toContain('1 new, 1 changed, 0 unchanged.');
    const changes = screen.getByTestId('risk-import-changes');
    const row = within(changes).getByText('Likelihood').closest('tr') as HTMLElement;
    expect(row.textContent).toContain('3');
    expect(row.textContent).toContain('4');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 risks' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('2 risks imported from register.csv.')).toBeTruthy();
  });

  it('keeps the confirmed preview on screen while the register reloads under it', async () => {
    let finish: (count: number) => void = () => undefined;
    const props = {
      catalogue: DEFAULT_CATALOGUE,
      criteria: DEFAULT_RISK_CRITERIA,
      now: () => '2025-06-20T10:00:00.000Z',
      readFile: (file: File) => file.text(),
    };
    const view = render(
      <RiskImport
        {...props}
        existing={[]}
        onConfirm={async (preview) => {
          // The dashboard reloads before the write resolves: the register now holds the imported rows.
          view.rerender(<RiskImport {...props} existing={preview.added} onConfirm={async () => 0} />);
          return new Promise<number>((resolve) => (finish = resolve));
        }}
      />,
    );
    choose(['ID,Title,Likelihood,Impact', 'R-1,Backups fail,4,5'].join('\n'));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 risk' }));
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeTruthy();
    expect(screen.getByTestId('risk-import-diff').textContent).toContain('1 new, 0 changed, 0 unchanged.');
    finish(1);
    expect(await screen.findByText('1 risk imported from register.csv.')).toBeTruthy();
  });
});
