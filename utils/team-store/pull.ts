import { sha256Hex } from '../integrity/sha256';
import { blobKey, installationsRoot, parseKey, type ParsedKey } from './keys';
import type { ListedVersion, VersionPage } from './s3-xml';
import { applyBlobChecks, checkInstallation, type BlobCheck, type InstallationCheck } from './team-verify';

// The compliance lead's pull: every version of every installation's record and custody objects, listed with
// ListObjectVersions a page at a time. The marker after each page is remembered, so a pull that stops (the
// page closed, the network gone) resumes where it stopped, and a version already cached is never fetched
// again: only new versions' bodies travel. A completed pass starts the next one from the beginning, because
// S3 lists by key, not by time — a forged version of an old key is only seen by listing that key again.

/** What the pull needs of the store; `S3Store` is one. */
export interface PullSource {
  readonly config: { prefix: string };
  listVersions(
    prefix: string,
    keyMarker?: string,
    versionIdMarker?: string,
    maxKeys?: number,
  ): Promise<VersionPage>;
  getObject(key: string, versionId?: string): Promise<Uint8Array>;
}

/** Where the listing stopped: the next page starts after this key and version. */
export interface PullMarker {
  keyMarker: string;
  versionIdMarker: string | undefined;
}

export type LayoutKey = Extract<ParsedKey, { kind: 'record' | 'custody' }>;

/** One stored version of a record or custody object, as the cache keeps it. */
export interface CachedVersion {
  /** `<key>#<versionId>`: the cache's primary key. */
  id: string;
  key: string;
  versionId: string;
  lastModified: string;
  installationId: string;
  kind: 'record' | 'custody';
  /** What the key names (evidence and revision, or sequence and entry hash). */
  name: LayoutKey;
  /** A delete marker hides a key from plain listings; a locked version stays under it. */
  deleteMarker: boolean;
  /** SHA-256 of the body as the store returned it; empty for a delete marker. */
  sha256: string;
  /** The body parsed as JSON; undefined when it is not JSON (or for a delete marker). */
  body: unknown;
}

/** What the pull reads and writes of its cache; storage/team-cache.ts is the IndexedDB one. */
export interface PullCache {
  readMarker(): Promise<PullMarker | undefined>;
  /** The subset of these version ids (`<key>#<versionId>`) already cached. */
  cachedVersionIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Stores one page's new versions with the marker to resume after it (undefined: the pass is complete), in
   * one transaction, so a stopped pull never skips a page. The installations of the versions saved are marked
   * for verification until `verifyPulled` has checked them again.
   */
  savePage(versions: readonly CachedVersion[], marker: PullMarker | undefined): Promise<void>;
}

export interface PullProgress {
  pages: number;
  listed: number;
  fetched: number;
}

export interface PullOptions {
  /** Versions per listing page (S3's maximum and default is 1000). */
  pageSize?: number;
  /** GETs in flight at once. */
  concurrency?: number;
  onProgress?: (progress: PullProgress) => void;
  signal?: AbortSignal;
}

export interface ListingResult extends PullProgress {
  /** Installations with a version new to the cache in this run of the listing. */
  changedInstallations: string[];
}

/**
 * GETs in flight at once. The engine, not the client, is what limits a pull of small objects: more requests in
 * flight keep its threads busy while each one waits on its OSD. (A browser sends at most six at a time over
 * HTTP/1.1 per origin; the rest wait in its queue, which costs nothing.)
 */
export const PULL_CONCURRENCY = 24;

/** Blob checks written to the cache per transaction. */
const BLOB_BATCH = 1000;

export const versionId = (key: string, version: string): string => `${key}#${version}`;

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of the results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

async function fetchVersion(
  source: PullSource,
  listed: ListedVersion,
  parsed: LayoutKey,
): Promise<CachedVersion> {
  const base = {
    id: versionId(listed.key, listed.versionId),
    key: listed.key,
    versionId: listed.versionId,
    lastModified: listed.lastModified,
    installationId: parsed.installationId,
    kind: parsed.kind,
    name: parsed,
  };
  if (listed.deleteMarker) return { ...base, deleteMarker: true, sha256: '', body: undefined };
  const bytes = await source.getObject(listed.key, listed.versionId);
  return { ...base, deleteMarker: false, sha256: await sha256Hex(bytes), body: parseJson(bytes) };
}

/**
 * Lists every version under `<prefix>/installations/` from the remembered marker on, fetches the bodies of
 * the versions the cache lacks, and stores them page by page with the marker after each page.
 */
export async function pullListing(
  source: PullSource,
  cache: PullCache,
  options: PullOptions = {},
): Promise<ListingResult> {
  const { pageSize = 1000, concurrency = PULL_CONCURRENCY, onProgress, signal } = options;
  const prefix = source.config.prefix;
  const root = installationsRoot(prefix);
  let marker = await cache.readMarker();
  const progress: PullProgress = { pages: 0, listed: 0, fetched: 0 };
  const changed = new Set<string>();
  const list = (from: PullMarker | undefined) =>
    source.listVersions(root, from?.keyMarker, from?.versionIdMarker, pageSize);
  signal?.throwIfAborted();
  let listing = list(marker);
  for (;;) {
    const page = await listing;
    const next: PullMarker | undefined =
      page.nextKeyMarker === undefined
        ? undefined
        : { keyMarker: page.nextKeyMarker, versionIdMarker: page.nextVersionIdMarker };
    // The next page is listed while this one's bodies travel; it is only saved after this page.
    if (next !== undefined) {
      listing = list(next);
      listing.catch(() => undefined);
    }
    const inLayout = page.versions.flatMap((listed) => {
      const parsed = parseKey(prefix, listed.key);
      return parsed && parsed.kind !== 'blob' ? [{ listed, parsed }] : [];
    });
    const cached = await cache.cachedVersionIds(
      inLayout.map(({ listed }) => versionId(listed.key, listed.versionId)),
    );
    const fresh = inLayout.filter(({ listed }) => !cached.has(versionId(listed.key, listed.versionId)));
    const fetched = await mapLimited(fresh, concurrency, ({ listed, parsed }) => {
      signal?.throwIfAborted();
      return fetchVersion(source, listed, parsed);
    });
    for (const version of fetched) changed.add(version.installationId);
    signal?.throwIfAborted();
    await cache.savePage(fetched, next);
    progress.pages += 1;
    progress.listed += page.versions.length;
    progress.fetched += fetched.length;
    onProgress?.({ ...progress });
    if (next === undefined) break;
    marker = next;
    signal?.throwIfAborted();
  }
  return { ...progress, changedInstallations: [...changed].sort() };
}

/** The whole cache the team pull works on: the listing's part, and what verification reads and writes. */
export interface TeamCache extends PullCache {
  /** Installations with versions saved since they were last verified. */
  changedInstallations(): Promise<string[]>;
  installationVersions(installationId: string): Promise<CachedVersion[]>;
  /** What earlier pulls learnt of these blobs; a blob not in the map has not been fetched yet. */
  blobChecks(sha256s: readonly string[]): Promise<Map<string, BlobCheck>>;
  /** Keeps a fetched blob's check, and its bytes when they match their key (what a team bundle is made of). */
  saveBlob(check: BlobCheck, bytes: Uint8Array | undefined): Promise<void>;
  /** The same for many blobs, in one transaction. */
  saveBlobs(blobs: readonly { check: BlobCheck; bytes: Uint8Array | undefined }[]): Promise<void>;
  /** Replaces the installation's records, custody and findings with this check, and clears its change mark. */
  saveInstallation(check: InstallationCheck, checkedAt: string): Promise<void>;
}

export interface TeamPullSource extends PullSource {
  getObjectIfExists(key: string): Promise<Uint8Array | undefined>;
}

export interface TeamPullProgress extends PullProgress {
  phase: 'listing' | 'verifying';
  installationsChecked: number;
  installationsToCheck: number;
  blobsFetched: number;
}

export interface TeamPullResult {
  listing: ListingResult;
  checked: InstallationCheck[];
  blobsFetched: number;
}

/**
 * Fetches each blob the records name once (content-addressed: the same bytes serve every installation) and
 * hashes it against its key. Bytes that do not match are never kept.
 */
async function checkBlobs(
  source: TeamPullSource,
  cache: TeamCache,
  sha256s: readonly string[],
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<{ checks: Map<string, BlobCheck>; fetched: number }> {
  const unique = [...new Set(sha256s)];
  const checks = await cache.blobChecks(unique);
  const missing = unique.filter((sha256) => !checks.has(sha256));
  // Fetched in slices, each slice's checks (and the bytes that match) saved in one transaction.
  for (let start = 0; start < missing.length; start += BLOB_BATCH) {
    signal?.throwIfAborted();
    const slice = missing.slice(start, start + BLOB_BATCH);
    const fetched = await mapLimited(slice, concurrency, async (sha256) => {
      const key = blobKey(source.config.prefix, sha256);
      const bytes = await source.getObjectIfExists(key);
      const check: BlobCheck = { sha256, key, actualSha256: bytes ? await sha256Hex(bytes) : undefined };
      checks.set(sha256, check);
      return { check, bytes: bytes && check.actualSha256 === sha256 ? bytes : undefined };
    });
    await cache.saveBlobs(fetched);
  }
  return { checks, fetched: missing.length };
}

/**
 * One pull: the listing from the remembered marker, then verification of every installation that has new
 * versions — custody chain, key versions, record bodies, and every artifact's bytes against its SHA-256.
 * What fails is stored as findings and kept out of the team view; nothing is merged silently.
 */
export async function pullTeam(
  source: TeamPullSource,
  cache: TeamCache,
  options: Omit<PullOptions, 'onProgress'> & {
    onProgress?: (progress: TeamPullProgress) => void;
    now?: () => Date;
  } = {},
): Promise<TeamPullResult> {
  const { onProgress, now = () => new Date(), concurrency = PULL_CONCURRENCY, signal } = options;
  const base = { installationsChecked: 0, installationsToCheck: 0, blobsFetched: 0 };
  const listing = await pullListing(source, cache, {
    ...options,
    onProgress: (progress) => onProgress?.({ ...progress, ...base, phase: 'listing' }),
  });
  const changed = await cache.changedInstallations();
  const checked: InstallationCheck[] = [];
  let blobsFetched = 0;
  for (const installationId of changed) {
    signal?.throwIfAborted();
    const check = checkInstallation(installationId, await cache.installationVersions(installationId));
    const blobs = await checkBlobs(
      source,
      cache,
      check.records.flatMap((record) => record.artifacts.map((artifact) => artifact.sha256)),
      concurrency,
      signal,
    );
    blobsFetched += blobs.fetched;
    const final = applyBlobChecks(check, blobs.checks);
    await cache.saveInstallation(final, now().toISOString());
    checked.push(final);
    onProgress?.({
      ...listing,
      phase: 'verifying',
      installationsChecked: checked.length,
      installationsToCheck: changed.length,
      blobsFetched,
    });
  }
  return { listing, checked, blobsFetched };
}
