import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { LibraryRow } from '@/utils/evidence/library-types';
import type { Artifact } from '@/utils/evidence/types';
import { EvidenceDetail, type EvidenceDetailProps } from './EvidenceDetail';
import { entry, row } from '@/tests/support/library-rows';
import type { ArtifactContent } from './types';

afterEach(cleanup);

function setup(record: LibraryRow = row('EV-1'), overrides: Partial<EvidenceDetailProps> = {}) {
  const loadArtifact = vi.fn(async (artifact: Artifact): Promise<ArtifactContent> => {
    if (artifact.role === 'text') return { kind: 'text', text: 'visible page text', truncated: false };
    if (artifact.role === 'table')
      return {
        kind: 'table',
        rows: [
          ['User', 'Role'],
          ['alice', '<b>admin</b>'],
        ],
        truncated: true,
      };
    return { kind: 'image', url: `blob:${artifact.name}` };
  });
  const props: EvidenceDetailProps = {
    catalogue: DEFAULT_CATALOGUE,
    detail: {
      record,
      history: [
        entry(1, 'capture', { controls: ['A.5.18'] }),
        entry(2, 'retag', {
          from: ['A.5.18'],
          to: ['A.5.18', 'A.8.2'],
          statusFrom: 'needs-review',
          statusTo: 'ready',
        }),
      ],
    },
    loadArtifact,
    onDownload: vi.fn(),
    onEdit: vi.fn(async () => {}),
    onSupersede: vi.fn(async () => {}),
    onDelete: vi.fn(async () => {}),
    onOpen: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<EvidenceDetail {...props} />);
  return { ...props, loadArtifact };
}

describe('EvidenceDetail', () => {
  it('shows the stamped image first, switches to the original and zooms', async () => {
    setup();
    const image = await screen.findByAltText('Stamped image of Users EV-1');
    expect(image.getAttribute('src')).toBe('blob:stamped.png');
    fireEvent.click(screen.getByRole('radio', { name: 'Original' }));
    expect((await screen.findByAltText('Original image of Users EV-1')).getAttribute('src')).toBe(
      'blob:original.png',
    );
    expect(screen.getByTestId('zoom-level').textContent).toBe('fit to width');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByTestId('zoom-level').textContent).toBe('150 %');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(screen.getByTestId('zoom-level').textContent).toBe('75 %');
  });

  it('previews text and tables when opened, cells as text', async () => {
    const { loadArtifact } = setup();
    expect(loadArtifact.mock.calls.map(([artifact]) => artifact.role)).not.toContain('text');
    const [textSummary, tableSummary] = [
      screen.getByText(/Page text/),
      screen.getByText(/Table · table-1.csv/),
    ];
    const textDetails = textSummary.closest('details')!;
    textDetails.open = true;
    fireEvent(textDetails, new Event('toggle'));
    expect((await screen.findByTestId('text-preview')).textContent).toBe('visible page text');
    const tableDetails = tableSummary.closest('details')!;
    tableDetails.open = true;
    fireEvent(tableDetails, new Event('toggle'));
    const table = await screen.findByTestId('table-preview');
    expect(table.querySelector('th')!.textContent).toBe('User');
    expect(table.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>admin</b>')).toBeTruthy();
  });

  it('lists every artifact with its SHA-256 and the custody history', () => {
    setup();
    expect(screen.getAllByTestId('artifact-sha256').map((cell) => cell.textContent)).toEqual(
      ['a', 'b', 'c', 'd'].map((c) => c.repeat(64)),
    );
    const history = screen.getByTestId('custody-history');
    expect(history.textContent).toContain('Controls or status changed');
    expect(history.textContent).toContain('controls A.5.18 → A.5.18, A.8.2; status needs-review → ready');
  });

  it('links only http(s) URLs', () => {
    setup(row('EV-1', { url: 'javascript:alert(1)' }));
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
    cleanup();
    setup(row('EV-2'));
    expect(screen.getByText('https://admin.example.com/users').closest('a')!.getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
  });

  it('sends only what changed, including document control', async () => {
    const { onEdit } = setup();
    fireEvent.input(screen.getByTestId('edit-notes'), { target: { value: ' Quarterly review ' } });
    fireEvent.change(screen.getByTestId('edit-status'), { target: { value: 'needs-review' } });
    fireEvent.click(screen.getByTestId('document-enabled'));
    fireEvent.input(screen.getByTestId('document-version'), { target: { value: '1.2' } });
    fireEvent.input(screen.getByTestId('document-approver'), { target: { value: 'CISO' } });
    fireEvent.input(screen.getByTestId('document-approval-date'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove A.5.18' }));
    fireEvent.click(screen.getByTestId('save-edit'));
    await waitFor(() =>
      expect(onEdit).toHaveBeenCalledWith({
        controls: [],
        notes: 'Quarterly review',
        status: 'needs-review',
        document: { version: '1.2', approver: 'CISO', approvalDate: '2026-11-01' },
      }),
    );
    expect(await screen.findByText('Saved; the change is in the custody log.')).toBeTruthy();
  });

  it('refuses an incomplete document control without sending', async () => {
    const { onEdit } = setup();
    fireEvent.click(screen.getByTestId('document-enabled'));
    fireEvent.click(screen.getByTestId('save-edit'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/document version/);
    expect(onEdit).not.toHaveBeenCalled();
  });

  it('deletes only with a reason and a second confirming click', async () => {
    const { onDelete } = setup();
    fireEvent.input(screen.getByTestId('delete-reason'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('delete-evidence'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/reason/);
    fireEvent.input(screen.getByTestId('delete-reason'), { target: { value: 'Shows an API key' } });
    fireEvent.click(screen.getByTestId('delete-evidence'));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByTestId('delete-evidence').textContent).toBe('Delete EV-1 permanently');
    fireEvent.click(screen.getByTestId('delete-evidence'));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith('Shows an API key', false));
  });

  it('supersedes by a newer evidence id', async () => {
    const { onSupersede } = setup();
    fireEvent.input(screen.getByTestId('superseded-by'), { target: { value: ' ev-20261201-abcdef ' } });
    fireEvent.submit(screen.getByTestId('supersede-form'));
    await waitFor(() => expect(onSupersede).toHaveBeenCalledWith('EV-20261201-ABCDEF', ''));
  });

  it('lists the risks the record supports, each linking to it in the register', () => {
    const record = row('EV-1');
    setup(record, {
      detail: {
        record,
        history: [],
        risks: [
          { id: 'R-1', title: 'Backups cannot be restored' },
          { id: 'R 7', title: 'Admins phished' },
        ],
      },
    });
    const list = screen.getByRole('list', { name: 'Risks this evidence supports' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['R-1 Backups cannot be restored', '#risk/R-1'],
      ['R 7 Admins phished', '#risk/R%207'],
    ]);
  });

  it('says so when no risk relies on the record, and shows nothing without a register', () => {
    const record = row('EV-1');
    setup(record, { detail: { record, history: [], risks: [] } });
    expect(screen.getByText(/No risk in the register is treated/)).toBeTruthy();
    cleanup();
    setup(record, { detail: { record, history: [] } });
    expect(screen.queryByText('Risks this evidence supports')).toBeNull();
  });

  it('shows a tombstone with its hashes and reason, and no way to edit', () => {
    setup(
      row('EV-1', {
        status: 'deleted',
        deletion: { at: '2026-11-28T10:00:00.000Z', actor: 'Alice', reason: 'Secret visible' },
      }),
    );
    expect(screen.getByTestId('tombstone-notice')).toBeTruthy();
    expect(screen.queryByTestId('image-viewer')).toBeNull();
    expect(screen.queryByTestId('evidence-edit')).toBeNull();
    expect(screen.getAllByTestId('artifact-sha256')).toHaveLength(4);
    expect(screen.getByTestId('evidence-metadata').textContent).toContain('“Secret visible”');
  });
});
