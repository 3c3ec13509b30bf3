import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blobKey, recordKey } from '@/utils/team-store/keys';
import { probeWriteOnce } from '@/utils/team-store/probe';
import { S3Store, type StoreConfig } from '@/utils/team-store/s3-client';
import { verifyBlob, verifyVersions } from '@/utils/team-store/verify';
import { rgwAdmin } from '../support/ceph-rgw';

// Against the real engine (a loopback Ceph RGW started by the global setup): Object Lock, versions and
// refusals come from Ceph itself.

const rgw = inject('rgw');
const config = (bucket: string): StoreConfig => ({
  endpoint: rgw.endpoint,
  region: 'us-east-1',
  bucket,
  prefix: 'acme/isms',
  pathStyle: true,
  accessKeyId: rgw.accessKeyId,
  secretAccessKey: rgw.secretAccessKey,
});
const bytes = (text: string) => new TextEncoder().encode(text);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Creates a bucket the way an administrator would: with Object Lock and a COMPLIANCE default retention. */
async function createBucket(store: S3Store, locked: boolean): Promise<void> {
  const made = await store.request(
    'PUT',
    '',
    '',
    locked ? { 'x-amz-bucket-object-lock-enabled': 'true' } : {},
  );
  expect(made.status).toBe(200);
  if (!locked) return;
  const rule = bytes(
    '<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled>' +
      '<Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>',
  );
  const set = await store.request('PUT', '', 'object-lock=', {}, rule);
  expect(set.status).toBe(200);
}

const locked = new S3Store(config('team-locked'));
const unlocked = new S3Store(config('team-unlocked'));

beforeAll(async () => {
  await createBucket(locked, true);
  await createBucket(unlocked, false);
});

afterAll(() => {
  // Locked objects cannot be deleted through S3: purge out of band so a reused cluster starts clean.
  for (const bucket of ['team-locked', 'team-unlocked']) {
    rgwAdmin(rgw, ['bucket', 'rm', `--bucket=${bucket}`, '--purge-objects']);
  }
});

describe('the write-once probe', () => {
  it('passes on a bucket with Object Lock and default retention', async () => {
    const result = await probeWriteOnce(locked);
    expect(result).toMatchObject({ tamperProof: true, mode: 'COMPLIANCE', days: 1, reasons: [] });
    expect(result.summary).toMatch(/Tamper-proof: .*1 days in COMPLIANCE mode/);
  });

  it('refuses a bucket without Object Lock, in words', async () => {
    const result = await probeWriteOnce(unlocked);
    expect(result.tamperProof).toBe(false);
    expect(result.summary).toBe('Not tamper-proof');
    expect(result.reasons.join(' ')).toMatch(/Object Lock is not enabled/);
    expect(result.reasons.join(' ')).toMatch(/let a delete .* through/);
  });
});

describe('evidence in a locked bucket', () => {
  it('refuses the delete of a locked version (the engine says 403)', async () => {
    const key = recordKey('acme/isms', 'inst-a', 'ev-1', 1);
    const put = await locked.putObject(key, bytes('{"revision":1}'), 'application/json');
    expect(put.versionId).not.toBe('');
    expect(await locked.deleteVersion(key, put.versionId)).toBe(403);
    expect(new TextDecoder().decode(await locked.getObject(key, put.versionId))).toBe('{"revision":1}');
  });

  it('uploads a blob once, lists it and pulls back the same bytes', async () => {
    const blob = bytes('pretend PNG bytes');
    const key = blobKey('acme/isms', sha(blob));
    const first = await locked.putBlobOnce(key, blob);
    const second = await locked.putBlobOnce(key, blob);
    expect(second.versionId).toBe(first.versionId);
    const listed = await locked.listObjects('acme/isms/blobs/');
    expect(listed.objects.map((object) => object.key)).toContain(key);
    const pulled = await locked.getObject(key);
    expect(verifyBlob({ key, sha256: sha(blob), actualSha256: sha(pulled) })).toEqual([]);
    const versions = await locked.listVersions(key);
    expect(versions.versions.filter((version) => version.key === key)).toHaveLength(1);
  });

  it('sends an artifact as a Blob under its SHA-256, and the engine refuses bytes that do not match it', async () => {
    const png = bytes('artifact bytes read from IndexedDB '.repeat(40_000));
    const key = blobKey('acme/isms', sha(png));
    const put = await locked.putObject(key, new Blob([png]), undefined, sha(png));
    expect(put.etag).toBe(createHash('md5').update(png).digest('hex'));
    expect(sha(await locked.getObject(key, put.versionId))).toBe(sha(png));
    // Damaged bytes here (one byte changed) under the same content address: the signed payload hash is the
    // key's, so the engine says no and nothing is written under that key.
    const damaged = png.slice();
    damaged[7] = damaged[7]! ^ 1;
    const damagedKey = blobKey('acme/isms', sha(bytes('never stored')));
    await expect(
      locked.putObject(damagedKey, new Blob([damaged]), undefined, sha(bytes('never stored'))),
    ).rejects.toThrow(/different bytes|integrity|match/i);
    expect(await locked.headObject(damagedKey)).toBeUndefined();
  });

  it('detects a record rewritten directly through the S3 API as tampering', async () => {
    const key = recordKey('acme/isms', 'inst-a', 'ev-2', 1);
    const original = await locked.putObject(key, bytes('{"notes":"original"}'), 'application/json');
    // The attacker's write: a plain signed PUT without If-None-Match makes a new version of the same key.
    const forged = await locked.request('PUT', key, '', {}, bytes('{"notes":"forged"}'));
    expect(forged.status).toBe(200);
    const listing = await locked.listVersions(key);
    const versions = await Promise.all(
      listing.versions
        .filter((version) => version.key === key)
        .map(async (version) => ({
          ...version,
          sha256: sha(await locked.getObject(key, version.versionId)),
        })),
    );
    expect(versions).toHaveLength(2);
    const problems = verifyVersions({ key, versions });
    expect(problems).toEqual([expect.objectContaining({ kind: 'conflicting-versions', where: key })]);
    // The original version is still there, byte for byte.
    expect(new TextDecoder().decode(await locked.getObject(key, original.versionId))).toBe(
      '{"notes":"original"}',
    );
  });

  it('maps a wrong secret to the credentials sentence', async () => {
    const wrong = new S3Store({ ...config('team-locked'), secretAccessKey: 'not-the-secret' });
    await expect(wrong.listObjects('acme/')).rejects.toThrow(/refused the access key/);
  });
});
