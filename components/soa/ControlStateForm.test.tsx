import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE, findItem } from '@/utils/catalogue/catalogue';
import type { CatalogueItem } from '@/utils/catalogue/types';
import type { ControlState } from '@/utils/isms/types';
import { ControlStateForm } from './ControlStateForm';

afterEach(cleanup);

const knownIds = new Set(DEFAULT_CATALOGUE.items.map((item) => item.id));
const backup = findItem(DEFAULT_CATALOGUE, 'A.8.13') as CatalogueItem;
const policy = findItem(DEFAULT_CATALOGUE, '5.2') as CatalogueItem;

function setup(item = backup, state?: ControlState, onSave = vi.fn(async () => {})) {
  render(
    <ControlStateForm item={item} state={state} knownIds={knownIds} onSave={onSave} onClose={() => {}} />,
  );
  return onSave;
}

describe('ControlStateForm', () => {
  it('refuses an exclusion without justification, says why, and saves nothing', async () => {
    const onSave = setup();
    fireEvent.click(screen.getByLabelText('Excluded'));
    fireEvent.click(screen.getByRole('button', { name: 'Save A.8.13' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'A.8.13 is excluded: give the justification an auditor will ask for.',
    );
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Justification/).getAttribute('aria-invalid')).toBe('true');
  });

  it('saves an exclusion with its justification, trimmed, and the cadence override as a number', async () => {
    const onSave = setup();
    fireEvent.click(screen.getByLabelText('Excluded'));
    fireEvent.input(screen.getByLabelText(/Justification/), {
      target: { value: '  No backups: stateless SaaS only ' },
    });
    fireEvent.input(screen.getByLabelText('Owner'), { target: { value: 'Dana' } });
    fireEvent.input(screen.getByLabelText(/Cadence in days/), { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('Implementation'), { target: { value: 'planned' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save A.8.13' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      controlId: 'A.8.13',
      applicable: false,
      justification: 'No backups: stateless SaaS only',
      implementation: 'planned',
      owner: 'Dana',
      cadenceDays: 14,
      notes: '',
    });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved A.8.13.');
  });

  it('refuses a cadence that is not a whole number of days', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByLabelText(/Cadence in days/), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save A.8.13' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'must be a whole number of days from 1 to 3650',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the background's sentence when the save is refused", async () => {
    setup(
      backup,
      undefined,
      vi.fn(async () => Promise.reject(new Error('Not saved: the disk is full.'))),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save A.8.13' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: the disk is full.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('starts from the recorded decision, and an empty cadence means the catalogue default', async () => {
    const onSave = setup(backup, {
      controlId: 'A.8.13',
      applicable: true,
      justification: 'Customer data',
      implementation: 'implemented',
      owner: 'Ops',
      cadenceDays: 7,
      notes: 'Veeam',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Ops');
    fireEvent.input(screen.getByLabelText(/Cadence in days/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save A.8.13' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ cadenceDays: null, notes: 'Veeam' })),
    );
  });

  it('does not let a mandatory clause be excluded', () => {
    setup(policy);
    expect((screen.getByLabelText('Excluded') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Clauses 4–10 are mandatory: they cannot be excluded.')).toBeTruthy();
  });
});
