import { execFileSync } from 'node:child_process';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput, type Fixture } from '@/tests/support/bundle-fixtures';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';
import { writeBundle } from '@/utils/bundle/writer';
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

async function bundle(fixture: Fixture, withRecords: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const context = withRecords
    ? { ...fixture.context, ismsRecords: { internalAudits, managementReviews } }
    : fixture.context;
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
    await db.delete();
  });
});
