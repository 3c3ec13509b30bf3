import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import { ControlGrid } from './ControlGrid';
import { controlState, plan } from '@/tests/support/component-data';

afterEach(cleanup);

const coverage = computeCoverage({
  catalogue: DEFAULT_CATALOGUE,
  controlStates: [controlState('A.7.4', { applicable: false, justification: '' })],
  evidence: [],
  plan: plan(),
  today: '2025-06-20',
});

describe('ControlGrid', () => {
  it('is one tab stop that arrow keys, Home and End move through', () => {
    const onOpen = vi.fn();
    render(<ControlGrid catalogue={DEFAULT_CATALOGUE} controls={coverage.controls} onOpen={onOpen} />);
    const cells = screen.getAllByRole('button');
    expect(cells.filter((cell) => cell.tabIndex === 0)).toHaveLength(1);
    cells[0]!.focus();
    fireEvent.keyDown(cells[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cells[1]);
    expect(cells[1]!.tabIndex).toBe(0);
    fireEvent.keyDown(cells[1]!, { key: 'End' });
    expect(document.activeElement).toBe(cells[cells.length - 1]);
    fireEvent.keyDown(cells[cells.length - 1]!, { key: 'Home' });
    expect(document.activeElement).toBe(cells[0]);
    fireEvent.click(cells[0]!);
    expect(onOpen).toHaveBeenCalledWith(
      coverage.controls.find((control) => control.theme === 'organizational')?.controlId,
    );
  });

  it('says when an exclusion lacks its justification', () => {
    render(<ControlGrid catalogue={DEFAULT_CATALOGUE} controls={coverage.controls} onOpen={() => {}} />);
    expect(
      screen.getByRole('button', {
        name: 'A.7.4 Physical security monitoring — not applicable, exclusion not justified',
      }),
    ).toBeTruthy();
  });
});
