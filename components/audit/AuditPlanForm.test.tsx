import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditPlanForm } from './AuditPlanForm';
import { checkPlan, type AuditPlanInput } from '@/utils/coverage/plan-checks';
import { plan } from '@/tests/support/component-data';

afterEach(cleanup);

function setup(onSave = vi.fn(async (_plan: AuditPlanInput) => [] as string[]), initial = plan()) {
  render(<AuditPlanForm plan={initial} defaultOrganisation="From settings" onSave={onSave} />);
  return onSave;
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save audit plan' }));

describe('AuditPlanForm', () => {
  it('warns while typing when Stage 2 is more than six weeks after Stage 1', () => {
    setup();
    expect(screen.queryByTestId('plan-warnings')).toBeNull();
    type('Stage 2 date', '2025-08-20');
    expect(screen.getByTestId('plan-warnings').textContent).toContain(
      'Stage 2 (2025-08-20) is 50 days after Stage 1 (2025-07-01); more than six weeks apart',
    );
  });

  it('warns when the operating period is under three months', () => {
    setup();
    type('Audit window start', '2025-05-01');
    expect(screen.getByTestId('plan-warnings').textContent).toContain(
      'The operating period 2025-05-01 to 2025-06-30 is shorter than three months',
    );
  });

  it('saves a plan with warnings and says so', async () => {
    const onSave = setup(vi.fn(async () => ['a warning from the background']));
    type('Stage 2 date', '2025-08-20');
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ stage1Date: '2025-07-01', stage2Date: '2025-08-20' });
    expect((await screen.findByRole('status')).textContent).toBe('Audit plan saved, with 1 warning.');
  });

  it('refuses Stage 2 before Stage 1, with the reason, and saves nothing', async () => {
    const onSave = setup();
    type('Stage 2 date', '2025-06-15');
    expect(field('Stage 2 date').getAttribute('aria-invalid')).toBe('true');
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved:');
    expect(alert.textContent).toContain('Stage 2 (2025-06-15) is before Stage 1 (2025-07-01).');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a window that ends before it starts', async () => {
    const onSave = setup();
    type('Audit window end', '2024-12-01');
    save();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The audit window ends (2024-12-01) before it starts (2025-01-01).',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the background's refusal sentence", async () => {
    setup(vi.fn(async () => Promise.reject(new Error('Stage 2 (x) is before Stage 1 (y).'))));
    save();
    expect((await screen.findByRole('alert')).textContent).toContain('Stage 2 (x) is before Stage 1 (y).');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('derives surveillance and recertification dates from the certification date, and keeps hand edits', async () => {
    const onSave = setup();
    type('Certification date', '2025-09-15');
    expect(field('First surveillance audit').value).toBe('2026-09-15');
    expect(field('Second surveillance audit').value).toBe('2027-09-15');
    expect(field('Recertification audit').value).toBe('2028-06-15');
    expect(screen.getByText(/Certificate valid until 2028-09-14/)).toBeTruthy();
    type('First surveillance audit', '2026-08-01');
    type('Certification date', '2025-10-01');
    expect(field('First surveillance audit').value).toBe('2026-08-01');
    expect(field('Second surveillance audit').value).toBe('2027-10-01');
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      certificationDate: '2025-10-01',
      surveillance1Date: '2026-08-01',
      surveillance2Date: '2027-10-01',
      recertificationDate: '2028-07-01',
    });
  });

  it('proposes the organisation from the settings for a new plan and sends empty dates as null', async () => {
    const onSave = vi.fn(async (_plan: AuditPlanInput) => [] as string[]);
    render(<AuditPlanForm plan={null} defaultOrganisation="From settings" onSave={onSave} />);
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('From settings');
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      certificationBody: '',
      organisation: 'From settings',
      scope: '',
      stage1Date: null,
      stage2Date: null,
      windowStart: null,
      windowEnd: null,
      certificationDate: null,
      surveillance1Date: null,
      surveillance2Date: null,
      recertificationDate: null,
    });
  });
});

describe('checkPlan', () => {
  it('refuses malformed cycle dates and warns about a cycle date not after certification', () => {
    const { errors, warnings } = checkPlan({
      ...plan(),
      certificationDate: '2025-09-15',
      surveillance1Date: '2025-02-30',
      surveillance2Date: '2025-09-01',
    });
    expect(errors).toEqual(['The first surveillance audit "2025-02-30" is not a valid date (YYYY-MM-DD).']);
    expect(warnings).toEqual([
      'The second surveillance audit (2025-09-01) is not after the certification date.',
    ]);
  });
});
