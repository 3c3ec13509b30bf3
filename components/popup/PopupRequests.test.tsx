import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { filingTargets } from '@/utils/requests/list-view';
import type { AuditRequest } from '@/utils/requests/types';
import { PopupApp, type PopupAppProps } from './PopupApp';

const evidence: EvidenceRecord = {
  id: 'EV-20261127-7K3QZ9',
  sequence: 1,
  capturedAt: '2026-11-27T22:15:04.000Z',
  effectiveDate: '2026-11-27',
  url: 'https://hr.example.com/leavers/L-102',
  title: 'Leaver L-102',
  site: 'hr.example.com',
  capturer: 'Alice',
  kind: 'visible',
  controls: [],
  notes: '',
  status: 'needs-review',
  artifacts: [],
};

const sample: AuditRequest = {
  reference: 'R-14',
  text: 'Offboarding records for sampled leavers',
  controls: ['A.5.11', 'A.6.5'],
  audit: 'Stage 2',
  dueDate: '2026-12-01',
  owner: 'Alice',
  status: 'open',
  comment: '',
  population: 'Leavers 2026',
  items: ['L-101', 'L-102', 'L-103'].map((label, index) => ({
    label,
    status: index === 0 ? 'provided' : 'open',
    comment: '',
    evidenceIds: [],
  })),
  evidenceIds: [],
};

function renderPopup(overrides: Partial<PopupAppProps> = {}) {
  const props: PopupAppProps = {
    catalogue: DEFAULT_CATALOGUE,
    capturer: 'Alice',
    needsReview: [],
    dueRequests: filingTargets([sample]),
    onCapture: vi.fn(async () => ({ evidence, suggestedControls: [], thumbnailUrl: '' })),
    onOpenReview: async (item) => ({ evidence: item, suggestedControls: item.controls, thumbnailUrl: '' }),
    onSaveTagging: vi.fn(async () => {}),
    onOpenDashboard: vi.fn(),
    ...overrides,
  };
  return { props, ...render(<PopupApp {...props} />) };
}

describe('requests in the popup', () => {
  it('lists the open items due for the capturer below the capture buttons', () => {
    renderPopup();
    const due = screen.getByTestId('due-requests');
    const buttons = within(due).getAllByRole('button');
    // Item 1 is provided already: only items 2 and 3 are offered.
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Capture for R-14 (item 2 of 3)',
      'Capture for R-14 (item 3 of 3)',
    ]);
    const order = screen.getByTestId('capture-visible').compareDocumentPosition(due);
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('captures for item 2, opens the tagging with the request chosen and its controls ticked, and files it', async () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Capture for R-14 (item 2 of 3)' }));
    const tagging = await screen.findByTestId('tagging');
    const select = within(tagging).getByTestId('file-against') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe(
      'R-14 (item 2 of 3) — Offboarding records for sampled leavers',
    );
    const ticked = [...tagging.querySelectorAll<HTMLInputElement>('input[data-control-id]')]
      .filter((box) => box.checked)
      .map((box) => box.dataset.controlId);
    expect(ticked).toEqual(['A.5.11', 'A.6.5']);
    fireEvent.click(within(tagging).getByTestId('save-tagging'));
    await waitFor(() =>
      expect(props.onSaveTagging).toHaveBeenCalledWith(
        evidence.id,
        expect.objectContaining({
          controls: ['A.5.11', 'A.6.5'],
          filing: expect.objectContaining({ audit: 'Stage 2', reference: 'R-14', item: 1 }),
        }),
      ),
    );
    expect(screen.getByTestId('saved-message').textContent).toContain('Filed against R-14 (item 2 of 3).');
  });

  it('offers the requests in the tagging view of a plain capture; choosing one ticks its controls, none files nothing', async () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByTestId('capture-visible'));
    const tagging = await screen.findByTestId('tagging');
    const select = within(tagging).getByTestId('file-against') as HTMLSelectElement;
    expect(select.value).toBe('');
    const third = [...select.options].find((option) => option.textContent?.startsWith('R-14 (item 3 of 3)'));
    fireEvent.change(select, { target: { value: third?.value } });
    expect((tagging.querySelector('input[data-control-id="A.6.5"]') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(select, { target: { value: '' } });
    fireEvent.click(within(tagging).getByTestId('save-tagging'));
    await waitFor(() => expect(props.onSaveTagging).toHaveBeenCalled());
    const [, choice] = (props.onSaveTagging as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(choice).not.toHaveProperty('filing');
  });

  it('shows no request list and no filing choice when nothing is due', async () => {
    renderPopup({ dueRequests: [] });
    expect(screen.queryByTestId('due-requests')).toBeNull();
    fireEvent.click(screen.getByTestId('capture-visible'));
    const tagging = await screen.findByTestId('tagging');
    expect(within(tagging).queryByTestId('file-against')).toBeNull();
  });
});
