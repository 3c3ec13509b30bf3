import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageHealth } from '@/utils/evidence/library-types';
import { StorageHealthPanel } from './StorageHealthPanel';

afterEach(cleanup);

const health: StorageHealth = {
  usageBytes: 5 * 1024 * 1024,
  quotaBytes: 100 * 1024 * 1024,
  persisted: false,
  count: 60,
  oldestAt: '2026-10-01T00:00:00.000Z',
  lastExportAt: null,
  backupDue: true,
  backupReason: '60 captures are in no exported bundle yet: export a backup.',
};

describe('StorageHealthPanel', () => {
  it('shows space, persistence and the backup prompt with a link to export', () => {
    render(<StorageHealthPanel health={health} exportHref="/export.html" onRequestPersistence={vi.fn()} />);
    expect(screen.getByTestId('storage-usage').textContent).toContain(
      '5 MB of 100 MB available to the extension (95 MB free)',
    );
    expect(screen.getByTestId('storage-persisted').textContent).toMatch(/Not granted/);
    expect(screen.getByTestId('storage-unexported').textContent).toBe('60 captures · never exported');
    const prompt = screen.getByTestId('backup-prompt');
    expect(prompt.textContent).toContain('60 captures are in no exported bundle yet');
    expect(prompt.querySelector('a')!.getAttribute('href')).toBe('/export.html');
  });

  it('asks for persistent storage and says what the browser answered', async () => {
    const onRequestPersistence = vi.fn(async () => true);
    render(
      <StorageHealthPanel
        health={health}
        exportHref="/export.html"
        onRequestPersistence={onRequestPersistence}
      />,
    );
    fireEvent.click(screen.getByTestId('request-persistence'));
    expect(await screen.findByText(/Granted: the browser will not clear/)).toBeTruthy();
  });

  it('hides the prompt and the request when all is well', () => {
    render(
      <StorageHealthPanel
        health={{
          ...health,
          persisted: true,
          count: 0,
          backupDue: false,
          backupReason: null,
          lastExportAt: '2026-11-01T10:00:00.000Z',
        }}
        exportHref="/export.html"
        onRequestPersistence={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('backup-prompt')).toBeNull();
    expect(screen.queryByTestId('request-persistence')).toBeNull();
    expect(screen.getByTestId('storage-unexported').textContent).toMatch(/^none · last export/);
  });
});
