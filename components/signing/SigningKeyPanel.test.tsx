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
  createdAt: '2026-11-01T09:00:00.000Z',
  retiredAt: '2026-12-02T10:00:00.000Z',
  signed: { count: 3, first: '2026-11-03T08:00:00.000Z', last: '2026-11-28T16:30:00.000Z' },
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

  it('lists each retired key with its fingerprint, when it was in use and the dates of the bundles it signed', () => {
    const once = {
      ...retired,
      groupedFingerprint: '2222 3333',
      signed: { count: 1, first: '2026-10-05T12:00:00.000Z', last: '2026-10-05T12:00:00.000Z' },
    };
    const never = { ...retired, groupedFingerprint: '4444 5555', signed: null };
    render(
      <SigningKeyPanel keys={[{ ...current, signed: null }, retired, once, never]} copyText={vi.fn()} />,
    );
    const items = screen.getAllByTestId('retired-key').map((item) => item.textContent);
    expect(items).toEqual([
      '0000 1111 Ed25519 · In use 2026-11-01 to 2026-12-02 · signed 3 bundles, from 2026-11-03 to 2026-11-28',
      '2222 3333 Ed25519 · In use 2026-11-01 to 2026-12-02 · signed 1 bundle, on 2026-10-05',
      '4444 5555 Ed25519 · In use 2026-11-01 to 2026-12-02 · signed no bundles',
    ]);
    expect(screen.getByTestId('signing-current-signed').textContent).toBe('signed no bundles');
  });

  it('rotates only after the confirmation, passing the reason, and shows the new fingerprint', async () => {
    const onRotate = vi.fn((_reason: string) => Promise.resolve('AAAA BBBB'));
    render(<SigningKeyPanel keys={[current]} copyText={vi.fn()} onRotate={onRotate} />);
    fireEvent.click(screen.getByRole('button', { name: signingText.rotate }));
    const dialog = screen.getByRole('alertdialog', { name: signingText.rotateTitle });
    expect(dialog.textContent).toContain(signingText.rotateExplained);
    expect(onRotate).not.toHaveBeenCalled();

    // Cancel closes it with nothing done.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onRotate).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: signingText.rotate }));
    fireEvent.input(screen.getByTestId('signing-rotate-reason'), { target: { value: '  Laptop replaced ' } });
    fireEvent.click(screen.getByRole('button', { name: signingText.rotateConfirm }));
    expect(onRotate).toHaveBeenCalledOnce();
    expect(onRotate).toHaveBeenCalledWith('Laptop replaced');
    await waitFor(() =>
      expect(screen.getByTestId('signing-rotate-outcome').textContent).toBe(signingText.rotated('AAAA BBBB')),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says why when the rotation fails, and keeps the dialog open to try again', async () => {
    const onRotate = () => Promise.reject(new Error('The database is closed.'));
    render(<SigningKeyPanel keys={[current]} copyText={vi.fn()} onRotate={onRotate} />);
    fireEvent.click(screen.getByRole('button', { name: signingText.rotate }));
    fireEvent.click(screen.getByRole('button', { name: signingText.rotateConfirm }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(signingText.rotateFailed('The database is closed.')),
    );
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('offers no rotation without a key or without the service', () => {
    const { unmount } = render(<SigningKeyPanel keys={[current]} copyText={vi.fn()} />);
    expect(screen.queryByRole('button', { name: signingText.rotate })).toBeNull();
    unmount();
    render(<SigningKeyPanel keys={[]} copyText={vi.fn()} onRotate={vi.fn()} />);
    expect(screen.queryByRole('button', { name: signingText.rotate })).toBeNull();
  });

  it('says there is no key yet when none was made', () => {
    render(<SigningKeyPanel keys={[]} copyText={() => Promise.resolve()} />);
    expect(screen.getByText(signingText.noKey)).toBeTruthy();
  });
});
