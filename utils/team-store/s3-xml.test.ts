import { describe, expect, it } from 'vitest';
import {
  parseError,
  parseListObjectVersions,
  parseListObjectsV2,
  parseObjectLockConfiguration,
} from './s3-xml';

describe('S3 XML answers', () => {
  it('reads a truncated ListObjectsV2 page and its continuation token', () => {
    const page = parseListObjectsV2(`<?xml version="1.0"?><ListBucketResult><IsTruncated>true</IsTruncated>
      <Contents><Key>p/a&amp;b.json</Key><Size>12</Size><ETag>&quot;abc&quot;</ETag></Contents>
      <Contents><Key>p/c.json</Key><Size>3</Size><ETag>"def"</ETag></Contents>
      <NextContinuationToken>tok/1=</NextContinuationToken></ListBucketResult>`);
    expect(page.objects).toEqual([
      { key: 'p/a&b.json', size: 12, etag: 'abc' },
      { key: 'p/c.json', size: 3, etag: 'def' },
    ]);
    expect(page.nextToken).toBe('tok/1=');
  });

  it('has no token on the last page', () => {
    expect(
      parseListObjectsV2('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>').nextToken,
    ).toBeUndefined();
  });

  it('reads versions and delete markers of ListObjectVersions', () => {
    const page = parseListObjectVersions(`<ListVersionsResult><IsTruncated>false</IsTruncated>
      <Version><Key>k</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest><LastModified>2026-12-03T08:00:00.000Z</LastModified><ETag>"e2"</ETag></Version>
      <Version><Key>k</Key><VersionId>v1</VersionId><IsLatest>false</IsLatest><LastModified>2026-12-02T08:00:00.000Z</LastModified><ETag>"e1"</ETag></Version>
      <DeleteMarker><Key>j</Key><VersionId>d1</VersionId><IsLatest>true</IsLatest><LastModified>2026-12-03T09:00:00.000Z</LastModified></DeleteMarker>
      </ListVersionsResult>`);
    expect(page.versions.map((v) => [v.key, v.versionId, v.isLatest, v.etag, v.deleteMarker])).toEqual([
      ['k', 'v2', true, 'e2', false],
      ['k', 'v1', false, 'e1', false],
      ['j', 'd1', true, '', true],
    ]);
  });

  it('reads the Object Lock configuration with and without default retention', () => {
    expect(
      parseObjectLockConfiguration(`<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>
        <Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>`),
    ).toEqual({ enabled: true, mode: 'COMPLIANCE', days: 30 });
    expect(
      parseObjectLockConfiguration(
        '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>',
      ),
    ).toEqual({ enabled: true, mode: undefined, days: undefined });
    expect(
      parseObjectLockConfiguration(
        '<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Years>2</Years></DefaultRetention></Rule>',
      ).days,
    ).toBe(730);
  });

  it('reads an error document', () => {
    expect(parseError('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')).toEqual({
      code: 'AccessDenied',
      message: 'Access Denied',
    });
    expect(parseError('')).toEqual({ code: '', message: '' });
  });
});
