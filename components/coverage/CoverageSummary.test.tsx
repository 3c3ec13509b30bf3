import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { CoverageSummary } from './CoverageSummary';
import { controlState, data, finding, plan, summary } from '@/tests/support/component-data';

afterEach(cleanup);

function show(coverage = data(), today = '2025-06-20') {
  const onOpenControl = vi.fn();
  const onOpenSection = vi.fn();
  render(
    <CoverageSummary
      catalogue={DEFAULT_CATALOGUE}
      data={coverage}
      today={today}
      onOpenControl={onOpenControl}
      onOpenSection={onOpenSection}
    />,
  );
  return { onOpenControl, onOpenSection };
}

const cell = (controlId: string) =>
  screen.getByTestId('control-grid').querySelector(`[data-control-id="${controlId}"]`) as HTMLElement;

describe('CoverageSummary', () => {
  it('names each control and its status in words, not only colour', () => {
    show(
      data({
        evidence: [summary('EV-1', ['A.5.1'], '2025-06-01')],
        controlStates: [controlState('A.7.4', { applicable: false, justification: 'No premises' })],
      }),
    );
    expect(screen.getByRole('button', { name: 'A.8.13 Information backup — missing' })).toBeTruthy();
    expect(cell('A.8.13').getAttribute('title')).toBe('A.8.13 Information backup — missing');
    expect(cell('A.8.13').textContent).toBe('✗8.13');
    expect(cell('A.5.1').getAttribute('aria-label')).toBe(
      'A.5.1 Policies for information security — covered',
    );
    expect(cell('A.5.1').textContent).toBe('✓5.1');
    expect(cell('A.7.4').getAttribute('aria-label')).toMatch(/— not applicable$/);
    expect(screen.getByTestId('control-grid').querySelectorAll('button.grid-cell')).toHaveLength(
      DEFAULT_CATALOGUE.items.length,
    );
  });

  it('turns a cell covered once evidence in the window is tagged to it', () => {
    show(data({ evidence: [summary('EV-1', ['A.8.13'], '2025-06-15')] }));
    expect(cell('A.8.13').getAttribute('aria-label')).toBe('A.8.13 Information backup — covered');
  });

  it('marks stale and due-soon evidence with their own words', () => {
    // A.8.13 has a 30-day cadence: evidence of 1 May is stale on 20 June, of 24 May fresh for 3 more days.
    show(data({ evidence: [summary('EV-1', ['A.8.13'], '2025-05-01')] }));
    expect(cell('A.8.13').getAttribute('aria-label')).toBe('A.8.13 Information backup — stale');
    expect(cell('A.8.13').textContent).toBe('!8.13');
    cleanup();
    show(data({ evidence: [summary('EV-1', ['A.8.13'], '2025-05-24')] }));
    expect(cell('A.8.13').getAttribute('aria-label')).toBe('A.8.13 Information backup — due soon');
    expect(cell('A.8.13').textContent).toBe('◔8.13');
  });

  it('shows readiness for the next audit and the days left', () => {
    show();
    const card = screen.getByRole('region', { name: 'Next: Stage 1 readiness' });
    expect(card.textContent).toContain('2025-07-01 (in 11 days)');
    expect(within(card).getByTestId('readiness-verdict').textContent).toMatch(/^✗ Not ready: \d+ reasons$/);
  });

  it('moves on to Stage 2 once Stage 1 has passed', () => {
    show(data(), '2025-07-02');
    expect(screen.getByRole('region', { name: 'Next: Stage 2 readiness' }).textContent).toContain(
      '2025-07-29 (in 27 days)',
    );
  });

  it('offers to set up the plan when no audit is ahead', () => {
    const { onOpenSection } = show(data({ plan: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Set up the audit plan' }));
    expect(onOpenSection).toHaveBeenCalledWith('plan');
    expect(screen.getByText(/No audit window planned/)).toBeTruthy();
  });

  it('says when every audit date of the plan has passed', () => {
    show(data(), '2025-08-01');
    expect(screen.getByTestId('no-next-audit').textContent).toBe(
      'No audit date ahead in the plan. Update the audit plan',
    );
  });

  it('lists the five most urgent gaps, each opening its control in the dashboard', () => {
    const { onOpenControl } = show(
      data({
        evidence: [summary('EV-1', ['A.8.13'], '2025-05-01')],
        plan: plan({ windowStart: '2025-04-01' }),
      }),
    );
    const gaps = screen.getByTestId('gap-list').querySelectorAll('li');
    expect(gaps).toHaveLength(5);
    // Missing evidence comes before stale evidence: A.8.13 (stale) is not among the top five.
    expect([...gaps].map((gap) => gap.getAttribute('data-control-id'))).not.toContain('A.8.13');
    expect(gaps[0]?.getAttribute('data-control-id')).toBe('4.1');
    fireEvent.click(screen.getByRole('button', { name: 'Open 4.1 in the dashboard' }));
    expect(onOpenControl).toHaveBeenCalledWith('4.1');
    expect(screen.getByText(/^and \d+ more gaps$/)).toBeTruthy();
  });

  it('counts open findings and majors, linking to the register', () => {
    const { onOpenSection } = show(
      data({
        findings: [
          finding('F-001', { grade: 'major' }),
          finding('F-002'),
          finding('F-003', { status: 'closed' }),
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '2 open findings (1 major)' }));
    expect(onOpenSection).toHaveBeenCalledWith('findings');
  });

  it('shows one bar per theme with the share covered', () => {
    show(data({ evidence: [summary('EV-1', ['A.7.1', 'A.7.2'], '2025-06-01')] }));
    const bars = screen.getAllByTestId('theme-bar');
    expect(bars.map((bar) => bar.querySelector('.theme-name')?.textContent)).toEqual([
      'Overall',
      'Organizational',
      'People',
      'Physical',
      'Technological',
      'Clauses 4–10',
    ]);
    const physical = bars[3]!;
    expect(physical.querySelector('.theme-percent')?.textContent).toBe('14% covered');
  });
});
