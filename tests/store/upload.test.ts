import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sealEntry } from '@/utils/integrity/custody';
import { uploadEvidence } from '@/utils/team-store/upload';
import { S3Store } from '@/utils/team-store/s3-client';
import { verifyVersions } from '@/utils/team-store/verify';

const rgw = inject('rgw');
const store = new S3Store({
  endpoint: rgw.endpoint,
  region: 'us-east-1',
  bucket: 'team-upload',
  prefix: 'acme',
  pathStyle: true,
  accessKeyId: rgw.accessKeyId,
  secretAccessKey: rgw.secretAccessKey,
});
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  expect((await store.request('PUT', '', '', { 'x-amz-bucket-object-lock-enabled': 'true' })).status).toBe(
    200,
  );
});

describe('uploading one evidence revision', () => {
  it('writes blobs, custody and the record, and a repeat after a lost answer leaves no conflicting versions', async () => {
    const png = new TextEncoder().encode('pixels');
    const entry = sealEntry(
      { at: '2026-12-03T08:00:00Z', event: 'capture', evidenceId: 'EV-1', actor: 'ana', details: {} },
      undefined,
    );
    const upload = {
      installationId: 'inst-a',
      evidenceId: 'EV-1',
      revision: 1,
      record: { id: 'EV-1', title: 'Backup policy' },
      blobs: [{ sha256: sha(png), bytes: png }],
      custody: [entry],
    };
    const first = await uploadEvidence(store, upload);
    expect(Object.keys(first)).toHaveLength(3);
    const again = await uploadEvidence(store, upload);
    expect(again[`acme/blobs/sha256/${sha(png)}`]).toBe(first[`acme/blobs/sha256/${sha(png)}`]);

    const listing = await store.listVersions('acme/');
    for (const key of Object.keys(first)) {
      const versions = await Promise.all(
        listing.versions
          .filter((version) => version.key === key)
          .map(async (version) => ({
            ...version,
            sha256: sha(await store.getObject(key, version.versionId)),
          })),
      );
      expect(versions.length).toBeGreaterThan(0);
      expect(verifyVersions({ key, versions })).toEqual([]);
    }
  });
});
