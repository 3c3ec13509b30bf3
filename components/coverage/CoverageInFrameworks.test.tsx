import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { CoverageInFrameworks } from './CoverageInFrameworks';

const data = {
  controlStates: [],
  plan: null,
  findings: [],
  evidence: [{ id: 'EV-1', controls: ['A.8.13'], effectiveDate: '2026-11-20', status: 'ready' as const }],
};
const props = {
  catalogue: DEFAULT_CATALOGUE,
  data,
  today: '2026-12-03',
  onOpenControl: vi.fn(),
  onOpenSection: vi.fn(),
};

describe('CoverageInFrameworks', () => {
  it('shows ISO first and switches to SOC 2, where the criterion mapped from A.8.13 is covered', () => {
    const onOpenEntry = vi.fn();
    render(<CoverageInFrameworks {...props} inScope={['iso27001', 'soc2']} onOpenEntry={onOpenEntry} />);
    expect(screen.getByTestId('coverage-summary')).toBeTruthy();
    expect(document.querySelector('[data-control-id="A.8.13"]')?.getAttribute('data-status')).toBe('covered');
    fireEvent.click(screen.getByRole('button', { name: 'SOC 2' }));
    const cell = document.querySelector<HTMLButtonElement>('.grid-cell[data-control-id="A1.3"]')!;
    expect(cell.getAttribute('data-status')).toBe('covered');
    expect(cell.getAttribute('aria-label')).toContain('Recovery plan tested');
    expect(document.querySelector('.grid-cell[data-control-id="CC6.1"]')?.getAttribute('data-status')).toBe(
      'missing',
    );
    fireEvent.click(cell);
    expect(onOpenEntry).toHaveBeenCalledWith('soc2', 'A1.3');
  });

  it('shows no switch while ISO is the only framework in scope', () => {
    render(<CoverageInFrameworks {...props} inScope={['iso27001']} onOpenEntry={vi.fn()} />);
    expect(screen.queryByTestId('framework-switch')).toBeNull();
  });
});
