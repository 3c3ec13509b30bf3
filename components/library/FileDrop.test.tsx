import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { FileDrop } from './FileDrop';
import type { FileTagging } from './types';

afterEach(cleanup);

function setup(onAdd = vi.fn(async (file: File, _tagging: FileTagging) => `EV-${file.name.length}`)) {
  render(<FileDrop catalogue={DEFAULT_CATALOGUE} today="2026-11-27" maxBytes={1000} onAdd={onAdd} />);
  return { onAdd };
}

const drop = (...files: File[]) =>
  fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files } });

describe('FileDrop', () => {
  it('stages dropped files, refuses one over the limit with a clear message, and adds the rest with the tagging', async () => {
    const { onAdd } = setup();
    drop(
      new File(['a,b\n1,2\n'], 'export.csv', { type: 'text/csv' }),
      new File([new Uint8Array(2000)], 'huge.pdf'),
    );
    expect(screen.getByText(/“huge.pdf” \(2 KB\) is over the 1000 B limit for evidence files/)).toBeTruthy();
    expect(screen.getByText('export.csv')).toBeTruthy();

    fireEvent.input(screen.getByTestId('control-search'), { target: { value: 'A.8.13' } });
    fireEvent.click(await screen.findByText('A.8.13'));
    fireEvent.input(screen.getByTestId('file-notes'), { target: { value: 'Backup report ' } });
    fireEvent.click(screen.getByTestId('add-files'));
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    const [file, tagging] = onAdd.mock.calls[0]!;
    expect(file.name).toBe('export.csv');
    expect(tagging).toEqual({ controls: ['A.8.13'], notes: 'Backup report', effectiveDate: '2026-11-27' });
    expect(await screen.findByText('Added “export.csv” as EV-10.')).toBeTruthy();
    expect(screen.queryByTestId('file-tagging')).toBeNull();
  });

  it('carries document control for Stage 1 documents', async () => {
    const { onAdd } = setup();
    drop(new File(['%PDF'], 'ISMS scope.pdf', { type: 'application/pdf' }));
    fireEvent.click(screen.getByTestId('document-enabled'));
    fireEvent.input(screen.getByTestId('document-version'), { target: { value: '2.0' } });
    fireEvent.input(screen.getByTestId('document-approver'), { target: { value: 'Management' } });
    fireEvent.input(screen.getByTestId('document-approval-date'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByTestId('add-files'));
    await waitFor(() => expect(onAdd).toHaveBeenCalled());
    expect(onAdd.mock.calls[0]![1].document).toEqual({
      version: '2.0',
      approver: 'Management',
      approvalDate: '2026-10-01',
    });
  });

  it('keeps a file that failed, with the reason, for another try', async () => {
    setup(vi.fn(async () => Promise.reject(new Error('Not saved: the disk is full.'))));
    drop(new File(['x'], 'a.txt'));
    fireEvent.click(screen.getByTestId('add-files'));
    expect(await screen.findByText('“a.txt” was not added: Not saved: the disk is full.')).toBeTruthy();
    expect(screen.getByTestId('file-tagging')).toBeTruthy();
  });

  it('names a pasted screenshot and stages it', () => {
    setup();
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as Event & {
      clipboardData: unknown;
    };
    Object.defineProperty(paste, 'clipboardData', { value: { files: [image] } });
    window.dispatchEvent(paste);
    return waitFor(() =>
      expect(screen.getByText(/^pasted-screenshot-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.png$/)).toBeTruthy(),
    );
  });
});
