import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import { OperatingPeriod } from './OperatingPeriod';
import { controlState, plan, summary } from '@/tests/support/component-data';

afterEach(cleanup);

function setup() {
  const coverage = computeCoverage({
    catalogue: DEFAULT_CATALOGUE,
    controlStates: [controlState('A.7.4', { applicable: false, justification: 'No premises' })],
    evidence: [
      summary('EV-1', ['A.8.13'], '2025-01-15'),
      summary('EV-2', ['A.8.13'], '2025-01-20'),
      summary('EV-3', ['A.8.13'], '2025-03-03'),
      ...['01', '02', '03', '04'].map((month) => summary(`EV-P${month}`, ['A.5.1'], `2025-${month}-05`)),
    ],
    plan: plan({ windowStart: '2025-01-01', windowEnd: '2025-06-30' }),
    today: '2025-04-10',
  });
  const onOpen = vi.fn();
  render(<OperatingPeriod catalogue={DEFAULT_CATALOGUE} coverage={coverage} onOpen={onOpen} />);
  return onOpen;
}

const cells = (controlId: string) =>
  [
    ...(screen
      .getByTestId('operating-period')
      .querySelector(`tr[data-control-id="${controlId}"]`)
      ?.querySelectorAll('td') ?? []),
  ].map((cell) => cell.textContent);

describe('OperatingPeriod', () => {
  it('shows evidence per month, marks empty months in words and months not reached yet', () => {
    setup();
    const headers = [...screen.getAllByRole('columnheader')].map((header) => header.textContent);
    expect(headers).toEqual(['Control', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(cells('A.8.13')).toEqual(['2', '✗empty', '1', '✗empty', '·not yet', '·not yet']);
  });

  it('leaves out excluded controls and can show only items with empty months', () => {
    const onOpen = setup();
    const period = screen.getByTestId('operating-period');
    expect(period.querySelector('tr[data-control-id="A.7.4"]')).toBeNull();
    const applicable = DEFAULT_CATALOGUE.items.length - 1;
    expect(period.textContent).toContain(`${applicable - 1} of ${applicable} applicable items`);
    expect(period.querySelector('tr[data-control-id="A.5.1"]')).not.toBeNull();
    fireEvent.click(screen.getByLabelText('Only items with empty months'));
    expect(period.querySelector('tr[data-control-id="A.5.1"]')).toBeNull();
    expect(period.querySelector('tr[data-control-id="A.8.13"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'A.8.13' }));
    expect(onOpen).toHaveBeenCalledWith('A.8.13');
  });
});
