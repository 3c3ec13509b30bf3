import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { LibraryQuery, LibraryRow, StorageHealth } from '@/utils/evidence/library-types';
import { EvidenceSection } from './EvidenceSection';
import { row } from '@/tests/support/library-rows';
import type { EvidenceSectionServices } from './types';

afterEach(cleanup);

const health: StorageHealth = {
  usageBytes: 1000,
  quotaBytes: 10_000,
  persisted: true,
  count: 0,
  oldestAt: null,
  lastExportAt: null,
  backupDue: false,
  backupReason: null,
};

function services(): EvidenceSectionServices & { calls: string[] } {
  const calls: string[] = [];
  const fail = async () => Promise.reject(new Error('not in this test'));
  return {
    calls,
    query: vi.fn(async (_query: LibraryQuery, options?: { firstPage?: number }) => {
      calls.push(options?.firstPage ? 'first page' : 'all matches');
      return options?.firstPage
        ? { ids: ['EV-3', 'EV-2'], totalStored: 3, complete: false }
        : { ids: ['EV-3', 'EV-2', 'EV-1'], totalStored: 3, complete: true };
    }),
    loadRows: vi.fn(async (ids: string[]): Promise<LibraryRow[]> => {
      calls.push(`rows ${ids.join(' ')}`);
      return ids.map((id) => row(id));
    }),
    loadFacets: vi.fn(async () => {
      calls.push('facets');
      return { capturers: ['Alice'], sites: ['admin.example.com'], controls: ['A.5.18'] };
    }),
    loadStorageHealth: vi.fn(async () => {
      calls.push('health');
      return health;
    }),
    loadThumbnail: async () => null,
    loadDetail: async () => null,
    loadArtifact: fail,
    downloadArtifact: fail,
    edit: fail,
    supersede: fail,
    remove: fail,
    addFile: fail,
    runIntegrityCheck: fail,
    requestPersistence: async () => true,
    today: () => '2026-11-27',
  };
}

describe('EvidenceSection', () => {
  it('paints a quick first page, then reads all matches, filter values and health once rows are on screen', async () => {
    const fake = services();
    render(
      <EvidenceSection
        catalogue={DEFAULT_CATALOGUE}
        services={fake}
        exportHref="/export.html"
        listenForPaste={false}
        healthDelay={0}
      />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('library-count').textContent).toMatch(/^3 of 3 evidence items/),
    );
    await waitFor(() => expect(fake.calls).toContain('health'));
    expect(fake.calls.slice(0, 3)).toEqual(['first page', 'rows EV-3 EV-2', 'all matches']);
    expect(fake.calls.indexOf('facets')).toBeGreaterThan(1);
    expect(screen.getByTestId('storage-health')).toBeTruthy();
    expect(await screen.findByText('Users EV-1')).toBeTruthy();
  });

  it('shows that a first page is partial', async () => {
    const fake = services();
    fake.query = vi.fn(async () => ({ ids: ['EV-3', 'EV-2'], totalStored: 3, complete: false }));
    fake.loadRows = vi.fn(() => new Promise<LibraryRow[]>(() => {}));
    render(
      <EvidenceSection
        catalogue={DEFAULT_CATALOGUE}
        services={fake}
        exportHref="/export.html"
        listenForPaste={false}
      />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('library-count').textContent).toMatch(/^2\+ of 3 evidence items/),
    );
  });

  it('says when the library cannot be read', async () => {
    const fake = services();
    fake.query = vi.fn(async () => Promise.reject(new Error('IndexedDB is unavailable')));
    render(
      <EvidenceSection
        catalogue={DEFAULT_CATALOGUE}
        services={fake}
        exportHref="/export.html"
        listenForPaste={false}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The library could not be read: IndexedDB is unavailable',
    );
  });
});
