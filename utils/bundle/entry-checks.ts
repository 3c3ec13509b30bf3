/**
 * Checks a zip's entry list before a single byte of content is read: unsafe names, links, duplicates,
 * the one-folder layout and the sizes a zip bomb would declare. Each problem names the entry.
 */
import { importProblemText as t } from '../text';

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
  if (filename === '') return t.emptyName;
  if (filename.includes('\\')) return t.backslash;
  if ([...filename].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return t.controlCharacters;
  if (filename.startsWith('/') || /^[A-Za-z]:/.test(filename)) return t.absolutePath;
  const segments = filename.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return t.dotDot;
  if (segments.some((segment) => segment === '' || segment === '.')) return t.emptySegment;
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
      problems.push(t.unsafeEntry(name, unsafe));
      continue;
    }
    if (isSymlink(entry)) problems.push(t.symlink(name));
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(earlier === name ? t.duplicate(name) : t.collision(name, earlier));
    }
    seen.set(key, name);
    const segments = name.replace(/\/$/, '').split('/');
    if (segments.length === 1 && !entry.directory) problems.push(t.outsideFolder(name));
    roots.add(segments[0]!);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      problems.push(t.entryTooLarge(name, entry.uncompressedSize, limits.maxEntryBytes));
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      problems.push(t.expands(name, Math.round(ratio), entry.compressedSize, entry.uncompressedSize));
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    problems.push(t.totalTooLarge(total, limits.maxTotalBytes));
  }
  if (roots.size > 1) {
    const listed = [...roots].slice(0, 5).map((root) => `"${root}"`);
    problems.push(t.severalRoots(roots.size, `${listed.join(', ')}${roots.size > 5 ? ', …' : ''}`));
  }
  if (entries.length === 0) problems.push(t.emptyZip);
  return { problems, root: roots.size === 1 ? ([...roots][0] ?? null) : null };
}
