import { AwsClient } from 'aws4fetch';
import { sha256Hex } from '../integrity/sha256';
import { integrityFailure, mapS3Failure, offlineFailure, type SyncFailure } from './errors';
import { md5, md5Blob, toBase64, toHex } from './md5';
import {
  parseError,
  parseListObjectVersions,
  parseListObjectsV2,
  parseObjectLockConfiguration,
} from './s3-xml';

/** Where the team store is and who this admin is there. The secret never leaves this object's signer. */
export interface StoreConfig {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  pathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

/** A request that failed, with the sentence the user reads. */
export class StoreError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.sentence);
  }
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type Fetch = (request: Request) => Promise<Response>;

export interface PutResult {
  versionId: string;
  etag: string;
}

/** S3 over fetch, signed with SigV4 by aws4fetch; retries are the queue's job, so the signer never retries. */
export class S3Store {
  private readonly signer: AwsClient;

  constructor(
    readonly config: StoreConfig,
    private readonly send: Fetch = (request) => fetch(request),
  ) {
    this.signer = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
      retries: 0,
    });
  }

  url(key: string, query = ''): string {
    const endpoint = new URL(this.config.endpoint);
    const path = key ? `/${key.split('/').map(encodeURIComponent).join('/')}` : '/';
    const base = this.config.pathStyle
      ? `${endpoint.origin}/${this.config.bucket}${path}`
      : `${endpoint.protocol}//${this.config.bucket}.${endpoint.host}${path}`;
    return query ? `${base}?${query}` : base;
  }

  /** Signs and sends; a rejected fetch is "offline", an error status becomes a StoreError with its sentence. */
  async request(
    method: string,
    key: string,
    query = '',
    headers: Record<string, string> = {},
    body?: Uint8Array | Blob,
    /** The body's SHA-256 when the caller has it already (an artifact's is its key). */
    bodySha256?: string,
  ) {
    const payloadHash = bodySha256 ?? (body ? await sha256Hex(body) : EMPTY_SHA256);
    const signed = await this.signer.sign(this.url(key, query), {
      method,
      headers: { ...headers, 'x-amz-content-sha256': payloadHash },
      // Always a Blob: Chromium uploads an ArrayBuffer body at a few MB/s (measured in the service worker:
      // 1.4 s for 3.5 MB), a Blob at the engine's speed (50 ms); an artifact's Blob from IndexedDB is sent
      // as it is, its bytes never copied into the worker.
      ...(body
        ? { body: body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : body }
        : {}),
    });
    let response: Response;
    try {
      response = await this.send(signed);
    } catch {
      throw new StoreError(offlineFailure());
    }
    return response;
  }

  private async fail(response: Response): Promise<never> {
    const { code } = parseError(await response.text().catch(() => ''));
    throw new StoreError(mapS3Failure({ status: response.status, code }, this.config.bucket));
  }

  /**
   * Writes an immutable object: Content-MD5 (checked by the engine), x-amz-checksum-sha256 (AWS requires an
   * integrity header on locked buckets), If-None-Match: * where the engine honours it, and the returned ETag
   * compared with the MD5 of what was sent. `sha256`, when given, is what the bytes must hash to (an
   * artifact's content address): it is signed as the payload hash, so the engine refuses bytes that do not
   * match it, and the body is not hashed here again. A Blob body is read for its MD5 a slice at a time.
   */
  async putObject(
    key: string,
    body: Uint8Array | Blob,
    contentType = 'application/octet-stream',
    sha256?: string,
  ): Promise<PutResult> {
    const digest = body instanceof Uint8Array ? md5(body) : await md5Blob(body);
    const payloadSha256 = sha256 ?? (await sha256Hex(body));
    const response = await this.request(
      'PUT',
      key,
      '',
      {
        'content-type': contentType,
        'content-md5': toBase64(digest),
        'x-amz-checksum-sha256': toBase64(hexBytes(payloadSha256)),
        'if-none-match': '*',
      },
      body,
      payloadSha256,
    );
    if (response.status === 412) return this.existing(key);
    if (!response.ok) return this.fail(response);
    const etag = (response.headers.get('etag') ?? '').replace(/"/g, '');
    if (etag !== toHex(digest)) throw new StoreError(integrityFailure());
    return { versionId: response.headers.get('x-amz-version-id') ?? '', etag };
  }

  /** The object already there (a HEAD), or undefined. */
  async headObject(key: string): Promise<PutResult | undefined> {
    const response = await this.request('HEAD', key);
    if (response.status === 404) return undefined;
    if (!response.ok) return this.fail(response);
    return {
      versionId: response.headers.get('x-amz-version-id') ?? '',
      etag: (response.headers.get('etag') ?? '').replace(/"/g, ''),
    };
  }

  private async existing(key: string): Promise<PutResult> {
    const found = await this.headObject(key);
    if (!found) throw new StoreError(integrityFailure());
    return found;
  }

  /** Content-addressed blobs are uploaded once, whoever captured them: HEAD first. */
  async putBlobOnce(key: string, body: Uint8Array | Blob): Promise<PutResult> {
    return (await this.headObject(key)) ?? this.putObject(key, body);
  }

  async getObject(key: string, versionId?: string): Promise<Uint8Array> {
    const response = await this.request(
      'GET',
      key,
      versionId ? `versionId=${encodeURIComponent(versionId)}` : '',
    );
    if (!response.ok) return this.fail(response);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** The latest version's bytes, or undefined when the store has no such key. */
  async getObjectIfExists(key: string): Promise<Uint8Array | undefined> {
    const response = await this.request('GET', key);
    if (response.status === 404) return undefined;
    if (!response.ok) return this.fail(response);
    return new Uint8Array(await response.arrayBuffer());
  }

  async deleteVersion(key: string, versionId: string): Promise<number> {
    const response = await this.request('DELETE', key, `versionId=${encodeURIComponent(versionId)}`);
    return response.status;
  }

  async listObjects(prefix: string, continuationToken?: string) {
    const query = [
      'list-type=2',
      `prefix=${encodeURIComponent(prefix)}`,
      ...(continuationToken ? [`continuation-token=${encodeURIComponent(continuationToken)}`] : []),
    ].join('&');
    const response = await this.request('GET', '', query);
    if (!response.ok) return this.fail(response);
    return parseListObjectsV2(await response.text());
  }

  /** One page of every version (and delete marker) under the prefix; pass the page's markers to go on. */
  async listVersions(prefix: string, keyMarker?: string, versionIdMarker?: string, maxKeys?: number) {
    const query = [
      ...(keyMarker ? [`key-marker=${encodeURIComponent(keyMarker)}`] : []),
      ...(maxKeys ? [`max-keys=${maxKeys}`] : []),
      `prefix=${encodeURIComponent(prefix)}`,
      ...(keyMarker && versionIdMarker ? [`version-id-marker=${encodeURIComponent(versionIdMarker)}`] : []),
      'versions=',
    ].join('&');
    const response = await this.request('GET', '', query);
    if (!response.ok) return this.fail(response);
    return parseListObjectVersions(await response.text());
  }

  /** The bucket's Object Lock configuration; a bucket without one reads as "not enabled". */
  async lockConfiguration() {
    const response = await this.request('GET', '', 'object-lock=');
    if (response.status === 404) {
      const { code } = parseError(await response.text());
      if (code === 'NoSuchBucket')
        throw new StoreError(mapS3Failure({ status: 404, code }, this.config.bucket));
      return { enabled: false, mode: undefined, days: undefined };
    }
    if (!response.ok) return this.fail(response);
    return parseObjectLockConfiguration(await response.text());
  }
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
