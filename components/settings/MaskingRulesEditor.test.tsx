import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { withBuiltIns } from '@/utils/masking/builtins';
import { effectiveMasking } from '@/utils/settings/effective';
import { parsePolicy } from '@/utils/settings/policy';
import { MaskingRulesEditor, type MaskingChange } from './MaskingRulesEditor';

const parseSelector = (selector: string) => {
  document.createDocumentFragment().querySelector(selector);
};

function show(masking = effectiveMasking({ ...withBuiltIns(undefined), enabled: true }, {})) {
  const saved: MaskingChange[] = [];
  const onSave = vi.fn(async (change: MaskingChange) => {
    saved.push(change);
  });
  render(
    <MaskingRulesEditor
      masking={masking}
      parseSelector={parseSelector}
      onSave={onSave}
      newId={() => 'custom-1'}
    />,
  );
  return { onSave, saved };
}

const addForm = () => screen.getByRole('form', { name: 'Add a masking rule' });

describe('MaskingRulesEditor', () => {
  it('switches a built-in pattern off through onSave, keeping every other rule', async () => {
    const { saved } = show();
    fireEvent.click(screen.getByLabelText('E-mail addresses'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.rules.find((rule) => rule.id === 'email')?.enabled).toBe(false);
    expect(saved[0]!.rules.filter((rule) => rule.enabled)).toHaveLength(5);
    expect((await screen.findByRole('status')).textContent).toBe('“E-mail addresses” switched off.');
  });

  it('adds a custom pattern, and refuses one that does not compile or matches empty text', async () => {
    const { saved, onSave } = show();
    const form = addForm();
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Employee numbers' } });
    fireEvent.input(within(form).getByLabelText(/Regular expression/), { target: { value: 'NW-(\\d{6}' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(
      /^The pattern is not a valid regular expression: .*\.$/,
    );
    fireEvent.input(within(form).getByLabelText(/Regular expression/), { target: { value: '\\d*' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/matches empty text/);
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.input(within(form).getByLabelText(/Regular expression/), {
      target: { value: '\\bNW-\\d{6}\\b' },
    });
    fireEvent.submit(form);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.rules.at(-1)).toEqual({
      id: 'custom-1',
      name: 'Employee numbers',
      kind: 'pattern',
      pattern: '\\bNW-\\d{6}\\b',
      enabled: true,
    });
    expect(within(screen.getByTestId('own-rules')).getByText('Employee numbers')).toBeTruthy();
  });

  it('checks selectors with a real parser before saving them', async () => {
    const { saved, onSave } = show();
    const form = addForm();
    fireEvent.click(within(form).getByLabelText(/CSS selector/, { selector: 'input[type=radio]' }));
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Salaries' } });
    fireEvent.input(within(form).getByLabelText(/^CSS selector/, { selector: 'input:not([type])' }), {
      target: { value: 'td[class=' },
    });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe(
      '“td[class=” is not a valid CSS selector: check brackets, quotes and pseudo-classes.',
    );
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(within(form).getByLabelText(/^CSS selector/, { selector: 'input:not([type])' }), {
      target: { value: 'td.salary' },
    });
    fireEvent.submit(form);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.rules.at(-1)).toMatchObject({ kind: 'selector', selector: 'td.salary', enabled: true });
  });

  it('edits, switches and removes the user’s own rules', async () => {
    const stored = withBuiltIns(undefined);
    stored.rules.push({ id: 'own', name: 'Tickets', enabled: true, kind: 'pattern', pattern: 'TCK-\\d+' });
    const { saved } = show(effectiveMasking(stored, {}));
    fireEvent.click(screen.getByRole('button', { name: 'Edit Tickets' }));
    const form = screen.getByRole('form', { name: 'Edit Tickets' });
    fireEvent.input(within(form).getByLabelText(/Regular expression/), { target: { value: 'TICKET-\\d+' } });
    fireEvent.submit(form);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.rules.find((rule) => rule.id === 'own')).toMatchObject({
      pattern: 'TICKET-\\d+',
      enabled: true,
    });

    fireEvent.click(await screen.findByTestId('rule-enabled-own'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.rules.find((rule) => rule.id === 'own')?.enabled).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Tickets' }));
    await waitFor(() => expect(saved).toHaveLength(3));
    expect(saved[2]!.rules.some((rule) => rule.id === 'own')).toBe(false);
    expect(screen.queryByText('Tickets')).toBeNull();
  });

  it('shows the background’s refusal and keeps the switch as it was', async () => {
    const onSave = vi.fn(async () => Promise.reject(new Error('Not saved: the disk is full.')));
    render(
      <MaskingRulesEditor
        masking={effectiveMasking(undefined, {})}
        parseSelector={parseSelector}
        onSave={onSave}
      />,
    );
    const box = screen.getByTestId('rule-enabled-email') as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: the disk is full.');
    await waitFor(() => expect(box.checked).toBe(true));
  });

  it('disables everything the organisation locks and marks its rules', () => {
    const { policy } = parsePolicy({
      maskingEnabled: true,
      maskingRules: [{ id: 'salary', name: 'Salaries', kind: 'selector', selector: 'td.salary' }],
      locked: ['maskingEnabled', 'maskingRules'],
    });
    show(effectiveMasking(undefined, policy));
    expect((screen.getByTestId('settings-masking-enabled') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('masking-enabled-managed').textContent).toBe(
      'Set by your organisation (cannot be changed here)',
    );
    expect((screen.getByTestId('rule-enabled-policy:salary') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('rule-enabled-email') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('form', { name: 'Add a masking rule' })).toBeNull();
    expect(screen.getByTestId('masking-rules-locked')).toBeTruthy();
  });
});

describe('MaskingRulesEditor refusals in a form', () => {
  it('shows the background’s sentence once, beside the form', async () => {
    const onSave = vi.fn(async () =>
      Promise.reject(new Error('Not saved: Tickets: The pattern is too slow.')),
    );
    render(
      <MaskingRulesEditor
        masking={effectiveMasking(undefined, {})}
        parseSelector={parseSelector}
        onSave={onSave}
      />,
    );
    const form = addForm();
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Tickets' } });
    fireEvent.input(within(form).getByLabelText(/Regular expression/), { target: { value: 'TCK-\\d+' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Not saved: Tickets: The pattern is too slow.',
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
