import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { LibraryQuery, LibraryRow } from '@/utils/evidence/library-types';
import { EvidenceLibrary, type EvidenceLibraryProps } from './EvidenceLibrary';
import { row } from '@/tests/support/library-rows';

afterEach(cleanup);

const ids = Array.from({ length: 20_000 }, (_, index) => `EV-${String(index).padStart(5, '0')}`);

function setup(overrides: Partial<EvidenceLibraryProps> = {}) {
  const loadRows = vi.fn(async (wanted: string[]): Promise<LibraryRow[]> => wanted.map((id) => row(id)));
  const onOpen = vi.fn();
  const onQueryChange = vi.fn();
  const props: EvidenceLibraryProps = {
    catalogue: DEFAULT_CATALOGUE,
    facets: { capturers: ['Alice', 'Bob'], sites: ['admin.example.com'], controls: ['A.5.18', 'A.8.13'] },
    query: {},
    onQueryChange,
    result: { ids, totalStored: 25_000, complete: true },
    elapsedMs: 12.4,
    revision: 0,
    loadRows,
    loadThumbnail: async () => null,
    selectedId: null,
    onOpen,
    view: 'list',
    onViewChange: vi.fn(),
    ...overrides,
  };
  const view = render(<EvidenceLibrary {...props} />);
  return { loadRows, onOpen, onQueryChange, view, props };
}

describe('EvidenceLibrary', () => {
  it('reads and draws only the rows in view of 20,000', async () => {
    const { loadRows } = setup();
    await screen.findByText('Users EV-00000');
    expect(screen.getByTestId('library-count').textContent).toBe('20,000 of 25,000 evidence items · 12 ms');
    const requested = loadRows.mock.calls.flatMap(([wanted]) => wanted);
    expect(requested.length).toBeLessThan(40);
    expect(requested[0]).toBe('EV-00000');
    expect(screen.getAllByTestId('library-row').length).toBe(requested.length);
  });

  it('opens a row on click and marks the selected one', async () => {
    const { onOpen } = setup({ selectedId: 'EV-00001' });
    fireEvent.click(await screen.findByText('Users EV-00002'));
    expect(onOpen).toHaveBeenCalledWith('EV-00002');
    expect(screen.getByText('Users EV-00001').closest('button')!.getAttribute('aria-current')).toBe('true');
  });

  it('reads rows again after a change (revision) without losing the position', async () => {
    const { loadRows, view, props } = setup();
    await screen.findByText('Users EV-00000');
    const before = loadRows.mock.calls.length;
    loadRows.mockImplementation(async (wanted) => wanted.map((id) => row(id, { title: `Edited ${id}` })));
    view.rerender(<EvidenceLibrary {...props} revision={1} loadRows={loadRows} />);
    await screen.findByText('Edited EV-00000');
    expect(loadRows.mock.calls.length).toBeGreaterThan(before);
  });

  it('searches after typing stops and filters by control, status and sort', async () => {
    vi.useFakeTimers();
    try {
      const { onQueryChange } = setup();
      fireEvent.input(screen.getByTestId('library-search'), { target: { value: 'backup veeam' } });
      fireEvent.input(screen.getByTestId('library-search'), { target: { value: 'backup veeam jobs' } });
      expect(onQueryChange).not.toHaveBeenCalled();
      vi.advanceTimersByTime(200);
      expect(onQueryChange).toHaveBeenCalledTimes(1);
      expect(onQueryChange).toHaveBeenLastCalledWith({ text: 'backup veeam jobs' });

      fireEvent.change(screen.getByTestId('filter-control'), { target: { value: 'A.8.13' } });
      expect(onQueryChange).toHaveBeenLastCalledWith({ controls: ['A.8.13'] });
      fireEvent.click(screen.getByRole('checkbox', { name: 'Deleted' }));
      expect((onQueryChange.mock.lastCall![0] as LibraryQuery).statuses).toEqual([
        'needs-review',
        'ready',
        'superseded',
        'deleted',
      ]);
      fireEvent.change(screen.getByTestId('library-sort'), { target: { value: 'effective-asc' } });
      expect(onQueryChange).toHaveBeenLastCalledWith({ sort: 'effective-asc' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a thumbnail grid, a few cards per line', async () => {
    setup({ view: 'grid', loadThumbnail: async (shown) => `blob:thumb-${shown.id}` });
    await screen.findByText('Users EV-00000');
    const cards = screen.getAllByTestId('library-card');
    expect(cards.length).toBeGreaterThan(4);
    expect(cards.length).toBeLessThan(60);
    await waitFor(() =>
      expect(cards[0]!.querySelector('img')?.getAttribute('src')).toBe('blob:thumb-EV-00000'),
    );
  });

  it('says when nothing matches and when there is no evidence at all', () => {
    const { view, props } = setup({ result: { ids: [], totalStored: 3, complete: true } });
    expect(screen.getByTestId('library-empty').textContent).toMatch(/No evidence matches/);
    view.rerender(<EvidenceLibrary {...props} result={{ ids: [], totalStored: 0, complete: true }} />);
    expect(screen.getByTestId('library-empty').textContent).toMatch(/No evidence yet/);
  });

  it('shows page-derived titles as text, never as markup', async () => {
    setup({
      loadRows: async (wanted) => wanted.map((id) => row(id, { title: '<img src=x onerror=alert(1)>' })),
    });
    const [first] = await screen.findAllByText('<img src=x onerror=alert(1)>');
    expect(first!.querySelector('img')).toBeNull();
  });
});
