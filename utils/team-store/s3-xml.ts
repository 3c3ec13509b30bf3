// S3 answers in XML. utils/ runs without a DOM, and S3's documents are flat and machine-written, so a few
// tag readers suffice; every value is entity-decoded once.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The inner XML of every `<tag>…</tag>` in `xml`, in document order. */
export function elements(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1]!);
}

/** The decoded text of the first `<tag>`, or undefined. */
export function text(xml: string, tag: string): string | undefined {
  const inner = elements(xml, tag)[0];
  return inner === undefined ? undefined : decode(inner.trim());
}

export interface S3Error {
  code: string;
  message: string;
}

export function parseError(xml: string): S3Error {
  return { code: text(xml, 'Code') ?? '', message: text(xml, 'Message') ?? '' };
}

export interface ListedObject {
  key: string;
  size: number;
  etag: string;
}

export interface ObjectPage {
  objects: ListedObject[];
  /** Present when the listing continues: pass it as the next page's continuation token. */
  nextToken: string | undefined;
}

const unquote = (etag: string): string => etag.replace(/^"|"$/g, '');

export function parseListObjectsV2(xml: string): ObjectPage {
  const objects = elements(xml, 'Contents').map((entry) => ({
    key: text(entry, 'Key') ?? '',
    size: Number(text(entry, 'Size') ?? 0),
    etag: unquote(text(entry, 'ETag') ?? ''),
  }));
  const truncated = text(xml, 'IsTruncated') === 'true';
  return { objects, nextToken: truncated ? text(xml, 'NextContinuationToken') : undefined };
}

export interface ListedVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  lastModified: string;
  etag: string;
  deleteMarker: boolean;
}

export interface VersionPage {
  versions: ListedVersion[];
  nextKeyMarker: string | undefined;
  nextVersionIdMarker: string | undefined;
}

function version(entry: string, deleteMarker: boolean): ListedVersion {
  return {
    key: text(entry, 'Key') ?? '',
    versionId: text(entry, 'VersionId') ?? '',
    isLatest: text(entry, 'IsLatest') === 'true',
    lastModified: text(entry, 'LastModified') ?? '',
    etag: unquote(text(entry, 'ETag') ?? ''),
    deleteMarker,
  };
}

export function parseListObjectVersions(xml: string): VersionPage {
  const versions = [
    ...elements(xml, 'Version').map((entry) => version(entry, false)),
    ...elements(xml, 'DeleteMarker').map((entry) => version(entry, true)),
  ];
  const truncated = text(xml, 'IsTruncated') === 'true';
  return {
    versions,
    nextKeyMarker: truncated ? text(xml, 'NextKeyMarker') : undefined,
    nextVersionIdMarker: truncated ? text(xml, 'NextVersionIdMarker') : undefined,
  };
}

export interface LockConfiguration {
  enabled: boolean;
  /** Default retention, when the bucket has one. */
  mode: 'COMPLIANCE' | 'GOVERNANCE' | undefined;
  days: number | undefined;
}

export function parseObjectLockConfiguration(xml: string): LockConfiguration {
  const mode = text(xml, 'Mode');
  const days = text(xml, 'Days');
  const years = text(xml, 'Years');
  return {
    enabled: text(xml, 'ObjectLockEnabled') === 'Enabled',
    mode: mode === 'COMPLIANCE' || mode === 'GOVERNANCE' ? mode : undefined,
    days: days !== undefined ? Number(days) : years !== undefined ? Number(years) * 365 : undefined,
  };
}
