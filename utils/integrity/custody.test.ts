import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../evidence/types';
import { canonicalJson, GENESIS_HASH, sealEntry, verifyChain } from './custody';

function chain(length: number): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (let i = 0; i < length; i++) {
    entries.push(
      sealEntry(
        {
          at: `2026-11-0${i + 1}T10:00:00.000Z`,
          event: i === 0 ? 'capture' : 'retag',
          evidenceId: 'EV-20261101-ABCDEF',
          actor: 'Alice',
          details: { controls: ['A.8.13'], round: i },
        },
        entries.at(-1),
      ),
    );
  }
  return entries;
}

describe('custody chain', () => {
  it('links the first entry to the genesis hash and each next one to the previous hash', () => {
    const entries = chain(3);
    expect(entries[0]!.previousHash).toBe(GENESIS_HASH);
    expect(entries[1]!.previousHash).toBe(entries[0]!.hash);
    expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3]);
    expect(verifyChain(entries)).toEqual([]);
  });

  it('detects a changed record', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, actor: 'Mallory' };
    expect(verifyChain(entries).map((problem) => [problem.sequence, problem.problem])).toEqual([
      [2, 'hash-mismatch'],
    ]);
  });

  it('detects a changed byte in a hash', () => {
    const entries = chain(3);
    const hash = entries[2]!.hash;
    entries[2] = { ...entries[2]!, hash: `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}` };
    expect(verifyChain(entries).map((problem) => problem.problem)).toEqual(['hash-mismatch']);
  });

  it('detects a removed record', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    const problems = verifyChain(entries).map((problem) => problem.problem);
    expect(problems).toContain('sequence-gap');
    expect(problems).toContain('broken-link');
  });

  it('detects reordered records', () => {
    const entries = chain(3);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyChain(entries).length).toBeGreaterThan(0);
  });

  it('detects a removed first record', () => {
    expect(verifyChain(chain(3).slice(1)).length).toBeGreaterThan(0);
  });

  it('hashes canonical JSON, independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});
