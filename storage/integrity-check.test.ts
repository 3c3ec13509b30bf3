import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendCustody } from './custody-log';
import { EvidenceDatabase } from './db';
import { deleteEvidence, editEvidence } from './evidence-edits';
import type { IntegrityProgress } from '@/utils/evidence/library-types';
import { runIntegrityCheck } from './integrity-check';
import { storeCaptures } from '@/tests/support/library-fixtures';

let db: EvidenceDatabase;
let counter = 0;

beforeEach(async () => {
  db = new EvidenceDatabase(`integrity-${++counter}`);
  await db.open();
  await storeCaptures(db, [
    { id: 'EV-1', title: 'Users' },
    { id: 'EV-2', title: 'Backups' },
    { id: 'EV-3', title: 'Changes' },
  ]);
  await editEvidence(db, 'EV-2', { notes: 'checked' }, 'Alice', '2026-11-28T10:00:00.000Z');
});
afterEach(async () => {
  await db.delete();
});

const summary = async () =>
  (await runIntegrityCheck(db)).problems.map((problem) => [problem.kind, problem.item]);

describe('runIntegrityCheck', () => {
  it('reports nothing for an untouched database, with progress up to every byte', async () => {
    const progress: IntegrityProgress[] = [];
    const report = await runIntegrityCheck(db, {
      onProgress: (update) => progress.push(update),
      progressInterval: 0,
    });
    expect(report).toMatchObject({
      evidenceChecked: 3,
      artifactsChecked: 9,
      custodyEntriesChecked: 4,
      problems: [],
      cancelled: false,
    });
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ phase: 'artifacts', done: 9, total: 9 });
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(report.bytesChecked).toBe(last.bytesTotal);
  });

  it('names a stored file whose bytes changed', async () => {
    const row = (await db.blobs.get('EV-2/original.png'))!;
    const bytes = new Uint8Array(await row.data.arrayBuffer());
    bytes[0] = bytes[0]! ^ 1;
    await db.blobs.put({ ...row, data: new Blob([bytes]) });
    const report = await runIntegrityCheck(db);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      kind: 'corrupt',
      evidenceId: 'EV-2',
      item: 'EV-2/original.png',
      title: 'Backups',
    });
    // The line shows the item once: the message says only what is wrong with it.
    expect(report.problems[0]!.message).toMatch(/^the bytes changed: SHA-256 is [0-9a-f]{64}/);
    expect(report.problems[0]!.message).not.toContain('EV-2');
  });

  it('names a stored file that is missing', async () => {
    await db.blobs.delete('EV-3/text.txt');
    expect(await summary()).toEqual([['missing', 'EV-3/text.txt']]);
  });

  it('reports a file the browser cannot read as an error entry and checks everything else', async () => {
    const realGet = db.blobs.get.bind(db.blobs);
    vi.spyOn(db.blobs, 'get').mockImplementation(((key: string) => {
      if (key === 'EV-1/stamped.png')
        return Promise.reject(new DOMException('The file could not be read', 'NotReadableError'));
      if (key === 'EV-3/original.png') {
        return Promise.resolve({
          key,
          evidenceId: 'EV-3',
          data: {
            size: 1,
            arrayBuffer: () => Promise.reject(new Error('blob file lost')),
          } as unknown as Blob,
        });
      }
      return realGet(key);
    }) as typeof db.blobs.get);
    const report = await runIntegrityCheck(db);
    expect(report.artifactsChecked).toBe(9);
    expect(report.problems.map((problem) => [problem.kind, problem.item])).toEqual([
      ['unreadable', 'EV-1/stamped.png'],
      ['unreadable', 'EV-3/original.png'],
    ]);
    expect(report.problems[0]!.message).toMatch(/NotReadableError/);
  });

  it('reports a custody entry changed after it was written', async () => {
    const entry = (await db.custody.get(2))!;
    await db.custody.put({ ...entry, actor: 'Mallory' });
    expect(await summary()).toEqual([['chain', 'custody entry 2 (EV-2)']]);
  });

  it('reports a removed custody entry and a reordered one', async () => {
    await db.custody.delete(3);
    expect((await summary()).map(([kind]) => kind)).toContain('chain');

    await db.delete();
    db = new EvidenceDatabase(`integrity-${++counter}`);
    await storeCaptures(db, [{ id: 'EV-1' }, { id: 'EV-2' }, { id: 'EV-3' }]);
    const [second, third] = [(await db.custody.get(2))!, (await db.custody.get(3))!];
    await db.custody.bulkPut([
      { ...third, sequence: 2 },
      { ...second, sequence: 3 },
    ]);
    expect((await summary()).filter(([kind]) => kind === 'chain').length).toBeGreaterThan(0);
  });

  it('reports an evidence record whose hashes were changed to match altered bytes', async () => {
    const record = (await db.evidence.get('EV-1'))!;
    const forged = new Blob(['forged']);
    await db.blobs.put({ key: 'EV-1/original.png', evidenceId: 'EV-1', data: forged });
    const { sha256Hex } = await import('@/utils/integrity/sha256');
    const artifacts = await Promise.all(
      record.artifacts.map(async (artifact) =>
        artifact.name === 'original.png'
          ? { ...artifact, size: forged.size, sha256: await sha256Hex(forged) }
          : artifact,
      ),
    );
    await db.evidence.put({ ...record, artifacts });
    expect(await summary()).toEqual([['record-changed', 'EV-1']]);
  });

  it('reports a record removed without a tombstone, and one added outside the log', async () => {
    await db.evidence.delete('EV-3');
    await db.blobs.where('evidenceId').equals('EV-3').delete();
    const stray = (await db.evidence.get('EV-1'))!;
    await db.evidence.add({ ...stray, id: 'EV-X', sequence: 99 });
    expect(await summary()).toEqual([
      ['unlogged', 'EV-X'],
      ['removed', 'EV-3'],
    ]);
  });

  it('accepts evidence that an import entry lists', async () => {
    const stray = (await db.evidence.get('EV-1'))!;
    await db.evidence.add({ ...stray, id: 'EV-IMPORTED', sequence: 99, artifacts: [] });
    await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        at: '2026-11-28T12:00:00.000Z',
        event: 'import',
        evidenceId: null,
        actor: 'Alice',
        details: { added: 1, addedIds: ['EV-IMPORTED'] },
      }),
    );
    expect(await summary()).toEqual([]);
  });

  it('accepts tombstones: no bytes expected, chain intact', async () => {
    await deleteEvidence(db, 'EV-2', 'Contains a secret', 'Alice', '2026-11-28T11:00:00.000Z');
    const report = await runIntegrityCheck(db);
    expect(report.problems).toEqual([]);
    expect(report.artifactsChecked).toBe(6);
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const report = await runIntegrityCheck(db, {
      signal: controller.signal,
      progressInterval: 0,
      onProgress: (progress) => {
        if (progress.phase === 'artifacts' && progress.done === 2) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.artifactsChecked).toBe(2);
  });
});
