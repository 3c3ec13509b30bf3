import { md5, toBase64 } from '../../utils/team-store/md5';
import { S3Store } from '../../utils/team-store/s3-client';
import type { LoopbackRgw } from './ceph-rgw';

/** An S3 client for one bucket of the loopback gateway, for tests that read and write the bucket directly. */
export function rgwStore(rgw: LoopbackRgw, bucket: string, prefix: string): S3Store {
  return new S3Store({
    endpoint: rgw.endpoint,
    region: 'us-east-1',
    bucket,
    prefix,
    pathStyle: true,
    accessKeyId: rgw.accessKeyId,
    secretAccessKey: rgw.secretAccessKey,
  });
}

/** Creates a bucket; a locked one gets Object Lock and a default retention of 1 day in COMPLIANCE mode. */
export async function createTestBucket(store: S3Store, locked: boolean): Promise<void> {
  const created = await store.request(
    'PUT',
    '',
    '',
    locked ? { 'x-amz-bucket-object-lock-enabled': 'true' } : {},
  );
  if (created.status !== 200) throw new Error(`creating ${store.config.bucket} answered ${created.status}`);
  if (!locked) return;
  const body = new TextEncoder().encode(
    '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>',
  );
  const set = await store.request('PUT', '', 'object-lock=', { 'content-md5': toBase64(md5(body)) }, body);
  if (set.status !== 200) throw new Error(`the lock rule on ${store.config.bucket} answered ${set.status}`);
}
