import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { EvidenceSyncState } from '@/utils/team-store/sync-view';
import { teamSyncText } from '@/utils/text';
import { entry, row } from '@/tests/support/library-rows';
import { EvidenceDetail } from './EvidenceDetail';
import { RecordSyncState } from './RecordSyncState';
import type { EvidenceDetailData } from './types';

afterEach(cleanup);

const OFFLINE = 'The team store cannot be reached: this browser is offline or the endpoint does not answer.';

function detail(teamStore?: EvidenceDetailData['teamStore']) {
  render(
    <EvidenceDetail
      catalogue={DEFAULT_CATALOGUE}
      detail={{ record: row('EV-1'), history: [entry(1, 'capture', { controls: ['A.5.18'] })], teamStore }}
      loadArtifact={vi.fn(async () => ({ kind: 'unavailable' as const, message: '' }))}
      onDownload={vi.fn()}
      onEdit={vi.fn(async () => {})}
      onSupersede={vi.fn(async () => {})}
      onDelete={vi.fn(async () => {})}
      onOpen={vi.fn()}
      onClose={vi.fn()}
    />,
  );
}

const stored: EvidenceSyncState = {
  where: 'stored',
  revision: 2,
  versionIds: {
    'acme/installations/I1/records/EV-1/2.json': 'v-rec-2',
    'acme/blobs/sha256/ab12': 'v-blob',
  },
};

describe('a record’s team store state', () => {
  it('says in words where the record is: only here, queued, uploading, failed with its reason, stopped', () => {
    const cases: [EvidenceSyncState, string, boolean][] = [
      [{ where: 'local' }, 'Only here: not in the team store.', false],
      [
        { where: 'uploading', status: 'waiting', lastError: null, uploaded: false },
        'Waiting to upload to the team store.',
        false,
      ],
      [
        { where: 'uploading', status: 'uploading', lastError: null, uploaded: false },
        'Uploading to the team store…',
        false,
      ],
      [
        { where: 'uploading', status: 'waiting', lastError: OFFLINE, uploaded: false },
        `Upload failed: ${OFFLINE} It is tried again by itself.`,
        true,
      ],
      [
        { where: 'uploading', status: 'blocked', lastError: 'The access key is not valid.', uploaded: false },
        'Upload stopped: The access key is not valid.',
        true,
      ],
    ];
    for (const [state, sentence, alert] of cases) {
      const { unmount } = render(<RecordSyncState state={state} />);
      const line = screen.getByTestId('record-sync-state');
      expect(line.textContent).toBe(sentence);
      expect(line.getAttribute('role')).toBe(alert ? 'alert' : null);
      expect(screen.queryByTestId('record-sync-versions')).toBeNull();
      unmount();
    }
  });

  it('in the store: the revision and every object’s version ID', () => {
    render(<RecordSyncState state={stored} />);
    expect(screen.getByTestId('record-sync-state').textContent).toBe(
      'In the team store (revision 2). Object version IDs:',
    );
    const items = within(screen.getByTestId('record-sync-versions'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'acme/blobs/sha256/ab12 v-blob',
      'acme/installations/I1/records/EV-1/2.json v-rec-2',
    ]);
  });

  it('shows nothing of the team store when none is set up', () => {
    detail();
    expect(screen.queryByTestId('record-sync')).toBeNull();
    expect(screen.queryByTestId('delete-team-store-warning')).toBeNull();
  });
});

describe('the delete dialog and the team store', () => {
  const warning = () => screen.queryByTestId('delete-team-store-warning')?.textContent ?? null;

  it('warns, before the reason is asked, that a locked store keeps the bytes until retention ends', () => {
    detail({ state: stored, locked: true });
    expect(screen.getByTestId('record-sync').getAttribute('data-where')).toBe('stored');
    const form = screen.getByTestId('delete-form');
    expect(within(form).getByTestId('delete-team-store-warning').textContent).toBe(
      teamSyncText.deleteWarning,
    );
    expect(warning()).toContain('stay in the store until its retention period ends');
    expect(warning()).toContain('GOVERNANCE');
  });

  it('warns as soon as part of the record is uploaded', () => {
    detail({
      state: { where: 'uploading', status: 'waiting', lastError: OFFLINE, uploaded: true },
      locked: true,
    });
    expect(warning()).toBe(teamSyncText.deleteWarning);
  });

  it('does not warn while nothing of the record is in the store, nor for a store that is not write-once', () => {
    detail({
      state: { where: 'uploading', status: 'waiting', lastError: null, uploaded: false },
      locked: true,
    });
    expect(warning()).toBeNull();
    cleanup();
    detail({ state: { where: 'local' }, locked: true });
    expect(warning()).toBeNull();
    cleanup();
    detail({ state: stored, locked: false });
    expect(warning()).toBeNull();
    expect(screen.getByTestId('record-sync-state').textContent).toContain('In the team store');
  });
});
