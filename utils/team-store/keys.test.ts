import { describe, expect, it } from 'vitest';
import { blobKey, custodyKey, normalisePrefix, parseKey, recordKey } from './keys';

const hex = 'a'.repeat(64);

describe('team store object keys', () => {
  it('lays out blobs, records and custody entries under the prefix', () => {
    expect(blobKey('acme/isms/', hex)).toBe(`acme/isms/blobs/sha256/${hex}`);
    expect(recordKey('acme', 'inst-1', 'ev-42', 3)).toBe('acme/installations/inst-1/records/ev-42/3.json');
    expect(custodyKey('', 'inst-1', 7, hex)).toBe(`installations/inst-1/custody/000000000007-${hex}.json`);
  });

  it('pads sequences so a lexicographic listing is the chain order', () => {
    const keys = [10, 9, 100].map((sequence) => custodyKey('p', 'i', sequence, hex)).sort();
    expect(keys.map((key) => parseKey('p', key))).toEqual(
      [9, 10, 100].map((sequence) => ({
        kind: 'custody',
        installationId: 'i',
        sequence,
        entryHash: hex,
      })),
    );
  });

  it('parses every key it builds back to what it names', () => {
    expect(parseKey('acme', blobKey('acme', hex))).toEqual({ kind: 'blob', sha256: hex });
    expect(parseKey('acme', recordKey('acme', 'inst-1', 'ev-1', 12))).toEqual({
      kind: 'record',
      installationId: 'inst-1',
      evidenceId: 'ev-1',
      revision: 12,
    });
  });

  it('ignores keys outside the layout or the prefix', () => {
    expect(parseKey('acme', `other/blobs/sha256/${hex}`)).toBeUndefined();
    expect(parseKey('acme', 'acme/probe/write-once')).toBeUndefined();
    expect(parseKey('acme', 'acme/blobs/sha256/ABC')).toBeUndefined();
  });

  it('refuses ids and prefixes that could leave their place in the bucket', () => {
    expect(() => recordKey('acme', '../other', 'ev', 1)).toThrow(/Unsafe installation id/);
    expect(() => recordKey('acme', 'inst', 'a/b', 1)).toThrow(/Unsafe evidence id/);
    expect(() => normalisePrefix('acme/../x')).toThrow(/Unsafe prefix/);
    expect(() => blobKey('acme', 'not-a-hash')).toThrow(/SHA-256/);
    expect(() => recordKey('acme', 'inst', 'ev', 0)).toThrow(/revision/);
  });
});
