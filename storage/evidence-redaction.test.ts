import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '@/utils/integrity/sha256';
import { verifyChain } from '@/utils/integrity/custody';
import { readCustodyLog } from './custody-log';
import { runIntegrityCheck } from './integrity-check';
import { EvidenceDatabase } from './db';
import { replaceRedactedArtifacts, type ArtifactReplacement } from './evidence-redaction';
import { storeCaptures } from '@/tests/support/library-fixtures';

let db: EvidenceDatabase;
let counter = 0;
const AT = '2026-11-28T10:00:00.000Z';
const RECTANGLES = [{ x: 10, y: 20, width: 30, height: 8 }];

beforeEach(async () => {
  db = new EvidenceDatabase(`redaction-${++counter}`);
  await db.open();
  await storeCaptures(db, [{ id: 'EV-1' }, { id: 'EV-2' }]);
});
afterEach(async () => {
  await db.delete();
});

async function replacement(name: string, content: string): Promise<ArtifactReplacement> {
  const record = (await db.evidence.get('EV-1'))!;
  const data = new Blob([content], { type: 'image/png' });
  return {
    name,
    data,
    sha256: await sha256Hex(data),
    previousSha256: record.artifacts.find((artifact) => artifact.name === name)!.sha256,
  };
}

describe('replaceRedactedArtifacts', () => {
  it('overwrites the bytes, updates the hashes and logs a chained redact entry with old and new SHA-256', async () => {
    const old = (await db.evidence.get('EV-1'))!;
    const oldOriginal = old.artifacts.find((a) => a.name === 'original.png')!;
    const parts = [
      await replacement('original.png', 'blacked png'),
      await replacement('stamped.png', 'blacked stamp'),
    ];
    const after = await replaceRedactedArtifacts(db, 'EV-1', parts, { rectangles: RECTANGLES }, 'Alice', AT);

    const original = after.artifacts.find((a) => a.name === 'original.png')!;
    expect(original.sha256).toBe(parts[0]!.sha256);
    expect(original.size).toBe('blacked png'.length);
    expect(original.blobKey).toBe(oldOriginal.blobKey);
    expect(await (await db.blobs.get(original.blobKey))!.data.text()).toBe('blacked png');
    // The unmasked bytes are gone: no row of this evidence holds them any more.
    const rows = await db.blobs.where('evidenceId').equals('EV-1').toArray();
    const texts = await Promise.all(rows.map((row) => row.data.text()));
    expect(texts).not.toContain('EV-1 png');
    expect(rows).toHaveLength(old.artifacts.length);
    expect((await db.evidence.get('EV-1'))!.artifacts).toEqual(after.artifacts);

    const log = await readCustodyLog(db);
    const entry = log.at(-1)!;
    expect(entry).toMatchObject({ event: 'redact', evidenceId: 'EV-1', actor: 'Alice', at: AT });
    expect(entry.details).toEqual({
      rectangles: RECTANGLES,
      artifacts: [
        {
          name: 'original.png',
          sha256From: oldOriginal.sha256,
          sha256To: parts[0]!.sha256,
          sizeFrom: oldOriginal.size,
          sizeTo: 'blacked png'.length,
        },
        expect.objectContaining({ name: 'stamped.png', sha256To: parts[1]!.sha256 }),
      ],
    });
    expect(verifyChain(log)).toEqual([]);
    // The library's integrity check follows the redact entry: the new hashes are the logged ones now.
    expect((await runIntegrityCheck(db)).problems).toEqual([]);
  });

  it('lets the integrity check flag bytes changed without a redact entry', async () => {
    await db.blobs.put({ key: 'EV-1/original.png', evidenceId: 'EV-1', data: new Blob(['tampered']) });
    const record = (await db.evidence.get('EV-1'))!;
    const original = record.artifacts.find((a) => a.name === 'original.png')!;
    original.sha256 = await sha256Hex(new Blob(['tampered']));
    original.size = 'tampered'.length;
    await db.evidence.put(record);
    expect((await runIntegrityCheck(db)).problems.map((problem) => problem.kind)).toEqual(['record-changed']);
  });

  it('changes nothing when any artifact changed meanwhile or does not exist', async () => {
    const stale = { ...(await replacement('original.png', 'x')), previousSha256: '0'.repeat(64) };
    const good = await replacement('stamped.png', 'y');
    const before = await db.evidence.get('EV-1');
    const logBefore = await readCustodyLog(db);
    await expect(replaceRedactedArtifacts(db, 'EV-1', [good, stale], {}, 'Alice', AT)).rejects.toThrow(
      'original.png of EV-1 changed while the black-out was prepared: nothing was changed, try again.',
    );
    await expect(
      replaceRedactedArtifacts(db, 'EV-1', [{ ...good, name: 'nope.png' }], {}, 'Alice', AT),
    ).rejects.toThrow('Evidence EV-1 has no nope.png.');
    expect(await db.evidence.get('EV-1')).toEqual(before);
    expect(await (await db.blobs.get('EV-1/stamped.png'))!.data.text()).toBe('EV-1 stamped');
    expect(await readCustodyLog(db)).toEqual(logBefore);
  });

  it('refuses deleted evidence', async () => {
    await db.evidence.update('EV-2', { status: 'deleted' });
    const part = await replacement('original.png', 'x');
    await expect(replaceRedactedArtifacts(db, 'EV-2', [part], {}, 'Alice', AT)).rejects.toThrow(
      'Evidence EV-2 was deleted and cannot be changed.',
    );
  });
});
