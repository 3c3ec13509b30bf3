import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { ControlCoverage } from '@/utils/coverage/types';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { GapList } from '@/components/coverage/GapList';
import { PopupApp, type PopupAppProps } from './PopupApp';

const evidence: EvidenceRecord = {
  id: 'EV-20261127-7K3QZ9',
  sequence: 1,
  capturedAt: '2026-11-27T22:15:04.000Z',
  effectiveDate: '2026-11-27',
  url: 'https://backup.example.com/jobs',
  title: '<img src=x onerror=alert(1)> Backup jobs',
  site: 'backup.example.com',
  capturer: 'Alice',
  kind: 'visible',
  controls: ['A.8.13'],
  notes: '',
  status: 'needs-review',
  artifacts: [],
};

function renderPopup(overrides: Partial<PopupAppProps> = {}) {
  const props: PopupAppProps = {
    catalogue: DEFAULT_CATALOGUE,
    capturer: 'Alice',
    needsReview: [],
    onCapture: async () => ({
      evidence,
      suggestedControls: ['A.8.13'],
      thumbnailUrl: 'data:image/png;base64,AA==',
    }),
    onOpenReview: async (item) => ({ evidence: item, suggestedControls: item.controls, thumbnailUrl: '' }),
    onSaveTagging: vi.fn(async () => {}),
    onOpenDashboard: vi.fn(),
    ...overrides,
  };
  render(<PopupApp {...props} />);
  return props;
}

describe('PopupApp', () => {
  it('shows the capture buttons and shortcut hint before anything is read from storage', () => {
    renderPopup({
      capturer: null,
      masking: { enabled: true, pending: true, onChange: vi.fn(async () => {}) },
    });
    expect(screen.getByTestId('capture-visible')).toBeTruthy();
    expect(document.querySelector('.hint kbd')).not.toBeNull();
    // The masking switch holds its place, disabled, until its setting is read.
    expect((screen.getByTestId('masking-enabled') as HTMLInputElement).disabled).toBe(true);
  });

  it('starts a capture from a gap and opens the tagging with that control ticked', async () => {
    const gap: ControlCoverage = {
      controlId: 'A.5.15',
      kind: 'control',
      theme: 'organizational',
      status: 'missing',
      applicable: true,
      missingJustification: false,
      cadenceDays: 90,
      evidenceCount: 0,
      evidenceCountAllTime: 0,
      newestEvidenceDate: null,
      daysUntilStale: null,
      intervals: [],
      months: {},
    };
    const onCapture = vi.fn(async () => ({
      evidence: { ...evidence, controls: [] },
      suggestedControls: ['A.8.13'],
      thumbnailUrl: '',
    }));
    renderPopup({
      onCapture,
      coverage: (captureFor) => (
        <GapList catalogue={DEFAULT_CATALOGUE} gaps={[gap]} onOpen={vi.fn()} onCapture={captureFor} />
      ),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Capture this tab as evidence for A.5.15' }));
    await screen.findByTestId('tagging');
    expect(onCapture).toHaveBeenCalledTimes(1);
    expect(document.querySelector<HTMLInputElement>('input[data-control-id="A.5.15"]')!.checked).toBe(true);
  });

  it('captures, pre-checks the suggested control, adds a searched control and saves the tagging', async () => {
    const props = renderPopup();
    fireEvent.click(screen.getByTestId('capture-visible'));
    await screen.findByTestId('tagging');
    const suggested = document.querySelector<HTMLInputElement>('input[data-control-id="A.8.13"]')!;
    expect(suggested.checked).toBe(true);

    fireEvent.input(screen.getByTestId('control-search'), { target: { value: 'logging' } });
    const result = await screen.findAllByTestId('control-result');
    expect(result[0]!.getAttribute('data-control-id')).toBe('A.8.15');
    fireEvent.click(result[0]!);
    expect(document.querySelector<HTMLInputElement>('input[data-control-id="A.8.15"]')!.checked).toBe(true);

    fireEvent.input(screen.getByTestId('notes'), { target: { value: 'Nightly jobs all green' } });
    fireEvent.click(screen.getByTestId('save-tagging'));
    await screen.findByTestId('saved-message');
    expect(props.onSaveTagging).toHaveBeenCalledWith('EV-20261127-7K3QZ9', {
      controls: ['A.8.13', 'A.8.15'],
      notes: 'Nightly jobs all green',
      effectiveDate: '2026-11-27',
    });
  });

  it('offers a weaker suggestion unticked and gives the reason for each on the control itself', async () => {
    renderPopup({
      onCapture: async () => ({
        evidence,
        suggestedControls: ['A.8.13', 'A.5.19'],
        suggestions: [
          {
            controlId: 'A.8.13',
            score: 17,
            strong: true,
            preTicked: true,
            reasons: [
              { ruleId: 'builtin-keyword-backup', place: 'title', words: ['backup'], count: 1 },
              { ruleId: 'builtin-keyword-backup', place: 'text', words: ['backup job'], count: 12 },
            ],
          },
          {
            controlId: 'A.5.19',
            score: 2,
            strong: false,
            preTicked: false,
            reasons: [{ ruleId: 'builtin-keyword-supplier', place: 'text', words: ['vendor'], count: 1 }],
          },
        ],
        thumbnailUrl: '',
      }),
    });
    fireEvent.click(screen.getByTestId('capture-visible'));
    await screen.findByTestId('tagging');
    const backup = document.querySelector<HTMLInputElement>('input[data-control-id="A.8.13"]')!;
    const vendor = document.querySelector<HTMLInputElement>('input[data-control-id="A.5.19"]')!;
    expect(backup.checked).toBe(true);
    expect(vendor.checked).toBe(false);
    // The reason is the checkbox's description, so a screen reader reads it on focus as the tooltip shows it.
    const reasonOf = (input: HTMLInputElement) =>
      document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(reasonOf(backup)).toBe(
      'Ticked because the title says “backup”; the text says “backup job” (12 times).',
    );
    expect(reasonOf(vendor)).toBe('Not ticked, a weaker match: the text says “vendor”.');
    expect(vendor.closest('label')!.querySelector('.tag')!.textContent).toBe('possible');
  });

  it('shows a capture failure as a sentence in an alert', async () => {
    renderPopup({
      onCapture: async () => {
        throw new Error('Capture failed: browser pages (chrome://) cannot be captured by extensions.');
      },
    });
    fireEvent.click(screen.getByTestId('capture-visible'));
    const alert = await screen.findByTestId('capture-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('chrome://');
    expect(screen.queryByTestId('tagging')).toBeNull();
  });

  it('keeps the tagging open and explains when saving fails', async () => {
    renderPopup({
      onSaveTagging: async () => {
        throw new Error('Not saved: the disk is full. Free some space and try again.');
      },
    });
    fireEvent.click(screen.getByTestId('capture-visible'));
    await screen.findByTestId('tagging');
    fireEvent.click(screen.getByTestId('save-tagging'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('disk is full'));
    expect(screen.getByTestId('tagging')).toBeTruthy();
  });

  it('lists captures that need review and shows page titles as text', async () => {
    renderPopup({ needsReview: [evidence] });
    const list = screen.getByTestId('needs-review');
    expect(list.textContent).toContain('<img src=x onerror=alert(1)> Backup jobs');
    expect(list.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByText(/Backup jobs/));
    await screen.findByTestId('tagging');
  });

  it('opens the element picker from its own button, and shows why when it cannot', async () => {
    const onPickElement = vi.fn(async () => {});
    renderPopup({ onPickElement });
    fireEvent.click(screen.getByRole('button', { name: 'Capture element or region' }));
    await waitFor(() => expect(onPickElement).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('capture-error')).toBeNull();

    document.body.replaceChildren();
    renderPopup({
      onPickElement: async () => {
        throw new Error('Capture failed: browser pages (chrome://) cannot be captured by extensions.');
      },
    });
    fireEvent.click(screen.getByTestId('capture-element'));
    expect((await screen.findByTestId('capture-error')).textContent).toBe(
      'Capture failed: browser pages (chrome://) cannot be captured by extensions.',
    );
  });

  it('shows no element button without a handler for it', () => {
    renderPopup();
    expect(screen.queryByTestId('capture-element')).toBeNull();
  });
});
