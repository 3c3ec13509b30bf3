import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EvidenceDatabase } from '@/storage/db';
import { listTeamRecords, openTeamCache, readTeamSnapshot } from '@/storage/team-cache';
import type { CustodyEntry } from '@/utils/evidence/types';
import { blobKey, recordKey } from '@/utils/team-store/keys';
import { pullTeam } from '@/utils/team-store/pull';
import { S3Store } from '@/utils/team-store/s3-client';
import { uploadEvidence } from '@/utils/team-store/upload';
import { captureChain, sampleEvidence } from '../support/team-data';
import { rgwAdmin } from '../support/ceph-rgw';

// The compliance lead's pull against the real engine: listing pages and markers, versions and delete markers
// come from Ceph RGW itself. The cache is the extension's own IndexedDB code (on fake-indexeddb in Node).

const rgw = inject('rgw');
const BUCKET = 'team-pull';
const PREFIX = 'acme/isms';
const store = new S3Store({
  endpoint: rgw.endpoint,
  region: 'us-east-1',
  bucket: BUCKET,
  prefix: PREFIX,
  pathStyle: true,
  accessKeyId: rgw.accessKeyId,
  secretAccessKey: rgw.secretAccessKey,
});
const bytes = (text: string) => new TextEncoder().encode(text);

/** What sync would have uploaded for one installation: `count` captures, every custody entry. */
async function syncInstallation(
  installationId: string,
  count: number,
  options: { skipEntry?: number; from?: number; chain?: CustodyEntry[] } = {},
) {
  const { from = 1 } = options;
  const evidence = Array.from({ length: count }, (_, index) =>
    sampleEvidence(installationId, from + index, { capturer: `Admin ${installationId}` }),
  );
  const ids = evidence.map(({ record }) => record.id);
  const chain = options.chain ?? captureChain(ids);
  for (const [index, { record, blobs }] of evidence.entries()) {
    const entry = chain[from - 1 + index]!;
    await uploadEvidence(store, {
      installationId,
      evidenceId: record.id,
      revision: 1,
      record,
      blobs,
      custody: entry.sequence === options.skipEntry ? [] : [entry],
    });
  }
  return { evidence, chain };
}

let db: EvidenceDatabase;
const cache = () => openTeamCache(db, `${rgw.endpoint} ${BUCKET} ${PREFIX}`);

beforeAll(async () => {
  const made = await store.request('PUT', '', '', { 'x-amz-bucket-object-lock-enabled': 'true' });
  expect(made.status).toBe(200);
  db = new EvidenceDatabase('team-pull-store-test');
});

afterAll(async () => {
  db.close();
  await Dexie.delete('team-pull-store-test');
  rgwAdmin(rgw, ['bucket', 'rm', `--bucket=${BUCKET}`, '--purge-objects']);
});

describe('pulling the team store', () => {
  let ana: Awaited<ReturnType<typeof syncInstallation>>;

  it('lists every installation page by page, fetches each version once and verifies it', async () => {
    ana = await syncInstallation('ana', 3);
    await syncInstallation('ben', 2);
    const pages: number[] = [];
    const result = await pullTeam(store, await cache(), {
      pageSize: 3,
      onProgress: (progress) => {
        if (progress.phase === 'listing') pages.push(progress.listed);
      },
    });
    // 5 records and 5 custody entries, 3 versions a page.
    expect(result.listing).toMatchObject({ pages: 4, listed: 10, fetched: 10 });
    expect(pages).toEqual([3, 6, 9, 10]);
    expect(result.blobsFetched).toBe(5);
    expect(
      result.checked.map((check) => [check.installationId, check.records.length, check.findings]),
    ).toEqual([
      ['ana', 3, []],
      ['ben', 2, []],
    ]);
    const snapshot = await readTeamSnapshot(db);
    expect(
      snapshot.installations.map((row) => [row.installationId, row.capturers, row.custodyEntries]),
    ).toEqual([
      ['ana', ['Admin ana'], 3],
      ['ben', ['Admin ben'], 2],
    ]);
    expect(snapshot.resumable).toBe(false);
    const ben = await listTeamRecords(db, { installationId: 'ben' });
    expect(ben.total).toBe(2);
    expect(ben.records[0]!.evidence.capturer).toBe('Admin ben');
    expect(await db.teamBlobs.count()).toBe(5);
  });

  it('fetches only what is new: nothing when nothing changed, one installation’s new objects after a sync', async () => {
    const idle = await pullTeam(store, await cache());
    expect(idle.listing.fetched).toBe(0);
    expect(idle.checked).toEqual([]);
    expect(idle.blobsFetched).toBe(0);

    await syncInstallation('ana', 1, {
      from: 4,
      chain: captureChain([...ana.evidence.map((e) => e.record.id), 'EV-ANA-000004']),
    });
    const next = await pullTeam(store, await cache());
    expect(next.listing.fetched).toBe(2); // the new record and its custody entry
    expect(next.blobsFetched).toBe(1);
    expect(next.checked.map((check) => [check.installationId, check.records.length, check.findings])).toEqual(
      [['ana', 4, []]],
    );
  });

  it('resumes a stopped pull from its remembered marker without fetching a version twice', async () => {
    await syncInstallation('cem', 4);
    const stop = new AbortController();
    await expect(
      pullTeam(store, await cache(), {
        pageSize: 5,
        signal: stop.signal,
        onProgress: (progress) => {
          if (progress.phase === 'listing' && progress.fetched > 0) stop.abort();
        },
      }),
    ).rejects.toThrow();
    const stopped = await readTeamSnapshot(db);
    expect(stopped.resumable).toBe(true);
    expect(stopped.installations.map((row) => row.installationId)).not.toContain('cem');
    const before = await db.teamVersions.count();

    const resumed = await pullTeam(store, await cache(), { pageSize: 5 });
    expect(before + resumed.listing.fetched).toBe(10 + 8 + 2); // every version, each fetched once
    expect(resumed.checked.map((check) => check.installationId)).toContain('cem');
    expect((await readTeamSnapshot(db)).resumable).toBe(false);
    expect((await listTeamRecords(db, { installationId: 'cem' })).total).toBe(4);
  });
});

describe('tampering in the team store, as the engine keeps it', () => {
  it('reports a record key given a new version through the S3 API and keeps the original out of coverage', async () => {
    const { evidence } = await syncInstallation('dan', 2);
    const key = recordKey(PREFIX, 'dan', evidence[0]!.record.id, 1);
    const forged = { ...evidence[0]!.record, effectiveDate: '2026-12-01', controls: ['A.8.13'] };
    expect((await store.request('PUT', key, '', {}, bytes(JSON.stringify(forged)))).status).toBe(200);
    const listed = await store.listVersions(key);
    expect(listed.versions.filter((version) => version.key === key)).toHaveLength(2);

    const result = await pullTeam(store, await cache());
    const dan = result.checked.find((check) => check.installationId === 'dan')!;
    expect(dan.findings).toEqual([
      expect.objectContaining({
        kind: 'conflicting-versions',
        where: key,
        evidenceId: evidence[0]!.record.id,
      }),
    ]);
    expect(dan.records.map((record) => record.evidenceId)).toEqual([evidence[1]!.record.id]);
    const row = (await readTeamSnapshot(db)).installations.find((r) => r.installationId === 'dan')!;
    expect(row.findings[0]!.sentence).toBe(
      `${key} has versions with different contents: history was rewritten.`,
    );
    expect(row.digest.ids).toEqual([`dan/${evidence[1]!.record.id}`]);
  });

  it('reports a blob whose bytes no longer match its key', async () => {
    const { evidence } = await syncInstallation('eve', 1);
    const key = blobKey(PREFIX, evidence[0]!.blobs[0]!.sha256);
    expect((await store.request('PUT', key, '', {}, bytes('forged bytes'))).status).toBe(200);
    const result = await pullTeam(store, await cache());
    const eve = result.checked.find((check) => check.installationId === 'eve')!;
    expect(eve.findings).toEqual([expect.objectContaining({ kind: 'blob-mismatch', where: key })]);
    expect(eve.records).toEqual([]);
    expect((await db.teamBlobs.get(evidence[0]!.blobs[0]!.sha256))?.data).toBeUndefined();
  });

  it('reports a gap in an installation’s custody chain and a delete marker on a record', async () => {
    await syncInstallation('fay', 3, { skipEntry: 2 });
    const { evidence } = await syncInstallation('gus', 1);
    const hidden = recordKey(PREFIX, 'gus', evidence[0]!.record.id, 1);
    // A plain DELETE on a locked bucket is allowed: it adds a delete marker and the locked version stays.
    expect((await store.request('DELETE', hidden)).status).toBe(204);
    const result = await pullTeam(store, await cache());
    const fay = result.checked.find((check) => check.installationId === 'fay')!;
    expect(fay.findings.map((finding) => finding.kind)).toContain('chain-gap');
    expect(fay.findings.find((f) => f.kind === 'chain-gap')!.sentence).toBe(
      'The custody chain of fay jumps from entry 1 to 3: entries are missing.',
    );
    expect(fay.records).toEqual([]);
    const gus = result.checked.find((check) => check.installationId === 'gus')!;
    expect(gus.findings).toEqual([expect.objectContaining({ kind: 'delete-marker', where: hidden })]);
  });
});
