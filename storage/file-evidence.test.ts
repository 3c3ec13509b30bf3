import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '@/utils/evidence/checks';
import type { FileEvidenceContext } from '@/utils/evidence/file-evidence';
import { verifyChain } from '@/utils/integrity/custody';
import { readCoverageSummaries } from './coverage-index';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { queryLibrary } from './evidence-library';
import { addFileEvidence } from './file-evidence';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`file-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const context = (): FileEvidenceContext => ({
  addedAt: new Date('2026-11-27T10:00:00.000Z'),
  randomBytes: Uint8Array.from([1, 2, 3, 4, 5, counter]),
  capturer: 'Alice',
  timeZone: 'Europe/Berlin',
  extensionVersion: '0.1.0',
  browser: { name: 'Chrome', version: '140' },
});

describe('addFileEvidence', () => {
  it('hashes the file, stores it as evidence of kind file and logs a capture entry with the hash', async () => {
    const csv = 'user,last login\nalice,2026-11-01\n';
    const { evidence } = await addFileEvidence(
      db,
      {
        data: new Blob([csv], { type: 'text/csv' }),
        fileName: 'access-review Q4.csv',
        lastModified: Date.parse('2026-11-20T08:00:00Z'),
        controls: ['A.5.18'],
        notes: 'Exported from HR system',
        effectiveDate: '2026-11-20',
      },
      context(),
    );
    expect(evidence).toMatchObject({
      kind: 'file',
      title: 'access-review Q4.csv',
      status: 'ready',
      url: '',
      sequence: 1,
    });
    const file = evidence.artifacts.find((artifact) => artifact.role === 'file')!;
    expect(file).toMatchObject({ name: 'access-review Q4.csv', mimeType: 'text/csv', size: csv.length });
    expect(file.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(await db.blobs.where('evidenceId').equals(evidence.id).count()).toBe(2); // file + metadata.json

    const log = await readCustodyLog(db);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      event: 'capture',
      evidenceId: evidence.id,
      details: { method: 'upload', fileName: 'access-review Q4.csv' },
    });
    expect(log[0]!.details['artifacts']).toContainEqual({
      name: file.name,
      sha256: file.sha256,
      size: file.size,
    });
    expect(verifyChain(log)).toEqual([]);
    expect((await readCoverageSummaries(db)).map((summary) => summary.id)).toEqual([evidence.id]);
    // The text of a CSV is searchable.
    expect((await queryLibrary(db, { text: 'alice' })).ids).toEqual([evidence.id]);

    const metadata = JSON.parse(await (await db.blobs.get(`${evidence.id}/metadata.json`))!.data.text());
    expect(metadata).toMatchObject({
      method: 'upload',
      file: { originalName: 'access-review Q4.csv', sha256: file.sha256 },
    });
  });

  it('keeps document control for Stage 1 documents and a preview for images', async () => {
    const { evidence } = await addFileEvidence(
      db,
      {
        data: new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])]),
        fileName: '../../Information Security Policy.pdf',
        lastModified: 0,
        controls: ['5.2'],
        notes: '',
        effectiveDate: '2026-06-01',
        document: { version: '3.0', approver: 'Management board', approvalDate: '2026-05-28' },
        thumbnail: new Blob(['png'], { type: 'image/png' }),
      },
      context(),
    );
    expect(evidence.document).toEqual({
      version: '3.0',
      approver: 'Management board',
      approvalDate: '2026-05-28',
    });
    expect(evidence.artifacts.map((artifact) => [artifact.role, artifact.name, artifact.mimeType])).toEqual([
      ['file', 'Information Security Policy.pdf', 'application/pdf'],
      ['thumbnail', 'thumbnail.png', 'image/png'],
      ['metadata', 'metadata.json', 'application/json'],
    ]);
    expect((await readCustodyLog(db))[0]!.details).toMatchObject({ document: { version: '3.0' } });
  });

  it('refuses a file over the size limit or empty with a clear message, storing nothing', async () => {
    const big = { size: MAX_FILE_BYTES + 1, type: '', text: async () => '' } as unknown as Blob;
    const input = { lastModified: 0, controls: [], notes: '', effectiveDate: '2026-11-27' };
    await expect(
      addFileEvidence(db, { ...input, data: big, fileName: 'disk.img' }, context()),
    ).rejects.toThrow(/“disk.img” \(200 MB\) is over the 200 MB limit/);
    await expect(
      addFileEvidence(db, { ...input, data: new Blob([]), fileName: 'empty.txt' }, context()),
    ).rejects.toThrow(/is empty/);
    await expect(
      addFileEvidence(
        db,
        { ...input, data: new Blob(['x']), fileName: 'a.txt', effectiveDate: 'soon' },
        context(),
      ),
    ).rejects.toThrow(/effective date/);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
  });
});
