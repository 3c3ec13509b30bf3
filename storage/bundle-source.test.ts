import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import type { ExportFilter } from '@/utils/bundle/filter';
import { makeFixture, memoryOutput, type Fixture } from '@/tests/support/bundle-fixtures';
import { verifyBundle } from '@/utils/bundle/verify';
import { verifyChain } from '@/utils/integrity/custody';
import { exportBundle, estimateExport, evidenceForExport, type ExportOptions } from './bundle-source';
import { importBundleFile } from './bundle-import';
import { rebuildCoverageIndex } from './coverage-index';
import { EvidenceDatabase } from './db';

const everything: ExportFilter = {
  windowStart: null,
  windowEnd: null,
  controls: null,
  includeDomSnapshots: true,
};
const request = (filter: ExportFilter): ExportOptions => ({
  filter,
  catalogue: DEFAULT_CATALOGUE,
  generator: { name: 'ISMS Evidence Collector', version: '0.1.0' },
  now: new Date('2025-04-02T10:00:00Z'),
  timeZone: 'UTC',
});

let db: EvidenceDatabase;
let fixture: Fixture;

beforeEach(async () => {
  db = new EvidenceDatabase(`source-test-${Math.random()}`);
  fixture = await makeFixture();
  await db.evidence.bulkAdd(fixture.records);
  await db.blobs.bulkAdd(
    fixture.records.flatMap((record) =>
      record.artifacts.map((artifact) => ({
        key: artifact.blobKey,
        evidenceId: record.id,
        data: fixture.blobs.get(artifact.blobKey)!,
      })),
    ),
  );
  await db.custody.bulkAdd(fixture.context.custody);
  await db.settings.put({ id: 'settings', capturer: 'carol@example.com', organisation: 'Acme GmbH' });
  await db.audits.put(fixture.context.plan!);
  await rebuildCoverageIndex(db);
});

async function exportTo(filter: ExportFilter) {
  const output = memoryOutput();
  const result = await exportBundle(db, output.stream, request(filter));
  return { result, file: new Blob([output.bytes() as Uint8Array<ArrayBuffer>]) };
}

describe('bundle source', () => {
  it('estimates from recorded sizes, and the estimate is close to what is written', async () => {
    const estimate = await estimateExport(db, everything);
    expect(estimate.evidence).toBe(3);
    const { result } = await exportTo(everything);
    expect(estimate.files).toBe(result.payloadFiles + 6); // and the 4 tag files, the public key, the signature
    expect(estimate.bytes).toBeGreaterThan(result.payloadBytes * 0.5);
    expect(estimate.bytes).toBeLessThan(result.payloadBytes * 4);
  });

  it('exports a bundle that verifies and logs the export in the custody chain', async () => {
    const { result, file } = await exportTo(everything);
    const verified = await verifyBundle(file);
    if (!verified.ok) throw new Error(verified.problems.join('\n'));
    expect(verified.summary).toMatchObject({
      organisation: 'Acme GmbH',
      evidenceCount: 3,
      custodyEntries: 3,
    });
    const custody = await db.custody.orderBy('sequence').toArray();
    expect(custody.at(-1)).toMatchObject({
      event: 'export',
      actor: 'carol@example.com',
      details: {
        bundle: result.name,
        evidence: 3,
        evidenceIds: result.evidenceIds,
        manifestSha256: result.manifestSha256,
        lastCustodyHash: fixture.context.custody.at(-1)!.hash,
      },
    });
    expect(result.evidenceIds).toHaveLength(3);
    expect(verifyChain(custody)).toEqual([]);
  });

  it('applies the audit window, the controls and the DOM-snapshot choice', async () => {
    const filter: ExportFilter = {
      windowStart: '2025-02-01',
      windowEnd: '2025-03-31',
      controls: ['A.8.13'],
      includeDomSnapshots: false,
    };
    const exported = [];
    for await (const item of evidenceForExport(db, filter)) exported.push(item.record.id);
    expect(exported).toEqual([fixture.records[1]!.id]);
    const { result } = await exportTo(filter);
    expect(result).toMatchObject({ evidenceCount: 1, artifactCount: 6 });
  });

  it('reads the bytes of an artifact only when the writer asks for it', async () => {
    const reads: string[] = [];
    const original = db.blobs.get.bind(db.blobs);
    db.blobs.get = ((key: string) => {
      reads.push(key);
      return original(key);
    }) as typeof db.blobs.get;
    const iterator = evidenceForExport(db, everything);
    const first = (await iterator.next()).value!;
    expect(reads).toEqual([]);
    await first.readArtifact(first.record.artifacts[0]!);
    expect(reads).toEqual([first.record.artifacts[0]!.blobKey]);
  });

  it('names the evidence whose bytes are missing and logs nothing', async () => {
    await db.blobs.delete(fixture.records[2]!.artifacts[0]!.blobKey);
    const before = await db.custody.count();
    await expect(exportTo(everything)).rejects.toThrow(
      `Evidence ${fixture.records[2]!.id}: the bytes of original.png are missing from the database.`,
    );
    expect(await db.custody.count()).toBe(before);
  });

  it('round-trips: a fresh database imports everything the bundle holds', async () => {
    const { file } = await exportTo(everything);
    const fresh = new EvidenceDatabase(`fresh-${Math.random()}`);
    const result = await importBundleFile(fresh, file, {
      actor: 'dave@example.com',
      at: '2025-04-03T00:00:00.000Z',
    });
    expect(result.ok && result.outcome.added).toHaveLength(3);
    const imported = await fresh.evidence.get(fixture.records[0]!.id);
    const { sequence: _a, ...expected } = fixture.records[0]!;
    const { sequence: _b, words, ...actual } = imported!;
    expect(actual).toEqual(expected);
    // The search index is rebuilt from title, URL, notes and the captured text.
    expect(words).toEqual(expect.arrayContaining(['img', 'hyperlink', 'access', 'review']));
  });
});
