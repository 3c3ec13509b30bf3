import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { ExportFilter } from '@/utils/bundle/filter';
import type { WriteBundleResult } from '@/utils/bundle/writer';
import { ExportPanel, type ExportChoices, type ExportHooks, type ExportPanelProps } from './ExportPanel';

const result: WriteBundleResult = {
  name: 'isms-evidence_acme_2025-04-02',
  evidenceCount: 3,
  evidenceIds: ['EV-20250301-AAAAAA', 'EV-20250302-BBBBBB', 'EV-20250303-CCCCCC'],
  artifactCount: 21,
  payloadFiles: 30,
  payloadBytes: 96_000,
  zipBytes: 101_000,
  manifestSha256: 'a'.repeat(64),
  lastCustodyHash: null,
  custodyWithheld: 0,
  signedBy: null,
  encrypted: false,
  timestamps: null,
};

function renderPanel(overrides: Partial<ExportPanelProps> = {}) {
  const props: ExportPanelProps = {
    catalogue: DEFAULT_CATALOGUE,
    organisation: 'Acme GmbH',
    defaultWindow: { start: '2025-01-01', end: '2025-03-31' },
    saveTarget: 'file-picker',
    estimate: vi.fn(async () => ({ evidence: 3, files: 40, bytes: 2 * 1024 * 1024 })),
    onExport: vi.fn(async () => result),
    ...overrides,
  };
  render(<ExportPanel {...props} />);
  return props;
}

describe('ExportPanel', () => {
  it('defaults to the audit plan window, estimates, and exports with the chosen filter', async () => {
    const props = renderPanel();
    expect(await screen.findByText('3 evidence records · about 40 files · about 2.0 MB')).toBeTruthy();
    expect((screen.getByTestId('window-start') as HTMLInputElement).value).toBe('2025-01-01');
    fireEvent.click(screen.getByTestId('theme-people'));
    fireEvent.click(screen.getByTestId('include-dom'));
    await waitFor(() => expect(props.estimate).toHaveBeenCalledTimes(3));
    fireEvent.click(screen.getByTestId('export-start'));
    expect(props.onExport).toHaveBeenCalledTimes(1);
    const [filter, password, , choices] = vi.mocked(props.onExport).mock.calls[0]! as [
      ExportFilter,
      string | null,
      ExportHooks,
      ExportChoices,
    ];
    // A set organisation is not asked for again; the report includes the self-assessment by default.
    expect(screen.queryByTestId('export-organisation')).toBeNull();
    expect(choices).toEqual({ organisation: 'Acme GmbH', includeReadiness: true });
    expect(filter.windowStart).toBe('2025-01-01');
    expect(filter.includeDomSnapshots).toBe(true);
    expect(filter.controls).toContain('A.6.3');
    expect(filter.controls).not.toContain('A.5.1');
    expect(password).toBeNull();
    expect((await screen.findByTestId('export-done')).textContent).toContain(
      'isms-evidence_acme_2025-04-02.zip',
    );
  });

  it('says when the tag manifest could not be stamped, and how many captures still wait for their token', async () => {
    renderPanel({
      onExport: vi.fn(async () => ({
        ...result,
        timestamps: {
          stamped: 2,
          pending: 1,
          unstamped: 0,
          tagManifest: {
            state: 'unstamped' as const,
            problem: 'the authority could not be reached (ECONNREFUSED)',
          },
        },
      })),
    });
    await screen.findByText(/3 evidence records/);
    fireEvent.click(screen.getByTestId('export-start'));
    expect((await screen.findByTestId('export-timestamps')).textContent).toBe(
      'Trusted time stamps: 2 captures with a token, 1 still waiting for the authority (listed as such in the bundle). The tag manifest is unstamped: the authority could not be reached (ECONNREFUSED). The bundle is complete; export again later for a stamped one.',
    );
  });

  it('calls onExport synchronously from the click, so a save dialog keeps the user activation', async () => {
    const props = renderPanel();
    await screen.findByText(/3 evidence records/);
    fireEvent.click(screen.getByTestId('export-start'));
    expect(props.onExport).toHaveBeenCalled();
  });

  it('shows progress and cancels through the abort signal', async () => {
    let hooks: ExportHooks | undefined;
    renderPanel({
      onExport: (_filter, _password, given) =>
        new Promise((_resolve, reject) => {
          hooks = given;
          given.onProgress({ files: 5, bytes: 1024 * 1024 });
          given.signal.addEventListener('abort', () => reject(given.signal.reason));
        }),
    });
    await screen.findByText(/3 evidence records/);
    fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() =>
      expect(screen.getByTestId('bundle-progress').textContent).toContain(
        '5 of about 40 files · 1.0 MB of about 2.0 MB',
      ),
    );
    fireEvent.click(screen.getByTestId('export-cancel'));
    expect(hooks?.signal.aborted).toBe(true);
    expect((await screen.findByTestId('export-cancelled')).textContent).toContain('discarded');
  });

  it('warns about encrypted zips and needs the passphrase twice', async () => {
    const props = renderPanel();
    fireEvent.click(screen.getByTestId('encrypt'));
    expect(screen.getByTestId('encrypt-warning').textContent).toContain(
      'not in the extractors built into Windows or macOS',
    );
    const start = screen.getByTestId('export-start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('passphrase'), { target: { value: 'long enough phrase' } });
    fireEvent.input(screen.getByTestId('passphrase-repeat'), { target: { value: 'long enough phrase' } });
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    expect(vi.mocked(props.onExport).mock.calls[0]![1]).toBe('long enough phrase');
  });

  it('asks for the organisation when none is set, and exports only once it is typed', async () => {
    const props = renderPanel({ organisation: '' });
    await screen.findByText(/3 evidence records/);
    const start = screen.getByTestId('export-start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(screen.getByTestId('export-panel').textContent).toContain('No organisation name is set yet');
    fireEvent.input(screen.getByLabelText(/Organisation name/), { target: { value: '  Example Ltd ' } });
    expect(start.disabled).toBe(false);
    expect(screen.getByTestId('export-panel').textContent).toContain('Bundle for Example Ltd');
    fireEvent.click(start);
    expect(vi.mocked(props.onExport).mock.calls[0]![3]).toEqual({
      organisation: 'Example Ltd',
      includeReadiness: true,
    });
  });

  it('lets the compliance lead leave the readiness self-assessment out of the report', async () => {
    const props = renderPanel();
    await screen.findByText(/3 evidence records/);
    const readiness = screen.getByLabelText(/readiness self-assessment/) as HTMLInputElement;
    expect(readiness.checked).toBe(true);
    fireEvent.click(readiness);
    fireEvent.click(screen.getByTestId('export-start'));
    expect(vi.mocked(props.onExport).mock.calls[0]![3]).toMatchObject({ includeReadiness: false });
  });

  it('shows a failure as a sentence', async () => {
    renderPanel({
      onExport: async () =>
        Promise.reject(new Error('Evidence EV-1: original.png does not match its recorded SHA-256')),
    });
    fireEvent.click(screen.getByTestId('export-start'));
    expect((await screen.findByTestId('export-error')).textContent).toBe(
      'Export failed: Evidence EV-1: original.png does not match its recorded SHA-256',
    );
  });
});
