import { execFileSync } from 'node:child_process';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput, type Fixture } from '@/tests/support/bundle-fixtures';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';
import { writeBundle } from '@/utils/bundle/writer';
import { verifyBundle } from '@/utils/bundle/verify';
import { verifyChain } from '@/utils/integrity/custody';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import { importBundleFile } from './bundle-import';
import { EvidenceDatabase } from './db';

const internalAudits = [
  internalAudit({ title: '=HYPERLINK("http://evil.example")', findingIds: ['F-1', 'F-2'] }),
];
const managementReviews = [
  managementReview({
    coveredInputs: ['previous-actions', 'audit-results'],
    actions: [
      { description: 'Second backup site', owner: 'Head of IT', dueDate: '2025-07-31', status: 'open' },
      { description: 'Restore test', owner: 'Ops', dueDate: '2025-06-30', status: 'done' },
    ],
  }),
];

async function bundle(
  fixture: Fixture,
  withRecords: boolean,
  records: { internalAudits: InternalAudit[]; managementReviews: ManagementReview[] } = {
    internalAudits,
    managementReviews,
  },
): Promise<Uint8Array<ArrayBuffer>> {
  const context = withRecords ? { ...fixture.context, ismsRecords: records } : fixture.context;
  const output = memoryOutput();
  await writeBundle(output.stream, { context, evidence: evidenceOf(fixture), includeDomSnapshots: true });
  return output.bytes() as Uint8Array<ArrayBuffer>;
}

async function entries(zip: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new BlobReader(new Blob([zip as Uint8Array<ArrayBuffer>])));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries())
    if (!entry.directory)
      files.set(entry.filename.split('/').slice(1).join('/'), await entry.getData(new TextWriter()));
  return files;
}

/** Python's csv module reads the file: another reader than the writer's. */
function pythonCsv(text: string): string[][] {
  const script = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text }).toString()) as string[][];
}

describe('internal audits and management reviews in the bundle', () => {
  it('writes internal-audits.csv and management-reviews.csv, listed in the manifest, which Python reads row by row', async () => {
    const files = await entries(await bundle(await makeFixture({ prefix: 'A' }), true));
    const audits = pythonCsv(files.get('data/internal-audits.csv')!);
    expect(audits[0]?.slice(0, 6)).toEqual([
      'Audit ID',
      'Title',
      'Scope',
      'Criteria',
      'Auditor',
      'Auditor independent',
    ]);
    expect(audits[1]?.[0]).toBe('IA-1');
    expect(audits[1]?.[1]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(audits[1]?.[5]).toBe('yes');
    expect(audits[1]?.[10]).toBe('EV-REPORT');
    expect(audits[1]?.[11]).toBe('F-1 F-2');
    const reviews = pythonCsv(files.get('data/management-reviews.csv')!);
    const header = reviews[0]!;
    const row = reviews[1]!;
    const cell = (name: string) => row[header.findIndex((column) => column.includes(name))];
    expect(header).toHaveLength(5 + 10 + 5);
    expect(cell('Review ID')).toBe('MR-1');
    expect(cell('Top management present')).toBe('yes');
    expect(cell('9.3.2 a ')).toBe('yes');
    expect(cell('9.3.2 d 3 ')).toBe('yes');
    expect(cell('9.3.2 g ')).toBe('no');
    expect(cell('Actions')?.split('\n')).toEqual([
      'Second backup site | Head of IT | due 2025-07-31 | open',
      'Restore test | Ops | due 2025-06-30 | done',
    ]);
    expect(cell('Minutes evidence')).toBe('EV-MINUTES');
    expect(files.get('manifest-sha256.txt')).toContain('data/internal-audits.csv');
    expect(files.get('manifest-sha256.txt')).toContain('data/management-reviews.csv');
  });

  it('a bundle with the two tables and one without both import', async () => {
    const db = new EvidenceDatabase(`records-bundle-${Math.random()}`);
    const options = { actor: 'bob@example.com', at: '2025-04-10T12:00:00.000Z' };
    const withRecords = await importBundleFile(
      db,
      new Blob([await bundle(await makeFixture({ prefix: 'B' }), true)]),
      options,
    );
    expect(withRecords.ok && withRecords.outcome.added.length).toBeGreaterThan(0);
    const plain = await importBundleFile(
      db,
      new Blob([await bundle(await makeFixture({ prefix: 'C' }), false)]),
      options,
    );
    expect(plain.ok && plain.outcome.added.length).toBeGreaterThan(0);
    expect(plain.ok && 'ismsRecords' in plain.outcome).toBe(false);
    await db.delete();
  });

  it('imports the audits and reviews back, linking the report and minutes the bundle brought and the findings held here', async () => {
    const fixture = await makeFixture({ prefix: 'D' });
    const report = fixture.records[0]!.id;
    const minutes = fixture.records[1]!.id;
    const records = {
      internalAudits: [
        internalAudit({
          scope: 'Backups; "quoted", commas\nand a second line',
          reportEvidenceId: report,
          findingIds: ['F-1', 'F-9'],
        }),
        internalAudit({
          id: 'IA-2',
          title: '=HYPERLINK("http://evil.example")',
          status: 'planned',
          completedDate: null,
          reportEvidenceId: null,
          plannedDate: '2025-11-10',
        }),
      ],
      managementReviews: [
        managementReview({
          attendees: ['Chief Executive', 'ISMS manager'],
          minutesEvidenceId: minutes,
          actions: [
            { description: 'Restore test | quarterly', owner: 'Ops', dueDate: '2025-06-30', status: 'done' },
            { description: 'Second site', owner: 'Head of IT', dueDate: '2025-07-31', status: 'in-progress' },
          ],
        }),
        managementReview({
          id: 'MR-2',
          meetingDate: '2025-11-20',
          status: 'planned',
          attendees: [],
          coveredInputs: [],
          actions: [],
          minutesEvidenceId: 'EV-NOT-BUNDLED',
        }),
      ],
    };
    const zip = await bundle(fixture, true, records);
    const db = new EvidenceDatabase(`records-bundle-${Math.random()}`);
    const options = { actor: 'bob@example.com', at: '2025-04-10T12:00:00.000Z' };
    await db.findings.add({ ...fixture.context.findings[0]! });

    const verified = await verifyBundle(new Blob([zip]));
    expect(verified.ok && verified.bundle.ismsRecords?.problems).toEqual([]);
    // Verifying (what the panel shows before the user confirms) writes nothing.
    expect(await db.internalAudits.count()).toBe(0);

    const imported = await importBundleFile(db, new Blob([zip]), options);
    expect(imported.ok && imported.outcome.ismsRecords).toEqual({
      added: ['IA-1', 'IA-2', 'MR-1', 'MR-2'],
      kept: 0,
      unlinked: [
        'IA-1: the finding F-9 is not held here, so the link was left out.',
        'MR-2: the minutes EV-NOT-BUNDLED is not held here, so the link was left out.',
      ],
    });
    const audits = await db.internalAudits.orderBy('id').toArray();
    const { createdAt: _c, updatedAt: _u, ...first } = audits[0]!;
    const { createdAt: _c2, updatedAt: _u2, ...expected } = records.internalAudits[0]!;
    expect(first).toEqual({ ...expected, findingIds: ['F-1'] });
    expect(audits[0]!.updatedAt).toBe(records.internalAudits[0]!.updatedAt);
    expect(audits[1]!.title).toBe('=HYPERLINK("http://evil.example")');
    const reviews = await db.managementReviews.orderBy('id').toArray();
    expect(reviews[0]!.actions).toEqual(records.managementReviews[0]!.actions);
    expect(reviews[0]!.coveredInputs).toEqual(records.managementReviews[0]!.coveredInputs);
    expect(reviews[0]!.minutesEvidenceId).toBe(minutes);
    expect(reviews[1]!.minutesEvidenceId).toBeNull();
    const custody = await db.custody.toArray();
    const changes = custody.filter((entry) => entry.event === 'isms-record-change');
    expect(changes.map((entry) => [entry.details.id, entry.details.change, entry.actor])).toEqual([
      ['IA-1', 'create', 'bob@example.com'],
      ['IA-2', 'create', 'bob@example.com'],
      ['MR-1', 'create', 'bob@example.com'],
      ['MR-2', 'create', 'bob@example.com'],
    ]);
    expect(verifyChain(custody)).toEqual([]);

    // A second import keeps what is held here, even where it was edited since.
    await db.internalAudits.update('IA-2', { notes: 'moved to December' });
    const again = await importBundleFile(db, new Blob([zip]), options);
    expect(again.ok && again.outcome.ismsRecords).toEqual({ added: [], kept: 4, unlinked: [] });
    expect((await db.internalAudits.get('IA-2'))?.notes).toBe('moved to December');
    await db.delete();
  });

  it('names each malformed row by file and line, restores the rest, and refuses nothing else of the bundle', async () => {
    const fixture = await makeFixture({ prefix: 'E' });
    const broken = {
      internalAudits: [
        internalAudit({ reportEvidenceId: null }),
        internalAudit({ id: 'IA-2', status: 'finished' as InternalAudit['status'], reportEvidenceId: null }),
        internalAudit({ id: 'IA-3', plannedDate: '2025-13-40', reportEvidenceId: null }),
        internalAudit({ id: 'IA-1', title: 'Same ID again', reportEvidenceId: null }),
        internalAudit({ id: 'audit four', reportEvidenceId: null }),
      ],
      managementReviews: [
        managementReview({ minutesEvidenceId: null }),
        managementReview({
          id: 'MR-2',
          minutesEvidenceId: null,
          actions: [{ description: 'Fix', owner: 'Ops', dueDate: 'soon', status: 'open' }],
        }),
        managementReview({ id: 'MR-3', minutesEvidenceId: null, attendees: [], status: 'held' }),
      ],
    };
    const zip = await bundle(fixture, true, broken);
    const verified = await verifyBundle(new Blob([zip]));
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.bundle.ismsRecords?.problems).toEqual([
      'data/internal-audits.csv line 3: Choose a status: planned, in progress, completed or cancelled.',
      'data/internal-audits.csv line 4: The planned date is not a valid date (YYYY-MM-DD).',
      'data/internal-audits.csv line 5: IA-1 is already on line 2; each record appears once.',
      'data/internal-audits.csv line 6: Give the internal audit an ID such as IA-1.',
      'data/management-reviews.csv line 3: Action 1 needs a description, an owner and a due date (YYYY-MM-DD).',
      'data/management-reviews.csv line 4: Name who attended the review.',
    ]);
    const db = new EvidenceDatabase(`records-bundle-${Math.random()}`);
    const imported = await importBundleFile(db, new Blob([zip]), {
      actor: 'bob@example.com',
      at: '2025-04-10T12:00:00.000Z',
    });
    expect(imported.ok && imported.outcome.added.length).toBe(fixture.records.length);
    expect(imported.ok && imported.outcome.ismsRecords?.added).toEqual(['IA-1', 'MR-1']);
    expect((await db.internalAudits.get('IA-1'))?.title).toBe('Access control and backups');
    await db.delete();
  });
});
