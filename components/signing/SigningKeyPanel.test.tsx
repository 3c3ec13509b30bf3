import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { signingText } from '@/utils/text';
import { SigningKeyPanel, type SigningKeyDisplay } from './SigningKeyPanel';

const current: SigningKeyDisplay = {
  groupedFingerprint: 'BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223 B003 61A3 9617 7A9C B410 FF61 F200 15AD',
  algorithm: 'Ed25519',
  status: 'current',
  createdAt: '2026-12-02T10:00:00.000Z',
  retiredAt: null,
};
const retired: SigningKeyDisplay = {
  ...current,
  groupedFingerprint: '0000 1111',
  status: 'retired',
  retiredAt: '2026-12-02T10:00:00.000Z',
};

describe('SigningKeyPanel', () => {
  it('shows the grouped fingerprint and copies exactly it', async () => {
    const copyText = vi.fn(() => Promise.resolve());
    render(<SigningKeyPanel keys={[current, retired]} copyText={copyText} />);
    expect(screen.getByTestId('signing-fingerprint').textContent).toBe(current.groupedFingerprint);
    expect(screen.getByTestId('signing-algorithm').textContent).toBe('Ed25519');
    expect(screen.getByTestId('retired-keys').textContent).toContain('0000 1111');
    fireEvent.click(screen.getByRole('button', { name: signingText.copy }));
    expect(copyText).toHaveBeenCalledWith(current.groupedFingerprint);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(signingText.copied));
  });

  it("says whether the organisation's policy pins this installation's key", () => {
    const { unmount } = render(
      <SigningKeyPanel keys={[{ ...current, pin: 'not-pinned' }]} copyText={vi.fn()} />,
    );
    expect(screen.getByTestId('signing-pin').textContent).toBe(signingText.pin['not-pinned']);
    unmount();
    render(<SigningKeyPanel keys={[{ ...current, pin: 'no-pins' }]} copyText={vi.fn()} />);
    expect(screen.queryByTestId('signing-pin')).toBeNull();
  });

  it('says so when the clipboard refuses', async () => {
    render(<SigningKeyPanel keys={[current]} copyText={() => Promise.reject(new Error('denied'))} />);
    fireEvent.click(screen.getByRole('button', { name: signingText.copy }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(signingText.copyFailed));
  });

  it('says there is no key yet when none was made', () => {
    render(<SigningKeyPanel keys={[]} copyText={() => Promise.resolve()} />);
    expect(screen.getByText(signingText.noKey)).toBeTruthy();
  });
});
