import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { PopupApp, type PopupAppProps } from './PopupApp';

const artifact = (name: string, role: 'original' | 'text') => ({
  role,
  name,
  mimeType: role === 'original' ? 'image/png' : 'text/plain',
  size: 1,
  sha256: '0'.repeat(64),
  blobKey: `EV-1/${name}`,
});
const evidence: EvidenceRecord = {
  id: 'EV-1',
  sequence: 1,
  capturedAt: '2026-11-27T22:15:04.000Z',
  effectiveDate: '2026-11-27',
  url: 'https://admin.example.com/users',
  title: 'Users',
  site: 'admin.example.com',
  capturer: 'Alice',
  kind: 'visible',
  controls: [],
  notes: '',
  status: 'needs-review',
  artifacts: [artifact('original.png', 'original'), artifact('text.txt', 'text')],
};

function renderPopup(overrides: Partial<PopupAppProps> = {}) {
  const props: PopupAppProps = {
    catalogue: DEFAULT_CATALOGUE,
    capturer: 'Alice',
    needsReview: [],
    onCapture: async () => ({ evidence, suggestedControls: [], thumbnailUrl: 'data:image/png;base64,AA==' }),
    onOpenReview: async (item) => ({ evidence: item, suggestedControls: [], thumbnailUrl: '' }),
    onSaveTagging: vi.fn(async () => {}),
    onOpenDashboard: vi.fn(),
    ...overrides,
  };
  render(<PopupApp {...props} />);
  return props;
}

describe('black-out in the popup’s tagging view', () => {
  it('sends the areas for the capture and shows the new thumbnail', async () => {
    const onBlackout = vi.fn(async () => ({ evidence, thumbnailUrl: 'data:image/png;base64,BLACK' }));
    renderPopup({ onBlackout });
    fireEvent.click(screen.getByTestId('capture-visible'));
    const toggle = await screen.findByTestId('blackout-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    for (const [key, value] of [
      ['x', '10'],
      ['y', '10'],
      ['width', '20'],
      ['height', '5'],
    ])
      fireEvent.input(screen.getByTestId(`blackout-${key}`), { target: { value } });
    fireEvent.click(screen.getByTestId('blackout-add'));
    fireEvent.click(screen.getByTestId('blackout-apply'));
    fireEvent.click(screen.getByTestId('blackout-confirm'));
    await waitFor(() => expect(onBlackout).toHaveBeenCalledTimes(1));
    expect(onBlackout.mock.calls[0]).toEqual([
      'EV-1',
      [{ x: 0.1, y: 0.1, width: expect.closeTo(0.2, 10), height: expect.closeTo(0.05, 10) }],
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('capture-thumbnail').getAttribute('src')).toBe('data:image/png;base64,BLACK'),
    );
    // The tagging form itself was not submitted by the black-out's buttons.
    expect(screen.getByTestId('tagging')).toBeTruthy();
  });

  it('offers no black-out for evidence without a screenshot', async () => {
    renderPopup({
      onBlackout: vi.fn(),
      onCapture: async () => ({
        evidence: { ...evidence, artifacts: [artifact('text.txt', 'text')] },
        suggestedControls: [],
        thumbnailUrl: 'data:image/png;base64,AA==',
      }),
    });
    fireEvent.click(screen.getByTestId('capture-visible'));
    await screen.findByTestId('tagging');
    expect(screen.queryByTestId('blackout-toggle')).toBeNull();
  });

  it('disables the masking switch the organisation locks', () => {
    renderPopup({ masking: { enabled: true, locked: true, onChange: vi.fn() } });
    const box = screen.getByTestId('masking-enabled') as HTMLInputElement;
    expect([box.checked, box.disabled]).toEqual([true, true]);
    expect(box.closest('label')!.textContent).toContain('set by your organisation');
  });
});
