import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { parseCsv } from '@/utils/csv/csv';
import type { ControlState, Settings } from '@/utils/isms/types';
import { controlState, data } from '@/tests/support/component-data';
import type { DashboardData, DashboardServices } from './dashboard-services';
import { DashboardApp } from './DashboardApp';

let stored: DashboardData;

function services(): DashboardServices {
  return {
    load: vi.fn(async () => structuredClone(stored)),
    saveControlState: vi.fn(async (state: Omit<ControlState, 'updatedAt'>) => {
      stored.coverage.controlStates = [
        ...stored.coverage.controlStates.filter((row) => row.controlId !== state.controlId),
        { ...state, updatedAt: '2025-06-20T10:00:00.000Z' },
      ];
    }),
    saveAuditPlan: vi.fn(async () => []),
    saveFinding: vi.fn(async () => {}),
    deleteFinding: vi.fn(async () => {}),
    saveInternalAudit: vi.fn(async () => {}),
    saveManagementReview: vi.fn(async () => {}),
    // Stored, so that the reload after saving brings new data, as the real database does.
    saveSettings: vi.fn(async (settings: Omit<Settings, 'id'>) => {
      stored.settings = { ...settings, id: 'settings' };
    }),
    saveRisk: vi.fn(async () => {}),
    deleteRisk: vi.fn(async () => {}),
    saveRiskCriteria: vi.fn(async () => {}),
    importRisks: vi.fn(async () => 0),
    download: vi.fn(),
    today: () => '2025-06-20',
    exportUrl: '/export.html',
  };
}

beforeEach(() => {
  stored = { coverage: data(), settings: { id: 'settings', capturer: 'Alice', organisation: 'Example Ltd' } };
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

function show(hash: string, wiring = services()) {
  location.hash = hash;
  render(<DashboardApp catalogue={DEFAULT_CATALOGUE} services={wiring} />);
  return wiring;
}

describe('DashboardApp', () => {
  it('opens #control/ID in the SoA, saves through the background and shows the new state', async () => {
    const wiring = show('#control/A.8.13');
    const form = await screen.findByRole('form', { name: 'Statement of Applicability for A.8.13' });
    expect(screen.getByRole('link', { name: 'Controls & SoA' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByLabelText('Excluded'));
    fireEvent.input(screen.getByLabelText(/Justification/), { target: { value: 'Stateless service' } });
    fireEvent.submit(form);
    await waitFor(() => expect(wiring.saveControlState).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(wiring.load).toHaveBeenCalledTimes(2));
    const row = screen.getByText('Information backup').closest('tr') as HTMLElement;
    await waitFor(() => expect(row.textContent).toContain('Excluded'));
    expect(row.textContent).toContain('– not applicable');
  });

  it('says when the route names no control of the catalogue', async () => {
    show('#control/A.99.1');
    expect((await screen.findByRole('alert')).textContent).toBe('A.99.1 is not a control of the catalogue.');
  });

  it('follows hash changes between sections', async () => {
    show('#overview');
    expect(await screen.findByTestId('readiness-panel')).toBeTruthy();
    location.hash = '#plan';
    expect(await screen.findByRole('heading', { name: 'Audit plan' })).toBeTruthy();
    location.hash = '#export';
    expect(await screen.findByRole('link', { name: 'Open the export page' })).toHaveProperty(
      'href',
      expect.stringMatching(/\/export\.html$/),
    );
    expect(document.getElementById('import-slot')).not.toBeNull();
    location.hash = '#evidence';
    expect(await screen.findByTestId('evidence-slot')).toBeTruthy();
  });

  it('downloads the SoA as CSV named after the organisation', async () => {
    stored.coverage.controlStates = [
      controlState('A.7.4', { applicable: false, justification: 'No premises' }),
    ];
    const wiring = show('#controls');
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect(wiring.download).toHaveBeenCalledTimes(1);
    const [fileName, text] = vi.mocked(wiring.download).mock.calls[0]!;
    expect(fileName).toBe('soa_Example-Ltd_2025-06-20.csv');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(DEFAULT_CATALOGUE.items.length + 1);
    expect(rows.find((row) => row[0] === 'A.7.4')?.slice(3, 5)).toEqual(['No', 'No premises']);
  });

  it('saves the settings through the background', async () => {
    const wiring = show('#settings');
    fireEvent.input(await screen.findByTestId('settings-capturer'), { target: { value: '  Bob ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(wiring.saveSettings).toHaveBeenCalledWith({ capturer: 'Bob', organisation: 'Example Ltd' }),
    );
    await waitFor(() => expect(wiring.load).toHaveBeenCalledTimes(2));
    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
    expect((screen.getByTestId('settings-capturer') as HTMLInputElement).value).toBe('Bob');
  });

  it('shows a database failure as a sentence', async () => {
    const wiring = services();
    wiring.load = vi.fn(async () => Promise.reject(new Error('QuotaExceededError')));
    show('#overview', wiring);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The dashboard could not read the database: QuotaExceededError',
    );
  });
});
