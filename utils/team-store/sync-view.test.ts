import { describe, expect, it } from 'vitest';
import { teamSyncText } from '../text';
import { syncStatusLine, type SyncOverview } from './sync-view';

const empty: SyncOverview = {
  waiting: 0,
  uploading: 0,
  blocked: 0,
  done: 0,
  bytesTotal: 0,
  bytesDone: 0,
  lastError: null,
  open: [],
};
const line = (store: { complete: boolean; active: boolean }, overview: Partial<SyncOverview> = {}) =>
  syncStatusLine(store, { ...empty, ...overview }, teamSyncText.popupLine);

describe('the popup’s sync line', () => {
  it('says nothing without a team store, and that sync is off when the store is refused', () => {
    expect(line({ complete: false, active: false })).toBeUndefined();
    expect(line({ complete: true, active: false })).toBe('Team store: sync off — see Settings');
  });

  it('counts what is left, and gives a failure in its own words', () => {
    const on = { complete: true, active: true };
    expect(line(on, { done: 4 })).toBe('Team store: all 4 uploads done');
    expect(line(on, { waiting: 2 })).toBe('Team store: 2 waiting to upload');
    expect(line(on, { waiting: 1, uploading: 1 })).toBe('Team store: uploading, 2 to go');
    expect(line(on, { waiting: 1, lastError: 'Sync paused: this computer is offline.' })).toBe(
      'Team store: Sync paused: this computer is offline.',
    );
    expect(
      line(on, { blocked: 1, lastError: 'Sync stopped: the team store refused the access key.' }),
    ).toMatch(/refused the access key/);
  });
});
