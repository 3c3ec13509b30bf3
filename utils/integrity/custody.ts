import type { CustodyEntry } from '../evidence/types';
import { sha256HexSync } from './sha256';
import { integrityProblemText as t } from '../text';

/** The hash that starts the chain: there is no entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export type UnsealedEntry = Omit<CustodyEntry, 'hash' | 'previousHash' | 'sequence'>;

/** JSON with object keys sorted at every level, so a hash never depends on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEntry(entry: Omit<CustodyEntry, 'hash'>): string {
  return sha256HexSync(canonicalJson(entry));
}

/** Links a new entry to the one before it (or to the genesis hash). */
export function sealEntry(entry: UnsealedEntry, previous: CustodyEntry | undefined): CustodyEntry {
  const linked = {
    ...entry,
    sequence: previous ? previous.sequence + 1 : 1,
    previousHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...linked, hash: hashEntry(linked) };
}

export interface ChainProblem {
  sequence: number;
  problem: 'hash-mismatch' | 'broken-link' | 'sequence-gap';
  message: string;
}

/** Verifies entries in sequence order: each hash matches its content and links to the entry before. */
export function verifyChain(entries: readonly CustodyEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previous: CustodyEntry | undefined;
  for (const entry of entries) {
    const expectedSequence = previous ? previous.sequence + 1 : 1;
    if (entry.sequence !== expectedSequence) {
      problems.push({
        sequence: entry.sequence,
        problem: 'sequence-gap',
        message: t.sequenceGap(entry.sequence, previous?.sequence ?? 0),
      });
    }
    const { hash, ...content } = entry;
    if (hashEntry(content) !== hash) {
      problems.push({
        sequence: entry.sequence,
        problem: 'hash-mismatch',
        message: t.entryChanged(entry.sequence, entry.event),
      });
    }
    const expectedPrevious = previous ? previous.hash : GENESIS_HASH;
    if (entry.previousHash !== expectedPrevious) {
      problems.push({
        sequence: entry.sequence,
        problem: 'broken-link',
        message: t.brokenLink(entry.sequence),
      });
    }
    previous = entry;
  }
  return problems;
}
