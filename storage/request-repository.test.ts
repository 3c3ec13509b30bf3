import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@/utils/integrity/custody';
import type { AuditRequest } from '@/utils/requests/types';
import { storeCaptures } from '@/tests/support/library-fixtures';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import {
  evidenceIdsForRequestList,
  fileAgainstRequest,
  importRequests,
  listRequestAudits,
  listRequests,
  readRequest,
  requestsForEvidence,
  saveRequest,
  setRequestStatus,
} from './request-repository';

let db: EvidenceDatabase;
let counter = 0;
const AT = '2026-11-28T10:00:00.000Z';

function request(overrides: Partial<AuditRequest> = {}): AuditRequest {
  return {
    reference: 'R-14',
    text: 'Offboarding records for 3 sampled leavers',
    controls: ['A.5.11', 'A.6.5'],
    audit: 'Stage 2',
    dueDate: '2026-12-01',
    owner: 'Alice',
    status: 'open',
    comment: '',
    population: 'Leavers 2026',
    items: ['L-1', 'L-2', 'L-3'].map((label) => ({ label, status: 'open', comment: '', evidenceIds: [] })),
    evidenceIds: [],
    ...overrides,
  };
}

const KEY = { audit: 'Stage 2', reference: 'R-14' };

beforeEach(async () => {
  db = new EvidenceDatabase(`requests-${++counter}`);
  await db.open();
  await storeCaptures(db, [{ id: 'EV-1', effectiveDate: '2026-11-20', controls: ['A.5.11'] }]);
});
afterEach(async () => {
  await db.delete();
});

describe('request repository', () => {
  it('files evidence against a sample item, tags the request controls, and logs who and when', async () => {
    await importRequests(db, [request()], AT);
    const filed = await fileAgainstRequest(db, KEY, { item: 1 }, 'EV-1', 'Alice', AT);
    expect(filed.items[1]).toMatchObject({ status: 'in-progress', evidenceIds: ['EV-1'] });
    expect((await db.evidence.get('EV-1'))?.controls).toEqual(['A.5.11', 'A.6.5']);
    expect((await requestsForEvidence(db, 'EV-1')).map((entry) => entry.reference)).toEqual(['R-14']);
    expect(await evidenceIdsForRequestList(db, 'Stage 2')).toEqual(['EV-1']);
    await fileAgainstRequest(db, KEY, { item: 1 }, 'EV-1', 'Alice', AT);
    const log = await readCustodyLog(db);
    const tail = log.slice(-2).map((entry) => [entry.event, entry.evidenceId, entry.actor, entry.details]);
    expect(tail).toEqual([
      ['retag', 'EV-1', 'Alice', expect.objectContaining({ to: ['A.5.11', 'A.6.5'] })],
      ['request-file', 'EV-1', 'Alice', { audit: 'Stage 2', reference: 'R-14', item: 1 }],
    ]);
    expect(verifyChain(log)).toEqual([]);
  });

  it('refuses to file evidence the store does not have, and changes nothing', async () => {
    await importRequests(db, [request()], AT);
    await expect(fileAgainstRequest(db, KEY, { item: 0 }, 'EV-NONE', 'Alice', AT)).rejects.toThrow(
      'EV-NONE is not in',
    );
    expect((await readRequest(db, 'Stage 2', 'R-14'))?.items[0]?.evidenceIds).toEqual([]);
  });

  it('marks provided and returned in the custody log, keeping the auditor comment', async () => {
    await importRequests(db, [request({ items: [] })], AT);
    await setRequestStatus(db, KEY, { item: null }, 'provided', '', 'Alice', AT);
    const later = '2026-11-29T09:00:00.000Z';
    const returned = await setRequestStatus(
      db,
      KEY,
      { item: null },
      'returned',
      'Only 2 leavers shown',
      'Bob',
      later,
    );
    expect(returned).toMatchObject({ status: 'returned', comment: 'Only 2 leavers shown' });
    const entries = (await readCustodyLog(db)).filter((entry) => entry.event === 'request-status');
    expect(
      entries.map((entry) => [entry.actor, entry.at, entry.details['from'], entry.details['to']]),
    ).toEqual([
      ['Alice', AT, 'open', 'provided'],
      ['Bob', later, 'provided', 'returned'],
    ]);
    expect(entries[1]?.details['comment']).toBe('Only 2 leavers shown');
  });

  it('re-importing a list keeps statuses and filed evidence, and lists audits', async () => {
    await importRequests(db, [request()], AT);
    await fileAgainstRequest(db, KEY, { item: 0 }, 'EV-1', 'Alice', AT);
    await importRequests(db, [request({ text: 'Reworded', dueDate: '2026-12-05' })], AT);
    await importRequests(db, [request({ audit: 'Surveillance year 1' })], AT);
    const [again] = await listRequests(db, 'Stage 2');
    expect(again).toMatchObject({ text: 'Reworded', dueDate: '2026-12-05', status: 'in-progress' });
    expect(again?.items[0]?.evidenceIds).toEqual(['EV-1']);
    expect(await listRequestAudits(db)).toEqual(['Stage 2', 'Surveillance year 1']);
  });

  it('creates and renames by hand, refusing a reference the audit already has', async () => {
    await saveRequest(db, request({ reference: 'R-1', items: [] }), null, AT);
    await expect(saveRequest(db, request({ reference: 'R-1' }), null, AT)).rejects.toThrow(
      'already has a request R-1',
    );
    await saveRequest(
      db,
      request({ reference: 'R-2', items: [] }),
      { audit: 'Stage 2', reference: 'R-1' },
      AT,
    );
    expect((await listRequests(db)).map((entry) => entry.reference)).toEqual(['R-2']);
  });
});
