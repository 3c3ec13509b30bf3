import { describe, expect, it } from 'vitest';
import { checkStructure, DEFAULT_LIMITS, unsafeName, type EntryInfo } from './entry-checks';

const entry = (filename: string, extra: Partial<EntryInfo> = {}): EntryInfo => ({
  filename,
  directory: filename.endsWith('/'),
  symlink: false,
  externalFileAttributes: 0o100644 << 16,
  compressedSize: 10,
  uncompressedSize: 10,
  ...extra,
});

describe('unsafeName', () => {
  it.each([
    ['bag/data/index.html', null],
    ['bag/data/', null],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/evil.dll', 'is an absolute path'],
    ['bag/../evil', 'contains a ".." segment that would escape the folder'],
    ['..', 'contains a ".." segment that would escape the folder'],
    ['bag\\..\\evil', 'contains a backslash (a path separator on Windows)'],
    ['bag//x', 'contains an empty or "." path segment'],
    ['bag/./x', 'contains an empty or "." path segment'],
    ['bag/x\u0000.png', 'contains control characters'],
    ['', 'has an empty name'],
  ])('%j', (name, problem) => {
    expect(unsafeName(name)).toBe(problem);
  });
});

describe('checkStructure', () => {
  it('finds the one folder of a well-formed bag', () => {
    expect(
      checkStructure([entry('bag/'), entry('bag/bagit.txt'), entry('bag/data/x')], DEFAULT_LIMITS),
    ).toEqual({ problems: [], root: 'bag' });
  });

  it('treats the Unix file type S_IFLNK as a link even without zip.js flagging it', () => {
    const { problems } = checkStructure(
      [entry('bag/link', { externalFileAttributes: 0o120777 << 16 })],
      DEFAULT_LIMITS,
    );
    expect(problems).toEqual(['Unsafe entry "bag/link": it is a symbolic link.']);
  });

  it('holds large entries to the compression ratio, small ones not', () => {
    const limits = { ...DEFAULT_LIMITS, ratioCheckMinBytes: 1000 };
    expect(
      checkStructure([entry('bag/small', { compressedSize: 1, uncompressedSize: 999 })], limits).problems,
    ).toEqual([]);
    expect(
      checkStructure([entry('bag/big', { compressedSize: 10, uncompressedSize: 1000 })], limits).problems,
    ).toEqual([]);
    expect(
      checkStructure([entry('bag/bomb', { compressedSize: 9, uncompressedSize: 1000 })], {
        ...limits,
        maxCompressionRatio: 100,
      }).problems,
    ).toEqual(['Entry "bag/bomb" expands 111:1 (9 to 1000 bytes), which looks like a zip bomb.']);
  });

  it('refuses an empty zip', () => {
    expect(checkStructure([], DEFAULT_LIMITS)).toEqual({ problems: ['The zip is empty.'], root: null });
  });
});
