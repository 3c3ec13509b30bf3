/**
 * Checks a zip's entry list before a single byte of content is read: unsafe names, links, duplicates,
 * the one-folder layout and the sizes a zip bomb would declare. Each problem names the entry.
 */

export interface BundleLimits {
  maxEntries: number;
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which a large entry looks like a zip bomb. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny text files compress very well). */
  ratioCheckMinBytes: number;
  /** Largest tag file, record.json or custody log the verifier reads into memory. */
  maxTextBytes: number;
}

const GiB = 1024 ** 3;
export const DEFAULT_LIMITS: BundleLimits = {
  maxEntries: 500_000,
  maxEntryBytes: 4 * GiB,
  maxTotalBytes: 64 * GiB,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 ** 2,
  maxTextBytes: 256 * 1024 ** 2,
};

/** What the checks need of a zip entry (zip.js's Entry has all of it). */
export interface EntryInfo {
  filename: string;
  directory: boolean;
  symlink: boolean;
  externalFileAttributes: number;
  compressedSize: number;
  uncompressedSize: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The problem with an entry's name, or null when it is a plain relative path. */
export function unsafeName(filename: string): string | null {
  if (filename === '') return 'has an empty name';
  if (filename.includes('\\')) return 'contains a backslash (a path separator on Windows)';
  if ([...filename].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return 'contains control characters';
  if (filename.startsWith('/') || /^[A-Za-z]:/.test(filename)) return 'is an absolute path';
  const segments = filename.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'contains a ".." segment that would escape the folder';
  if (segments.some((segment) => segment === '' || segment === '.'))
    return 'contains an empty or "." path segment';
  return null;
}

export function isSymlink(entry: EntryInfo): boolean {
  return entry.symlink || ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** Names that collide on case-insensitive or normalising file systems (Windows, macOS). */
function collisionKey(filename: string): string {
  return filename.replace(/\/$/, '').normalize('NFC').toLowerCase();
}

export interface StructureResult {
  problems: string[];
  /** The one top-level folder, when there is exactly one. */
  root: string | null;
}

export function checkStructure(entries: readonly EntryInfo[], limits: BundleLimits): StructureResult {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const roots = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const name = entry.filename;
    const unsafe = unsafeName(name);
    if (unsafe) {
      problems.push(`Unsafe entry "${name}": it ${unsafe}.`);
      continue;
    }
    if (isSymlink(entry)) problems.push(`Unsafe entry "${name}": it is a symbolic link.`);
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        earlier === name
          ? `Duplicate entry "${name}": the zip holds it more than once.`
          : `Duplicate entry "${name}": it collides with "${earlier}" on case-insensitive file systems.`,
      );
    }
    seen.set(key, name);
    const segments = name.replace(/\/$/, '').split('/');
    if (segments.length === 1 && !entry.directory)
      problems.push(`Entry "${name}" lies outside the bundle folder.`);
    roots.add(segments[0]!);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      problems.push(
        `Entry "${name}" declares ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxEntryBytes}.`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      problems.push(
        `Entry "${name}" expands ${Math.round(ratio)}:1 (${entry.compressedSize} to ${entry.uncompressedSize} bytes), which looks like a zip bomb.`,
      );
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    problems.push(
      `The zip declares ${total} bytes in all, more than the limit of ${limits.maxTotalBytes}: it looks like a zip bomb.`,
    );
  }
  if (roots.size > 1) {
    const listed = [...roots].slice(0, 5).map((root) => `"${root}"`);
    problems.push(
      `The zip holds ${roots.size} top-level entries (${listed.join(', ')}${roots.size > 5 ? ', …' : ''}); a bundle holds one folder.`,
    );
  }
  if (entries.length === 0) problems.push('The zip is empty.');
  return { problems, root: roots.size === 1 ? ([...roots][0] ?? null) : null };
}
