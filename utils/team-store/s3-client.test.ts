import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3Store } from './s3-client';

// The contract with engines stricter than RGW 16 (AWS requires an integrity header on locked buckets): these
// headers go out on every upload, whether or not the engine checks them.

const config = {
  endpoint: 'https://s3.example.test',
  region: 'eu-central-1',
  bucket: 'acme-evidence',
  prefix: 'isms',
  pathStyle: false,
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret-never-sent',
};

function recording(response: () => Response) {
  const sent: Request[] = [];
  const store = new S3Store(config, async (request) => {
    sent.push(request);
    return response();
  });
  return { store, sent };
}

describe('S3 client contract', () => {
  const body = new TextEncoder().encode('evidence bytes');
  const md5Hex = createHash('md5').update(body).digest('hex');

  it('signs the payload hash and sends Content-MD5, x-amz-checksum-sha256 and If-None-Match on every PUT', async () => {
    const { store, sent } = recording(
      () => new Response(null, { status: 200, headers: { etag: `"${md5Hex}"`, 'x-amz-version-id': 'v1' } }),
    );
    expect(await store.putObject('isms/blobs/x', body)).toEqual({ versionId: 'v1', etag: md5Hex });
    const request = sent[0]!;
    expect(request.url).toBe('https://acme-evidence.s3.example.test/isms/blobs/x');
    expect(request.headers.get('x-amz-content-sha256')).toBe(createHash('sha256').update(body).digest('hex'));
    expect(request.headers.get('content-md5')).toBe(createHash('md5').update(body).digest('base64'));
    expect(request.headers.get('x-amz-checksum-sha256')).toBe(
      createHash('sha256').update(body).digest('base64'),
    );
    expect(request.headers.get('if-none-match')).toBe('*');
    const authorization = request.headers.get('authorization') ?? '';
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request/,
    );
    expect(authorization).toMatch(/SignedHeaders=[^,]*content-md5[^,]*x-amz-content-sha256/);
    expect(authorization).not.toContain('secret-never-sent');
  });

  it('refuses an upload whose returned ETag is not the MD5 of what was sent', async () => {
    const { store } = recording(() => new Response(null, { status: 200, headers: { etag: '"0000"' } }));
    await expect(store.putObject('isms/blobs/x', body)).rejects.toThrow(/different bytes/);
  });

  it('uses path-style URLs when asked', () => {
    const store = new S3Store({ ...config, pathStyle: true, endpoint: 'http://127.0.0.1:7480' });
    expect(store.url('isms/a b', 'versions=')).toBe(
      'http://127.0.0.1:7480/acme-evidence/isms/a%20b?versions=',
    );
  });

  it('reports a network failure as offline and an S3 error as its sentence', async () => {
    const offline = new S3Store(config, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.listObjects('isms/')).rejects.toThrow(/offline/);
    const { store } = recording(
      () => new Response('<Error><Code>RequestTimeTooSkewed</Code></Error>', { status: 403 }),
    );
    await expect(store.listObjects('isms/')).rejects.toThrow(/RequestTimeTooSkewed/);
  });
});
