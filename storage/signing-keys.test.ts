import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import { verifyBundle } from '@/utils/bundle/verify';
import { verifyChain } from '@/utils/integrity/custody';
import { exportBundle, type ExportOptions } from './bundle-source';
import { readCustodyLog } from './custody-log';
import { EvidenceDatabase } from './db';
import { currentSigningKey, knownSigningKeys, rotateSigningKey, signingKeyHistory } from './signing-keys';

const labels = { current: 'This installation', retired: 'This installation (a retired key)' };
const request = (now: string): ExportOptions => ({
  filter: { windowStart: null, windowEnd: null, controls: null, includeDomSnapshots: false },
  catalogue: DEFAULT_CATALOGUE,
  generator: { name: 'ISMS Evidence Collector', version: '0.1.0' },
  now: new Date(now),
  timeZone: 'UTC',
});

let db: EvidenceDatabase;

beforeEach(async () => {
  db = new EvidenceDatabase(`signing-keys-test-${Math.random()}`);
  const fixture = await makeFixture();
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
});

async function exportAt(now: string) {
  const output = memoryOutput();
  const result = await exportBundle(db, output.stream, request(now));
  return { result, file: new Blob([output.bytes() as Uint8Array<ArrayBuffer>]) };
}

describe('signing key rotation', () => {
  it('signs new exports with the new key, and bundles the old key signed still verify as a retired key of this installation', async () => {
    const old = await currentSigningKey(db, '2026-11-01T09:00:00.000Z');
    const before = await exportAt('2026-11-03T08:00:00Z');
    const alsoBefore = await exportAt('2026-11-28T16:30:00Z');
    const next = await rotateSigningKey(
      db,
      'carol@example.com',
      'Laptop replaced',
      '2026-12-02T10:00:00.000Z',
    );
    const after = await exportAt('2026-12-03T11:00:00Z');

    expect(before.result.signedBy).toBe(old.fingerprint);
    expect(alsoBefore.result.signedBy).toBe(old.fingerprint);
    expect(after.result.signedBy).toBe(next.fingerprint);
    expect(next.fingerprint).not.toBe(old.fingerprint);

    const keys = { known: await knownSigningKeys(db, [], labels), pinned: [] };
    const oldBundle = await verifyBundle(before.file, { keys });
    expect(oldBundle.ok && oldBundle.summary.signature).toEqual({
      state: 'signed',
      algorithm: 'Ed25519',
      fingerprint: old.fingerprint,
      signer: labels.retired,
      pin: 'no-pins',
    });
    const newBundle = await verifyBundle(after.file, { keys });
    expect(newBundle.ok && newBundle.summary.signature).toMatchObject({
      fingerprint: next.fingerprint,
      signer: labels.current,
    });

    // The retired key keeps its public half and the dates of the bundles it signed; the new one has its own.
    const log = await readCustodyLog(db);
    const exported = log.filter((entry) => entry.event === 'export').map((entry) => entry.at);
    const history = await signingKeyHistory(db);
    expect(
      history.map(({ fingerprint, status, createdAt, retiredAt, signed }) => ({
        fingerprint,
        status,
        createdAt,
        retiredAt,
        signed,
      })),
    ).toEqual([
      {
        fingerprint: next.fingerprint,
        status: 'current',
        createdAt: '2026-12-02T10:00:00.000Z',
        retiredAt: null,
        signed: { count: 1, first: exported[2], last: exported[2] },
      },
      {
        fingerprint: old.fingerprint,
        status: 'retired',
        createdAt: '2026-11-01T09:00:00.000Z',
        retiredAt: '2026-12-02T10:00:00.000Z',
        signed: { count: 2, first: exported[0], last: exported[1] },
      },
    ]);
    expect(history[1]!.publicKeyPem).toBe(old.publicKeyPem);
    expect(history[1]).not.toHaveProperty('privateKey');
    expect((await db.signingKeys.get(old.fingerprint))?.privateKey).toBeNull();

    // The custody log records the rotation between the exports, and the chain holds.
    const events = log.filter((entry) => entry.event === 'export' || entry.event === 'key-rotation');
    expect(events.map((entry) => entry.event)).toEqual(['export', 'export', 'key-rotation', 'export']);
    expect(events[2]).toMatchObject({
      actor: 'carol@example.com',
      details: {
        retiredFingerprint: old.fingerprint,
        newFingerprint: next.fingerprint,
        reason: 'Laptop replaced',
      },
    });
    expect(verifyChain(log)).toEqual([]);
  });

  it('a key that signed nothing has no signed dates', async () => {
    await currentSigningKey(db);
    expect((await signingKeyHistory(db)).map((key) => key.signed)).toEqual([null]);
  });
});
