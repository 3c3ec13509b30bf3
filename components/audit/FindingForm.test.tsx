import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { FindingForm, parseEvidenceIds, type FindingInput } from './FindingForm';
import { finding } from '@/tests/support/component-data';

afterEach(cleanup);

function setup(
  existing = finding('F-002', { grade: 'major', controls: ['A.8.13'] }),
  onSave = vi.fn(async (_: FindingInput) => {}),
) {
  render(
    <FindingForm
      catalogue={DEFAULT_CATALOGUE}
      finding={existing}
      newId="F-009"
      onSave={onSave}
      onCancel={() => {}}
    />,
  );
  return onSave;
}

const type = (label: RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('FindingForm', () => {
  it('asks for a description before saving a new finding', async () => {
    const onSave = vi.fn(async () => {});
    render(
      <FindingForm
        catalogue={DEFAULT_CATALOGUE}
        finding={null}
        newId="F-009"
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: 'New finding F-009' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save finding F-009' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Describe the finding.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses to close a major nonconformity without root cause, correction and evidence of the fix', async () => {
    const onSave = setup();
    choose('Status', 'closed');
    fireEvent.click(screen.getByRole('button', { name: 'Save finding F-002' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'A major nonconformity can only be closed with its corrective action.',
    );
    expect(alert.textContent).toContain(
      'A major nonconformity can only be closed with evidence that the correction worked.',
    );
    expect(alert.textContent).toContain('A nonconformity can only be closed with its root cause.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves every field, with controls from the picker and evidence IDs from the text list', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByTestId('control-search'), { target: { value: 'A.5.15' } });
    fireEvent.click(screen.getAllByTestId('control-result')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Remove A.8.13' }));
    choose('Status', 'closed');
    choose('Source', 'stage-2');
    type(/^Root cause/, 'Backup job lacked monitoring');
    type(/^Corrective action/, 'Alerting on failed jobs');
    type(/^Evidence of the fix/, 'EV-20250601-0001\nEV-20250602-0002, EV-20250601-0001');
    type(/^Due date/, '2025-08-01');
    type(/^Description/, '  Restore test never performed  ');
    fireEvent.click(screen.getByRole('button', { name: 'Save finding F-002' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      id: 'F-002',
      grade: 'major',
      source: 'stage-2',
      controls: ['A.5.15'],
      description: 'Restore test never performed',
      rootCause: 'Backup job lacked monitoring',
      correctiveAction: 'Alerting on failed jobs',
      dueDate: '2025-08-01',
      status: 'closed',
      evidenceIds: ['EV-20250601-0001', 'EV-20250602-0002'],
    });
  });

  it("shows the background's sentence when the save fails", async () => {
    setup(
      finding('F-002'),
      vi.fn(async () => Promise.reject(new Error('Not saved: the disk is full.'))),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save finding F-002' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Not saved: the disk is full.');
  });
});

describe('parseEvidenceIds', () => {
  it('splits on lines, commas and spaces and drops repeats', () => {
    expect(parseEvidenceIds(' EV-1\nEV-2,EV-3 ; EV-1\n\n')).toEqual(['EV-1', 'EV-2', 'EV-3']);
  });
});
