import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadinessCard } from './ReadinessCard';

afterEach(cleanup);

const reasons = Array.from({ length: 8 }, (_, index) => `Reason ${index + 1}.`);

describe('ReadinessCard', () => {
  it('says ready with a tick when nothing stands in the way', () => {
    render(
      <ReadinessCard
        title="Stage 1"
        date="2025-07-01"
        daysLeft={1}
        readiness={{ ready: true, reasons: [] }}
      />,
    );
    expect(screen.getByTestId('readiness-verdict').textContent).toBe('✓ Ready');
    expect(screen.getByRole('heading').textContent).toBe('Stage 1 · 2025-07-01 (tomorrow)');
  });

  it('lists the first reasons and shows the rest on request', () => {
    render(
      <ReadinessCard title="Stage 2" date={null} daysLeft={null} readiness={{ ready: false, reasons }} />,
    );
    expect(screen.getByTestId('readiness-verdict').textContent).toBe('✗ Not ready: 8 reasons');
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
    const toggle = screen.getByRole('button', { name: 'Show all 8 reasons' });
    fireEvent.click(toggle);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(reasons);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer reasons' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
  });
});
