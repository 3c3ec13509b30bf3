import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import type { RiskCriteria } from '@/utils/risk/types';
import { risk } from '@/tests/support/component-data';
import { RiskCriteriaPanel } from './RiskCriteriaPanel';

afterEach(cleanup);

function setup(risks = [risk('R-1', { likelihood: 5, impact: 2 })]) {
  const onSave = vi.fn(async (_: RiskCriteria) => {});
  render(<RiskCriteriaPanel criteria={DEFAULT_RISK_CRITERIA} risks={risks} onSave={onSave} />);
  return onSave;
}

describe('RiskCriteriaPanel', () => {
  it('saves an edited matrix, threshold, Stage 2 level and review interval', async () => {
    const onSave = setup();
    fireEvent.click(screen.getByLabelText('A matrix I edit'));
    const cell = screen.getByLabelText('Score for likelihood Almost certain and impact Minor');
    expect((cell as HTMLInputElement).value).toBe('10');
    fireEvent.input(cell, { target: { value: '12' } });
    fireEvent.input(screen.getByLabelText(/Acceptance threshold/), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText(/Stage 2 wants current evidence/), {
      target: { value: 'critical' },
    });
    fireEvent.input(screen.getByLabelText(/Review the assessment every/), { target: { value: '6' } });
    fireEvent.input(screen.getByLabelText('Likelihood 1'), { target: { value: 'Very rare' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the risk criteria' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0]?.[0] as RiskCriteria;
    expect(saved.combination.method).toBe('matrix');
    expect(saved.combination.method === 'matrix' && saved.combination.matrix[4]?.[1]).toBe(12);
    expect(saved.combination.method === 'matrix' && saved.combination.matrix[0]?.[0]).toBe(1);
    expect(saved).toMatchObject({
      acceptanceThreshold: 6,
      evidenceBandId: 'critical',
      reviewIntervalMonths: 6,
    });
    expect(saved.likelihood[0]).toEqual({ value: 1, name: 'Very rare' });
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('refuses a shorter scale that would leave a risk off it, and an unnamed point', () => {
    const onSave = setup();
    const likelihood = screen.getByRole('group', { name: 'Likelihood scale' });
    fireEvent.change(within(likelihood).getByLabelText('Points'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the risk criteria' }));
    expect(screen.getByTestId('criteria-problems').textContent).toContain('R-1 has a likelihood or impact');
    fireEvent.change(within(likelihood).getByLabelText('Points'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the risk criteria' }));
    expect(screen.getByTestId('criteria-problems').textContent).toContain(
      'Every point of the likelihood scale needs a name.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });
});
