import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@/utils/integrity/custody';
import { readCoverageSummaries } from './coverage-index';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { deleteEvidence, editEvidence, supersedeEvidence } from './evidence-edits';
import { storeCaptures } from '@/tests/support/library-fixtures';

let db: EvidenceDatabase;
let counter = 0;
const AT = '2026-11-28T10:00:00.000Z';

beforeEach(async () => {
  db = new EvidenceDatabase(`edits-${++counter}`);
  await db.open();
  await storeCaptures(db, [
    {
      id: 'EV-OLD',
      effectiveDate: '2026-09-30',
      controls: ['A.8.13'],
      text: 'backup job success token sk_live_123',
    },
    { id: 'EV-NEW', effectiveDate: '2026-10-31', controls: ['A.8.13'] },
  ]);
});
afterEach(async () => {
  await db.delete();
});

const events = async () => (await readCustodyLog(db)).map((entry) => [entry.event, entry.evidenceId]);

describe('editEvidence', () => {
  it('changes controls, notes, effective date, status and document control, logging each kind of change', async () => {
    const record = await editEvidence(
      db,
      'EV-OLD',
      {
        controls: ['A.8.13', 'A.5.30'],
        notes: '  Restore tested  ',
        effectiveDate: '2026-09-29',
        status: 'ready',
        document: { version: '2.1', approver: 'CISO', approvalDate: '2026-09-01' },
      },
      'Alice',
      AT,
    );
    expect(record).toMatchObject({
      controls: ['A.8.13', 'A.5.30'],
      notes: 'Restore tested',
      status: 'ready',
    });
    const log = await readCustodyLog(db);
    expect(log.slice(2).map((entry) => entry.event)).toEqual(['retag', 'annotate']);
    expect(log[2]!.details).toEqual({
      from: ['A.8.13'],
      to: ['A.8.13', 'A.5.30'],
      statusFrom: 'needs-review',
      statusTo: 'ready',
    });
    expect(log[3]!.details).toMatchObject({
      notes: 'Restore tested',
      notesFrom: '',
      effectiveDateFrom: '2026-09-30',
      effectiveDateTo: '2026-09-29',
      documentFrom: null,
      documentTo: { version: '2.1', approver: 'CISO', approvalDate: '2026-09-01' },
    });
    expect(verifyChain(log)).toEqual([]);
    const coverage = await readCoverageSummaries(db);
    expect(coverage.find((summary) => summary.id === 'EV-OLD')).toMatchObject({
      controls: expect.arrayContaining(['A.8.13', 'A.5.30']),
      effectiveDate: '2026-09-29',
      status: 'ready',
    });
    // Notes join the search words; the captured text stays in them.
    const stored = await db.evidence.get('EV-OLD');
    expect(stored!.words).toEqual(expect.arrayContaining(['restore', 'tested', 'backup', 'success']));
  });

  it('logs nothing when nothing changed', async () => {
    await editEvidence(db, 'EV-OLD', { notes: '', controls: ['A.8.13'] }, 'Alice', AT);
    expect(await db.custody.count()).toBe(2);
  });

  it('refuses impossible values and unknown controls, changing nothing', async () => {
    await expect(editEvidence(db, 'EV-OLD', { effectiveDate: '2026-02-30' }, 'Alice', AT)).rejects.toThrow(
      /effective date/,
    );
    await expect(
      editEvidence(db, 'EV-OLD', { controls: ['A.99'] }, 'Alice', AT, {
        knownControlIds: new Set(['A.8.13']),
      }),
    ).rejects.toThrow(/Unknown control/);
    await expect(
      editEvidence(
        db,
        'EV-OLD',
        { document: { version: '', approver: 'x', approvalDate: '2026-01-01' } },
        'Alice',
        AT,
      ),
    ).rejects.toThrow(/version/);
    await expect(editEvidence(db, 'EV-404', { notes: 'x' }, 'Alice', AT)).rejects.toThrow(/does not exist/);
    expect(await db.custody.count()).toBe(2);
  });
});

describe('supersedeEvidence', () => {
  it('marks the older capture superseded by the newer one, takes it out of coverage and logs it', async () => {
    const record = await supersedeEvidence(db, 'EV-OLD', 'EV-NEW', 'Alice', AT, 'Re-captured after the fix');
    expect(record).toMatchObject({ status: 'superseded', supersededBy: 'EV-NEW' });
    const log = await readCustodyLog(db);
    expect(log.at(-1)).toMatchObject({
      event: 'supersede',
      evidenceId: 'EV-OLD',
      details: { supersededBy: 'EV-NEW', statusFrom: 'needs-review', note: 'Re-captured after the fix' },
    });
    expect(verifyChain(log)).toEqual([]);
    expect((await readCoverageSummaries(db)).find((summary) => summary.id === 'EV-OLD')?.status).toBe(
      'superseded',
    );
  });

  it('refuses itself, an older replacement, a missing one and a second supersede', async () => {
    await expect(supersedeEvidence(db, 'EV-OLD', 'EV-OLD', 'Alice', AT)).rejects.toThrow(/itself/);
    await expect(supersedeEvidence(db, 'EV-NEW', 'EV-OLD', 'Alice', AT)).rejects.toThrow(
      /at least as recent/,
    );
    await expect(supersedeEvidence(db, 'EV-OLD', 'EV-404', 'Alice', AT)).rejects.toThrow(/does not exist/);
    await supersedeEvidence(db, 'EV-OLD', 'EV-NEW', 'Alice', AT);
    await expect(supersedeEvidence(db, 'EV-OLD', 'EV-NEW', 'Alice', AT)).rejects.toThrow(
      /already superseded/,
    );
    expect(await events()).toEqual([
      ['capture', 'EV-OLD'],
      ['capture', 'EV-NEW'],
      ['supersede', 'EV-OLD'],
    ]);
  });

  it('reinstates superseded evidence through an edit of its status', async () => {
    await supersedeEvidence(db, 'EV-OLD', 'EV-NEW', 'Alice', AT);
    const record = await editEvidence(db, 'EV-OLD', { status: 'ready' }, 'Alice', AT);
    expect(record.status).toBe('ready');
    expect(record).not.toHaveProperty('supersededBy');
    expect((await readCustodyLog(db)).at(-1)!.details).toMatchObject({
      statusFrom: 'superseded',
      statusTo: 'ready',
    });
  });
});

describe('deleteEvidence', () => {
  it('removes the bytes, keeps a tombstone with hashes and reason, and logs it on the chain', async () => {
    const before = await db.evidence.get('EV-OLD');
    const tombstone = await deleteEvidence(db, 'EV-OLD', 'Shows a live API token', 'Alice', AT);
    expect(await db.blobs.where('evidenceId').equals('EV-OLD').count()).toBe(0);
    expect(await db.blobs.where('evidenceId').equals('EV-NEW').count()).toBe(3);
    expect(tombstone).toMatchObject({
      status: 'deleted',
      deletion: { at: AT, actor: 'Alice', reason: 'Shows a live API token' },
      artifacts: before!.artifacts,
      title: before!.title,
    });
    const stored = await db.evidence.get('EV-OLD');
    expect(stored).not.toHaveProperty('words');
    const log = await readCustodyLog(db);
    expect(log.at(-1)).toMatchObject({
      event: 'delete',
      evidenceId: 'EV-OLD',
      details: {
        reason: 'Shows a live API token',
        statusFrom: 'needs-review',
        artifacts: before!.artifacts.map(({ name, sha256, size }) => ({ name, sha256, size })),
        bytesRemoved: 3,
      },
    });
    expect(verifyChain(log)).toEqual([]);
    expect((await readCoverageSummaries(db)).find((summary) => summary.id === 'EV-OLD')?.status).toBe(
      'deleted',
    );
  });

  it('can blank the description when it holds the secret', async () => {
    const tombstone = await deleteEvidence(db, 'EV-OLD', 'Token in URL', 'Alice', AT, {
      removeDescription: true,
    });
    expect(tombstone).toMatchObject({ title: '', url: '', site: '', notes: '' });
    expect((await readCustodyLog(db)).at(-1)!.details).toMatchObject({ descriptionRemoved: true });
  });

  it('requires a reason and refuses a second delete or any later edit', async () => {
    await expect(deleteEvidence(db, 'EV-OLD', '  ', 'Alice', AT)).rejects.toThrow(/reason/);
    expect(await db.blobs.where('evidenceId').equals('EV-OLD').count()).toBe(3);
    await deleteEvidence(db, 'EV-OLD', 'Duplicate capture', 'Alice', AT);
    await expect(deleteEvidence(db, 'EV-OLD', 'Again', 'Alice', AT)).rejects.toThrow(/already deleted/);
    await expect(editEvidence(db, 'EV-OLD', { notes: 'x' }, 'Alice', AT)).rejects.toThrow(/deleted/);
    await expect(supersedeEvidence(db, 'EV-OLD', 'EV-NEW', 'Alice', AT)).rejects.toThrow(/deleted/);
    await expect(supersedeEvidence(db, 'EV-NEW', 'EV-OLD', 'Alice', AT)).rejects.toThrow(/deleted/);
    expect((await events()).map(([event]) => event)).toEqual(['capture', 'capture', 'delete']);
  });
});
