import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../evidence/types';
import { sealEntry } from '../integrity/custody';
import { verifyBlob, verifyInstallationChain, verifyVersions, type PulledEntry } from './verify';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

function chain(length: number): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (let i = 0; i < length; i += 1) {
    const unsealed = {
      at: `2026-12-0${i + 1}T00:00:00Z`,
      event: 'capture',
      evidenceId: `ev-${i}`,
      actor: 'ana',
      details: {},
    } as const;
    entries.push(sealEntry(unsealed, entries.at(-1)));
  }
  return entries;
}

const pulled = (entries: CustodyEntry[]): PulledEntry[] =>
  entries.map((entry) => ({
    key: `p/installations/i1/custody/${entry.sequence}-${entry.hash}.json`,
    keyHash: entry.hash,
    entry,
  }));

describe('verification of pulled team data', () => {
  it('accepts a blob whose bytes hash to its key and reports one that does not', () => {
    expect(verifyBlob({ key: `p/blobs/sha256/${a}`, sha256: a, actualSha256: a })).toEqual([]);
    const [problem] = verifyBlob({ key: `p/blobs/sha256/${a}`, sha256: a, actualSha256: b });
    expect(problem).toMatchObject({ kind: 'blob-mismatch', where: `p/blobs/sha256/${a}` });
    expect(problem!.sentence).toContain(b);
  });

  it('accepts a retried upload of the same bytes but reports a second, different version under one name', () => {
    const key = 'p/installations/i1/records/ev-1/1.json';
    const v = (versionId: string, sha256: string) => ({
      versionId,
      lastModified: '2026-12-03T00:00:00Z',
      sha256,
    });
    expect(verifyVersions({ key, versions: [v('1', a), v('2', a)] })).toEqual([]);
    expect(verifyVersions({ key, versions: [v('1', a), v('2', b)] })).toEqual([
      expect.objectContaining({ kind: 'conflicting-versions', where: key }),
    ]);
  });

  it('accepts an intact chain', () => {
    expect(verifyInstallationChain('i1', pulled(chain(4)).reverse())).toEqual([]);
  });

  it('reports a gap in the chain where it is', () => {
    const entries = pulled(chain(4));
    const problems = verifyInstallationChain('i1', [entries[0]!, entries[1]!, entries[3]!]);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'chain-gap', where: entries[3]!.key }));
    expect(problems.find((p) => p.kind === 'chain-gap')!.sentence).toMatch(/from entry 2 to 4/);
  });

  it('reports an entry whose body was rewritten, and one whose key names another hash', () => {
    const entries = pulled(chain(3));
    const edited = { ...entries[1]!, entry: { ...entries[1]!.entry, actor: 'mallory' } };
    expect(verifyInstallationChain('i1', [entries[0]!, edited, entries[2]!])).toContainEqual(
      expect.objectContaining({ kind: 'chain-broken', where: entries[1]!.key }),
    );
    const renamed = { ...entries[2]!, keyHash: a };
    expect(verifyInstallationChain('i1', [entries[0]!, entries[1]!, renamed])).toEqual([
      expect.objectContaining({ kind: 'entry-hash-mismatch', where: entries[2]!.key }),
    ]);
  });
});
