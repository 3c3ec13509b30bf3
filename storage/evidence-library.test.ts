import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { EvidenceDatabase } from './db';
import { deleteEvidence, editEvidence } from './evidence-edits';
import {
  queryLibrary,
  readControlledDocuments,
  readEvidence,
  readEvidenceHistory,
  readLibraryFacets,
  readLibraryRows,
} from './evidence-library';
import { storeCaptures } from '@/tests/support/library-fixtures';
import { seedEvidence } from '@/tests/support/seed';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`library-${++counter}`);
  await db.open();
  await storeCaptures(db, [
    {
      id: 'EV-20261001-AAAAAA',
      capturedAt: '2026-10-01T09:00:00.000Z',
      title: 'Users — Google Admin',
      url: 'https://admin.google.com/ac/users',
      capturer: 'Alice',
      controls: ['A.5.18', 'A.8.2'],
      status: 'ready',
      text: 'Alice Bob suspended administrator',
    },
    {
      id: 'EV-20261105-BBBBBB',
      capturedAt: '2026-11-05T09:00:00.000Z',
      effectiveDate: '2026-10-31',
      title: 'Backup jobs — Veeam',
      url: 'https://veeam.example.com/jobs',
      capturer: 'Bob',
      controls: ['A.8.13'],
      notes: 'Monthly restore test',
      status: 'needs-review',
      text: 'Job nightly success immutable repository',
    },
    {
      id: 'EV-20261120-CCCCCC',
      capturedAt: '2026-11-20T09:00:00.000Z',
      title: 'Change requests',
      url: 'https://acme.atlassian.net/jira/CHG',
      capturer: 'Alice',
      controls: ['A.8.32'],
      status: 'ready',
      text: 'CAB approved rollback plan',
    },
  ]);
});
afterEach(async () => {
  await db.delete();
});

const ids = async (query: Parameters<typeof queryLibrary>[1]) =>
  (await queryLibrary(db, query, DEFAULT_CATALOGUE)).ids;

describe('queryLibrary', () => {
  it('lists newest captures first by default and can sort otherwise', async () => {
    expect(await ids({})).toEqual(['EV-20261120-CCCCCC', 'EV-20261105-BBBBBB', 'EV-20261001-AAAAAA']);
    expect(await ids({ sort: 'captured-asc' })).toEqual([
      'EV-20261001-AAAAAA',
      'EV-20261105-BBBBBB',
      'EV-20261120-CCCCCC',
    ]);
    expect(await ids({ sort: 'effective-asc' })).toEqual([
      'EV-20261001-AAAAAA',
      'EV-20261105-BBBBBB',
      'EV-20261120-CCCCCC',
    ]);
    expect(await ids({ sort: 'site-asc' })).toEqual([
      'EV-20261120-CCCCCC',
      'EV-20261001-AAAAAA',
      'EV-20261105-BBBBBB',
    ]);
    expect((await ids({ sort: 'capturer-asc' }))[2]).toBe('EV-20261105-BBBBBB');
  });

  it('filters by control, theme, status, capturer, site and date range, combined', async () => {
    expect(await ids({ controls: ['A.8.13', 'A.8.2'] })).toEqual([
      'EV-20261105-BBBBBB',
      'EV-20261001-AAAAAA',
    ]);
    expect(await ids({ theme: 'technological' })).toHaveLength(3);
    expect(await ids({ theme: 'people' })).toEqual([]);
    expect(await ids({ statuses: ['needs-review'] })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ capturer: 'Alice' })).toEqual(['EV-20261120-CCCCCC', 'EV-20261001-AAAAAA']);
    expect(await ids({ site: 'veeam.example.com' })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ from: '2026-10-31', to: '2026-10-31' })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ from: '2026-11-05', to: '2026-11-05', dateField: 'capturedAt' })).toEqual([
      'EV-20261105-BBBBBB',
    ]);
    expect(await ids({ capturer: 'Alice', statuses: ['ready'], from: '2026-11-01' })).toEqual([
      'EV-20261120-CCCCCC',
    ]);
  });

  it('searches title, URL, notes and captured text by word prefix, every word required', async () => {
    expect(await ids({ text: 'veeam' })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ text: 'atlassian' })).toEqual(['EV-20261120-CCCCCC']);
    expect(await ids({ text: 'restore' })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ text: 'immut' })).toEqual(['EV-20261105-BBBBBB']);
    expect(await ids({ text: 'ADMIN suspended' })).toEqual(['EV-20261001-AAAAAA']);
    expect(await ids({ text: 'admin rollback' })).toEqual([]);
    expect(await ids({ text: '—' })).toEqual([]);
    expect(await ids({ text: 'ev-20261105' })).toEqual(['EV-20261105-BBBBBB']);
  });

  it('hides tombstones unless asked, and finds edited notes', async () => {
    await deleteEvidence(
      db,
      'EV-20261001-AAAAAA',
      'Contains a password',
      'Alice',
      '2026-11-28T10:00:00.000Z',
    );
    expect(await ids({})).not.toContain('EV-20261001-AAAAAA');
    expect(await ids({ statuses: ['deleted'] })).toEqual(['EV-20261001-AAAAAA']);
    expect(await ids({ text: 'suspended', statuses: ['deleted', 'ready'] })).toEqual([]);

    await editEvidence(
      db,
      'EV-20261120-CCCCCC',
      { notes: 'Emergency change ticket' },
      'Alice',
      '2026-11-28T10:01:00.000Z',
    );
    expect(await ids({ text: 'emergency' })).toEqual(['EV-20261120-CCCCCC']);
    expect(await ids({ text: 'rollback emergency' })).toEqual(['EV-20261120-CCCCCC']);
  });

  it('answers a quick first page when only the status filter applies, the full list otherwise', async () => {
    const first = await queryLibrary(db, {}, DEFAULT_CATALOGUE, { firstPage: 2 });
    expect(first).toEqual({
      ids: ['EV-20261120-CCCCCC', 'EV-20261105-BBBBBB'],
      totalStored: 3,
      complete: false,
    });
    expect(await queryLibrary(db, {}, DEFAULT_CATALOGUE, { firstPage: 10 })).toMatchObject({
      complete: true,
    });
    await deleteEvidence(db, 'EV-20261120-CCCCCC', 'Duplicate', 'Alice', '2026-11-28T10:00:00.000Z');
    expect((await queryLibrary(db, {}, DEFAULT_CATALOGUE, { firstPage: 2 })).ids).toEqual([
      'EV-20261105-BBBBBB',
      'EV-20261001-AAAAAA',
    ]);
    expect(await queryLibrary(db, { text: 'veeam' }, DEFAULT_CATALOGUE, { firstPage: 2 })).toMatchObject({
      ids: ['EV-20261105-BBBBBB'],
      complete: true,
    });
  });

  it('sees changes made after a query (remembered key order is refreshed)', async () => {
    expect(await ids({ sort: 'effective-asc' })).toEqual([
      'EV-20261001-AAAAAA',
      'EV-20261105-BBBBBB',
      'EV-20261120-CCCCCC',
    ]);
    await editEvidence(
      db,
      'EV-20261120-CCCCCC',
      { effectiveDate: '2026-01-01' },
      'Alice',
      '2026-11-28T10:00:00.000Z',
    );
    expect(await ids({ sort: 'effective-asc' })).toEqual([
      'EV-20261120-CCCCCC',
      'EV-20261001-AAAAAA',
      'EV-20261105-BBBBBB',
    ]);
  });

  it('reads rows without their search words, in the order asked', async () => {
    const rows = await readLibraryRows(db, ['EV-20261120-CCCCCC', 'EV-404', 'EV-20261001-AAAAAA']);
    expect(rows.map((row) => row.id)).toEqual(['EV-20261120-CCCCCC', 'EV-20261001-AAAAAA']);
    expect(rows[0]).not.toHaveProperty('words');
    expect(await readEvidence(db, 'EV-20261001-AAAAAA')).toMatchObject({ title: 'Users — Google Admin' });
  });

  it('offers the capturers, sites and controls present as filter values', async () => {
    expect(await readLibraryFacets(db)).toEqual({
      capturers: ['Alice', 'Bob'],
      sites: ['acme.atlassian.net', 'admin.google.com', 'veeam.example.com'],
      controls: ['A.5.18', 'A.8.13', 'A.8.2', 'A.8.32'],
    });
  });

  it("returns one item's custody history, including exports that list it", async () => {
    await editEvidence(
      db,
      'EV-20261001-AAAAAA',
      { controls: ['A.5.18'] },
      'Alice',
      '2026-11-28T10:00:00.000Z',
    );
    await db.custody.add({
      sequence: 99,
      at: '2026-11-29T10:00:00.000Z',
      event: 'export',
      evidenceId: null,
      actor: 'Alice',
      details: { evidenceIds: ['EV-20261001-AAAAAA'] },
      previousHash: '0'.repeat(64),
      hash: '1'.repeat(64),
    });
    const history = await readEvidenceHistory(db, 'EV-20261001-AAAAAA');
    expect(history.map((entry) => entry.event)).toEqual(['capture', 'retag', 'export']);
  });
});

describe('readControlledDocuments', () => {
  it('lists current Stage 1 documents with their document control for the given clauses', async () => {
    await storeCaptures(db, [
      { id: 'EV-POLICY', title: 'Information security policy', controls: ['5.2'], status: 'ready' },
      { id: 'EV-SCOPE', title: 'ISMS scope', controls: ['4.3'], status: 'ready' },
      { id: 'EV-OLD-POLICY', title: 'Old policy', controls: ['5.2'], status: 'ready' },
    ]);
    await editEvidence(
      db,
      'EV-POLICY',
      { document: { version: '3.0', approver: 'Board', approvalDate: '2026-06-01' } },
      'Alice',
      '2026-11-28T10:00:00.000Z',
    );
    await editEvidence(
      db,
      'EV-OLD-POLICY',
      { document: { version: '2.0', approver: 'Board', approvalDate: '2025-06-01' } },
      'Alice',
      '2026-11-28T10:00:00.000Z',
    );
    await deleteEvidence(db, 'EV-OLD-POLICY', 'Replaced by version 3', 'Alice', '2026-11-28T10:01:00.000Z');
    const documents = await readControlledDocuments(db, ['4.3', '5.2', '6.1.2']);
    expect(documents).toEqual([
      {
        evidenceId: 'EV-POLICY',
        title: 'Information security policy',
        controls: ['5.2'],
        effectiveDate: '2026-11-27',
        status: 'ready',
        document: { version: '3.0', approver: 'Board', approvalDate: '2026-06-01' },
      },
    ]);
  });
});

describe('queryLibrary at scale', () => {
  it(
    'answers filters and searches over 2,000 seeded records from index keys',
    { timeout: 30_000 },
    async () => {
      const { ids: seeded } = await seedEvidence(db, 2000, {
        seed: 7,
        batchSize: 500,
        newestAt: new Date('2026-11-27T00:00:00Z'),
      });
      expect(seeded).toHaveLength(2000);
      const all = await queryLibrary(db, { statuses: ['needs-review', 'ready', 'superseded'] });
      expect(all.totalStored).toBe(2003);
      const veeam = await queryLibrary(db, { text: 'veeam restore', sort: 'effective-desc' });
      expect(veeam.ids.length).toBeGreaterThan(0);
      const rows = await readLibraryRows(db, veeam.ids.slice(0, 50));
      for (const row of rows) expect(`${row.title} ${row.url} ${row.notes}`.toLowerCase()).toContain('veeam');
      const dates = rows.map((row) => row.effectiveDate);
      expect([...dates].sort().reverse()).toEqual(dates);
    },
  );
});
