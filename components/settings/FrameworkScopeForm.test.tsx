import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { effectiveFrameworks, frameworkScopeRow } from '@/utils/settings/frameworks';
import { FrameworkScopeForm } from './FrameworkScopeForm';

describe('FrameworkScopeForm', () => {
  it('keeps ISO on, and saves SOC 2 turned on', async () => {
    const onSave = vi.fn(async () => {});
    render(<FrameworkScopeForm scope={effectiveFrameworks(undefined, {})} onSave={onSave} />);
    const iso = screen.getByRole('checkbox', { name: /ISO\/IEC 27001:2022/ }) as HTMLInputElement;
    expect(iso.checked && iso.disabled).toBe(true);
    expect((screen.getByTestId('framework-soc2') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByTestId('framework-soc2'));
    fireEvent.click(screen.getByRole('button', { name: 'Save frameworks' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(['soc2']));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Frameworks saved.');
    expect(screen.getByTestId('framework-scope').textContent).toContain("NIST's informative references");
  });

  it('shows a locked choice as set by the organisation and cannot change it', () => {
    const scope = effectiveFrameworks(frameworkScopeRow([]), {
      frameworks: ['nist-csf'],
      locked: ['frameworks'],
    });
    render(<FrameworkScopeForm scope={scope} onSave={vi.fn(async () => {})} />);
    const csf = screen.getByTestId('framework-nist-csf') as HTMLInputElement;
    expect(csf.checked && csf.disabled).toBe(true);
    expect(screen.getByTestId('frameworks-managed').textContent).toBe(
      'Set by your organisation (cannot be changed here)',
    );
    expect((screen.getByTestId('frameworks-save') as HTMLButtonElement).disabled).toBe(true);
  });
});
