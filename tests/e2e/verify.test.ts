import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  GENESIS_HASH,
  isPng,
  parseCsv,
  pngSize,
  sha256Hex,
  verifyArtifacts,
  verifyCustodyChain,
  type ChainEntry,
} from './verify.mjs';

// The e2e checks are only worth something if they catch a broken store: these prove they do.

function chain(count: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence++) {
    const content = {
      sequence,
      at: `2025-09-30T10:00:0${sequence}.000Z`,
      event: 'capture',
      evidenceId: `EV-${sequence}`,
      actor: 'Grace Kim',
      details: { trigger: 'popup', nested: { b: 2, a: [1, { y: true, x: null }] }, dropped: undefined },
      previousHash,
    };
    const hash = sha256Hex(canonicalJson(content));
    entries.push({ ...content, hash });
    previousHash = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x', null])).toBe('[null,"x",null]');
  });
});

describe('verifyCustodyChain', () => {
  it('accepts a chain built by the rules', () => {
    expect(verifyCustodyChain(chain(4))).toEqual([]);
  });

  it('finds an edited entry, a broken link, a gap and a wrong genesis', () => {
    const edited = chain(3);
    edited[1] = { ...edited[1]!, actor: 'Mallory' };
    expect(verifyCustodyChain(edited)).toEqual(['entry 2: hash does not match']);

    const relinked = chain(3);
    relinked.splice(1, 1);
    expect(verifyCustodyChain(relinked)).toEqual(
      expect.arrayContaining(['entry 3 is at position 2', 'entry 3: does not link to its predecessor']),
    );

    const wrongStart = chain(1).map((entry) => ({ ...entry, previousHash: 'f'.repeat(64) }));
    expect(verifyCustodyChain(wrongStart)).toContain('entry 1: does not link to its predecessor');
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, commas and line breaks inside fields, CRLF records', () => {
    const { rows, lineBreaks } = parseCsv('a,"b, c","say ""hi"""\r\n"multi\r\nline",,x\r\n');
    expect(rows).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['multi\r\nline', '', 'x'],
    ]);
    expect(lineBreaks).toEqual(['\r\n', '\r\n']);
  });

  it('reports bare LF records and refuses stray quotes', () => {
    expect(parseCsv('a,b\nc,d').lineBreaks).toEqual(['\n']);
    expect(() => parseCsv('a"b,c\r\n')).toThrow(/quote/);
    expect(() => parseCsv('"a"b,c\r\n')).toThrow(/closing quote/);
    expect(() => parseCsv('"open\r\n')).toThrow(/not closed/);
  });
});

describe('PNG and artifact checks', () => {
  // A 3×2 PNG header: signature, then the IHDR chunk (length 13).
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0,
    2, 8, 6, 0, 0, 0,
  ]);

  it('reads the size from IHDR and refuses what is not a PNG', () => {
    expect(isPng(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect(isPng(png.subarray(1))).toBe(false);
    expect(() => pngSize(new TextEncoder().encode('GIF89a........................'))).toThrow(/Not a PNG/);
  });

  it('finds a changed byte, a wrong size and a missing blob', () => {
    const bytes = new TextEncoder().encode('visible text');
    const artifact = { name: 'text.txt', size: bytes.length, sha256: sha256Hex(bytes), blobKey: 'k1' };
    expect(verifyArtifacts({ artifacts: [artifact] }, new Map([['k1', { bytes }]]))).toEqual([]);

    const changed = Uint8Array.from(bytes);
    changed[0] = 0x56;
    expect(verifyArtifacts({ artifacts: [artifact] }, new Map([['k1', { bytes: changed }]]))[0]).toMatch(
      /SHA-256/,
    );
    expect(
      verifyArtifacts({ artifacts: [artifact] }, new Map([['k1', { bytes: bytes.subarray(1) }]])),
    ).toHaveLength(2);
    expect(verifyArtifacts({ artifacts: [artifact] }, new Map())[0]).toMatch(/no bytes/);
  });
});
