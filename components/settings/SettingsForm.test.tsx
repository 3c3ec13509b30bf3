import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { effectiveSettings } from '@/utils/settings/effective';
import { SettingsForm } from './SettingsForm';

const local = { id: 'settings' as const, capturer: 'Alice', organisation: '' };

function show(policy: Parameters<typeof effectiveSettings>[1]) {
  const effective = effectiveSettings(local, policy);
  const onSave = vi.fn(async () => {});
  render(<SettingsForm settings={effective.settings} policy={effective} onSave={onSave} />);
  return onSave;
}

describe('SettingsForm with an organisation policy', () => {
  it('shows a locked organisation as set by the organisation, disabled, and saves it unchanged', async () => {
    const onSave = show({ organisation: 'Northwind Finance Ltd', locked: ['organisation'] });
    const field = screen.getByTestId('settings-organisation') as HTMLInputElement;
    expect(field.value).toBe('Northwind Finance Ltd');
    expect(field.disabled).toBe(true);
    expect(screen.getByTestId('organisation-managed').textContent).toBe(
      'Set by your organisation (cannot be changed here)',
    );
    expect(field.getAttribute('aria-describedby')).toBe('organisation-managed');
    expect((screen.getByTestId('settings-capturer') as HTMLInputElement).disabled).toBe(false);
    fireEvent.input(screen.getByTestId('settings-capturer'), { target: { value: 'Alice Admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ capturer: 'Alice Admin', organisation: 'Northwind Finance Ltd' }),
    );
  });

  it('marks an unlocked organisation value as a suggestion the user may change', () => {
    show({ organisation: 'Northwind Finance Ltd' });
    expect((screen.getByTestId('settings-organisation') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByTestId('organisation-managed').textContent).toBe(
      'Suggested by your organisation (you may change it)',
    );
  });

  it('takes the capturer name from policy, and says when the policy sent none', () => {
    show({ capturerSource: 'policy', capturer: 'Grace Kim' });
    const field = screen.getByTestId('settings-capturer') as HTMLInputElement;
    expect([field.value, field.disabled]).toEqual(['Grace Kim', true]);
    expect(screen.queryByTestId('organisation-managed')).toBeNull();
  });

  it('says so when the organisation expects a name from policy but none came', () => {
    show({ capturerSource: 'policy' });
    expect((screen.getByTestId('settings-capturer') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByTestId('policy-note').textContent).toMatch(/no name was set for you/);
  });
});
