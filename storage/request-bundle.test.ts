import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { ExportFilter } from '@/utils/bundle/filter';
import { parseCsv } from '@/utils/csv/csv';
import type { AuditRequest } from '@/utils/requests/types';
import { makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import { exportBundle } from './bundle-source';
import { importBundleFile } from './bundle-import';
import { rebuildCoverageIndex } from './coverage-index';
import { EvidenceDatabase } from './db';
import { fileAgainstRequest, importRequests, listRequests } from './request-repository';

const FIRST = 'EV-20250110-AAAAAA';
const SECOND = 'EV-20250215-ABBBBB';
const AT = '2025-03-01T10:00:00.000Z';

function sample(overrides: Partial<AuditRequest> = {}): AuditRequest {
  return {
    reference: 'R-2',
    text: 'Backup jobs for <script>alert(1)</script> two sampled months',
    controls: ['A.8.13'],
    audit: 'Stage 2',
    dueDate: '2025-03-31',
    owner: 'Alice',
    status: 'open',
    comment: '',
    population: 'Months of 2025',
    items: ['January', 'February'].map((label) => ({ label, status: 'open', comment: '', evidenceIds: [] })),
    evidenceIds: [],
    ...overrides,
  };
}

let db: EvidenceDatabase;

async function seed(target: EvidenceDatabase) {
  const fixture = await makeFixture();
  await target.evidence.bulkAdd(fixture.records);
  await target.blobs.bulkAdd(
    fixture.records.flatMap((record) =>
      record.artifacts.map((artifact) => ({
        key: artifact.blobKey,
        evidenceId: record.id,
        data: fixture.blobs.get(artifact.blobKey)!,
      })),
    ),
  );
  await target.custody.bulkAdd(fixture.context.custody);
  await target.settings.put({ id: 'settings', capturer: 'carol@example.com', organisation: 'Acme GmbH' });
  await rebuildCoverageIndex(target);
  return fixture;
}

async function exportFor(filter: ExportFilter) {
  const output = memoryOutput();
  const result = await exportBundle(db, output.stream, {
    filter,
    catalogue: DEFAULT_CATALOGUE,
    generator: { name: 'ISMS Evidence Collector', version: '0.1.0' },
    now: new Date('2025-04-02T10:00:00Z'),
    timeZone: 'UTC',
  });
  return { result, file: new Blob([output.bytes() as Uint8Array<ArrayBuffer>]) };
}

async function readZip(file: Blob): Promise<Map<string, string>> {
  const reader = new ZipReader(new BlobReader(file));
  const texts = new Map<string, string>();
  for (const entry of await reader.getEntries())
    if (!entry.directory && /\.(csv|html)$/.test(entry.filename))
      texts.set(entry.filename.replace(/^[^/]+\//, ''), await entry.getData!(new TextWriter()));
  await reader.close();
  return texts;
}

beforeEach(async () => {
  db = new EvidenceDatabase(`request-bundle-${Math.random()}`);
  const fixture = await seed(db);
  expect(fixture.records.map((record) => record.id)).toEqual(expect.arrayContaining([FIRST, SECOND]));
  await importRequests(db, [sample(), sample({ reference: 'R-1', items: [], text: 'Backup policy' })], AT);
  await importRequests(db, [sample({ audit: 'Surveillance 1', reference: 'S-1', items: [] })], AT);
  await fileAgainstRequest(db, { audit: 'Stage 2', reference: 'R-2' }, { item: 1 }, SECOND, 'Alice', AT);
  await fileAgainstRequest(db, { audit: 'Stage 2', reference: 'R-1' }, { item: null }, FIRST, 'Alice', AT);
});

const forList = (audit: string): ExportFilter => ({
  windowStart: '2030-01-01',
  windowEnd: null,
  controls: ['A.5.1'],
  includeDomSnapshots: false,
  requestList: audit,
});

describe('a bundle for one request list', () => {
  it('holds only the evidence filed against the list, with requests.csv and a Requests section first', async () => {
    const { result, file } = await exportFor(forList('Stage 2'));
    // The window and controls are not applied: the list decides.
    expect(result.evidenceIds.sort()).toEqual([FIRST, SECOND].sort());
    const texts = await readZip(file);
    const [header, ...rows] = parseCsv(texts.get('data/requests.csv')!);
    expect(header?.slice(0, 4)).toEqual(['Audit', 'Request', 'Item', 'Sample item']);
    const byRow = rows.map((row) => [row[1], row[2], row[9], row[11]]);
    expect(byRow).toEqual([
      ['R-1', '', 'in-progress', FIRST],
      ['R-2', '', 'in-progress', ''],
      ['R-2', '1', 'open', ''],
      ['R-2', '2', 'in-progress', SECOND],
    ]);
    const files = rows[3]![12]!.split('; ');
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((path) => path.startsWith(`data/evidence/${SECOND}/`))).toBe(true);

    const html = texts.get('data/index.html')!;
    const main = html.slice(html.indexOf('<main>'));
    expect(main.indexOf('<section id="requests">')).toBe('<main>\n'.length);
    expect(main).toContain(`<a href="#evidence-${SECOND}">${SECOND}</a>`);
    expect(html).toContain(`id="evidence-${SECOND}"`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('imports back: the request list comes with the evidence; a bundle without a list imports as before', async () => {
    const { file } = await exportFor(forList('Stage 2'));
    const fresh = new EvidenceDatabase(`request-bundle-import-${Math.random()}`);
    const imported = await importBundleFile(fresh, file, { actor: 'Bob', at: AT });
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
    expect(imported.outcome.added.sort()).toEqual([FIRST, SECOND].sort());
    const requests = await listRequests(fresh, 'Stage 2');
    expect(requests.map((request) => request.reference).sort()).toEqual(['R-1', 'R-2']);
    const r2 = requests.find((request) => request.reference === 'R-2')!;
    expect(r2.text).toBe(sample().text);
    expect(r2.items.map((item) => [item.label, item.status, item.evidenceIds])).toEqual([
      ['January', 'open', []],
      ['February', 'in-progress', [SECOND]],
    ]);
    expect(await listRequests(fresh, 'Surveillance 1')).toEqual([]);
    await fresh.delete();

    const { file: plain } = await exportFor({
      windowStart: null,
      windowEnd: null,
      controls: null,
      includeDomSnapshots: false,
    });
    expect([...(await readZip(plain)).keys()]).not.toContain('data/requests.csv');
    const other = new EvidenceDatabase(`request-bundle-plain-${Math.random()}`);
    const again = await importBundleFile(other, plain, { actor: 'Bob', at: AT });
    expect(again.ok).toBe(true);
    expect(await other.requests.count()).toBe(0);
    await other.delete();
  });
});
