import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../evidence/types';
import { sha256HexSync } from './sha256';
import {
  canonicalJson,
  GENESIS_HASH,
  payloadHashesOf,
  payloadHashOf,
  scopeCustody,
  sealEntries,
  sealEntry,
  verifyChain,
  withholdEntry,
  type ChainEntry,
} from './custody';

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

  it('hashes an entry in two steps: the payload, then the header with its hash', () => {
    const [entry] = chain(1);
    expect(entry!.payloadHash).toBe(payloadHashOf(entry!));
    const { at, event, payloadHash, previousHash, sequence } = entry!;
    expect(entry!.hash).toBe(
      sha256HexSync(canonicalJson({ at, event, payloadHash, previousHash, sequence })),
    );
  });

  it('seals many entries with payload hashes computed ahead through Web Crypto, as one at a time would', async () => {
    const unsealed = ['R-1', 'R-2', 'R-3'].map((riskId, index) => ({
      at: `2026-12-0${index + 1}T10:00:00.000Z`,
      event: 'risk-change' as const,
      evidenceId: null,
      actor: 'Bob',
      details: { change: 'import', risks: [{ riskId, before: null, after: { id: riskId, title: 'Ä – ✓' } }] },
    }));
    const ahead = await payloadHashesOf(unsealed);
    expect(ahead).toEqual(unsealed.map((entry) => payloadHashOf(entry)));
    const [first] = chain(1);
    const sealed = sealEntries(unsealed, first, ahead);
    expect(sealed).toEqual(sealEntries(unsealed, first));
    expect(verifyChain([first!, ...sealed])).toEqual([]);
    // A hash handed in that is not the entry's own makes the entry fail verification, never pass silently.
    const wrong = sealEntries(unsealed, first, [ahead[1], ahead[1], ahead[2]]);
    expect(verifyChain([first!, ...wrong]).map((problem) => problem.problem)).toContain('hash-mismatch');
  });

  it('still verifies entries written before two-step hashing, and a chain mixing both', () => {
    const legacy = {
      sequence: 1,
      at: '2026-01-01T00:00:00.000Z',
      event: 'capture' as const,
      evidenceId: 'EV-1',
      actor: 'A',
      details: {},
      previousHash: GENESIS_HASH,
    };
    const first = { ...legacy, hash: sha256HexSync(canonicalJson(legacy)) };
    const second = sealEntry(
      { at: '2026-01-02T00:00:00.000Z', event: 'retag', evidenceId: 'EV-1', actor: 'A', details: {} },
      first,
    );
    expect(verifyChain([first, second])).toEqual([]);
    expect(verifyChain([{ ...first, actor: 'M' }, second]).map((p) => p.problem)).toEqual(['hash-mismatch']);
  });
});

describe('a custody log scoped to an export', () => {
  const ids = ['EV-20261101-AAAAAA', 'EV-20261101-BBBBBB'];
  function log(): ChainEntry[] {
    const entries: ChainEntry[] = [];
    const add = (evidenceId: string | null, details: Record<string, unknown>) =>
      entries.push(
        sealEntry(
          {
            at: `2026-11-0${entries.length + 1}T10:00:00.000Z`,
            event: evidenceId ? 'capture' : 'export',
            evidenceId,
            actor: 'Alice',
            details,
          },
          entries.at(-1),
        ),
      );
    add(ids[0]!, { title: 'Access review' });
    add(ids[1]!, { title: 'Secret project' });
    add(null, { evidenceIds: ids });
    add(null, { reason: 'risk revised' });
    return entries;
  }
  const isId = (text: string) => ids.includes(text);

  it('withholds the payload of entries naming evidence outside it, and the chain verifies from its first entry', () => {
    const scoped = scopeCustody(log() as never, new Set([ids[0]!]), isId);
    expect(scoped.withheld).toBe(2);
    expect(scoped.entries.map((entry) => 'withheld' in entry)).toEqual([false, true, true, false]);
    expect(JSON.stringify(scoped.entries)).not.toContain('Secret project');
    expect(JSON.stringify(scoped.entries)).not.toContain(ids[1]);
    expect(verifyChain(scoped.entries)).toEqual([]);
  });

  it('fails on a withheld entry whose time, kind, hash or place was changed', () => {
    const { entries } = scopeCustody(log() as never, new Set([ids[0]!]), isId);
    const changed = (patch: Record<string, unknown>) =>
      verifyChain(
        entries.map((entry, index) => (index === 1 ? ({ ...entry, ...patch } as ChainEntry) : entry)),
      ).map((p) => p.problem);
    expect(changed({ at: '2026-10-01T10:00:00.000Z' })).toEqual(['hash-mismatch']);
    expect(changed({ event: 'delete' })).toEqual(['hash-mismatch']);
    expect(changed({ payloadHash: 'a'.repeat(64) })).toEqual(['hash-mismatch']);
    expect(changed({ hash: 'a'.repeat(64) })).toEqual(
      expect.arrayContaining(['hash-mismatch', 'broken-link']),
    );
    expect(changed({ sequence: 7 })).toContain('sequence-gap');
    expect(verifyChain(entries.filter((_, index) => index !== 1)).map((p) => p.problem)).toContain(
      'broken-link',
    );
  });

  it('a withheld entry written before two-step hashing keeps its links', () => {
    const legacy = {
      sequence: 1,
      at: '2026-01-01T00:00:00.000Z',
      event: 'capture' as const,
      evidenceId: 'EV-X',
      actor: 'A',
      details: {},
      previousHash: GENESIS_HASH,
    };
    const first = { ...legacy, hash: sha256HexSync(canonicalJson(legacy)) };
    const second = sealEntry(
      { at: '2026-01-02T00:00:00.000Z', event: 'export', evidenceId: null, actor: 'A', details: {} },
      first,
    );
    const withheld = withholdEntry(first);
    expect(withheld).not.toHaveProperty('payloadHash');
    expect(verifyChain([withheld, second])).toEqual([]);
    expect(verifyChain([{ ...withheld, hash: 'b'.repeat(64) }, second]).map((p) => p.problem)).toEqual([
      'broken-link',
    ]);
  });
});
