import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@/utils/integrity/custody';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { ValidationError } from './isms-repository';
import {
  deleteInternalAudit,
  deleteManagementReview,
  listInternalAudits,
  listManagementReviews,
  saveInternalAudit,
  saveManagementReview,
} from './isms-records-repository';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';

let db: EvidenceDatabase;
let counter = 0;
const AT = '2026-11-28T10:00:00.000Z';
const LATER = '2026-11-29T10:00:00.000Z';
const { createdAt: _c, updatedAt: _u, ...audit } = internalAudit({ reportEvidenceId: 'EV-REPORT' });
const { createdAt: _c2, updatedAt: _u2, ...review } = managementReview({ minutesEvidenceId: 'EV-MINUTES' });

beforeEach(async () => {
  db = new EvidenceDatabase(`isms-records-${++counter}`);
  await db.open();
  const record = (id: string, sequence: number, status: EvidenceRecord['status'] = 'ready') =>
    ({ id, sequence, status, controls: ['9.2'] }) as unknown as EvidenceRecord;
  await db.evidence.bulkPut([
    record('EV-REPORT', 1),
    record('EV-MINUTES', 2),
    record('EV-GONE', 3, 'deleted'),
  ]);
  await db.findings.put({
    id: 'F-1',
    grade: 'minor',
    source: 'internal-audit',
    controls: [],
    description: 'Restore test missing',
    rootCause: '',
    correctiveAction: '',
    dueDate: null,
    status: 'open',
    evidenceIds: [],
    createdAt: AT,
    updatedAt: AT,
  });
});
afterEach(async () => {
  await db.delete();
});

const log = async (): Promise<Record<string, unknown>[]> => {
  const entries = await readCustodyLog(db);
  expect(verifyChain(entries)).toEqual([]);
  return entries.map((entry) => ({
    event: entry.event,
    actor: entry.actor,
    at: entry.at,
    ...(entry.details as Record<string, unknown>),
  }));
};

describe('internal audits', () => {
  it('logs creation, revision and deletion with the actor and the record before and after', async () => {
    const created = await saveInternalAudit(db, audit, 'Carol', AT);
    expect(created).toMatchObject({ id: 'IA-1', createdAt: AT, updatedAt: AT });
    const revised = await saveInternalAudit(db, { ...audit, findingIds: ['F-1'] }, 'Dan', LATER);
    expect(revised).toMatchObject({ findingIds: ['F-1'], createdAt: AT, updatedAt: LATER });
    expect(await listInternalAudits(db)).toEqual([revised]);
    await deleteInternalAudit(db, 'IA-1', 'Erin', LATER);
    expect(await listInternalAudits(db)).toEqual([]);
    expect(await log()).toEqual([
      {
        event: 'isms-record-change',
        actor: 'Carol',
        at: AT,
        record: 'internal-audit',
        change: 'create',
        id: 'IA-1',
        before: null,
        after: created,
      },
      {
        event: 'isms-record-change',
        actor: 'Dan',
        at: LATER,
        record: 'internal-audit',
        change: 'update',
        id: 'IA-1',
        before: created,
        after: revised,
      },
      {
        event: 'isms-record-change',
        actor: 'Erin',
        at: LATER,
        record: 'internal-audit',
        change: 'delete',
        id: 'IA-1',
        before: revised,
        after: null,
      },
    ]);
  });

  it('writes nothing, and no custody entry, for an unchanged save', async () => {
    await saveInternalAudit(db, audit, 'Carol', AT);
    await saveInternalAudit(db, { ...audit, title: ` ${audit.title} ` }, 'Carol', LATER);
    expect(await log()).toHaveLength(1);
  });

  it('refuses a report that is not in the library, or deleted, and a finding not in the register, writing nothing', async () => {
    await expect(
      saveInternalAudit(db, { ...audit, reportEvidenceId: 'EV-NONE' }, 'Carol', AT),
    ).rejects.toThrow('The audit report EV-NONE is not in the evidence library.');
    await expect(
      saveInternalAudit(db, { ...audit, reportEvidenceId: 'EV-GONE' }, 'Carol', AT),
    ).rejects.toThrow(ValidationError);
    await expect(saveInternalAudit(db, { ...audit, findingIds: ['F-9'] }, 'Carol', AT)).rejects.toThrow(
      'Finding F-9 is not in the findings register.',
    );
    await expect(saveInternalAudit(db, { id: 'IA-1' }, 'Carol', AT)).rejects.toThrow(/could not be read/);
    expect(await listInternalAudits(db)).toEqual([]);
    expect(await log()).toEqual([]);
  });
});

describe('management reviews', () => {
  it('logs creation, revision and deletion with the actor and the record before and after', async () => {
    const created = await saveManagementReview(db, review, 'Carol', AT);
    const revised = await saveManagementReview(
      db,
      { ...review, actions: [{ ...review.actions[0]!, status: 'done' }] },
      'Dan',
      LATER,
    );
    await deleteManagementReview(db, 'MR-1', 'Erin', LATER);
    expect(await listManagementReviews(db)).toEqual([]);
    const entries = await log();
    expect(entries.map((entry) => [entry.record, entry.change, entry.actor])).toEqual([
      ['management-review', 'create', 'Carol'],
      ['management-review', 'update', 'Dan'],
      ['management-review', 'delete', 'Erin'],
    ]);
    expect(entries[1]).toMatchObject({ before: created, after: revised });
  });

  it('refuses minutes that are not in the library and an incomplete action, writing nothing', async () => {
    await expect(
      saveManagementReview(db, { ...review, minutesEvidenceId: 'EV-NONE' }, 'Carol', AT),
    ).rejects.toThrow('The minutes EV-NONE is not in the evidence library.');
    await expect(
      saveManagementReview(
        db,
        { ...review, actions: [{ description: 'x', owner: '', dueDate: '', status: 'open' }] },
        'Carol',
        AT,
      ),
    ).rejects.toThrow('Action 1 needs a description, an owner and a due date (YYYY-MM-DD).');
    expect(await listManagementReviews(db)).toEqual([]);
    expect(await log()).toEqual([]);
  });
});
