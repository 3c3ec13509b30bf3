import type { CustodyEntry } from '../evidence/types';
import { sha256Hex, sha256HexSync } from './sha256';
import { integrityProblemText as t } from '../text';

/** The hash that starts the chain: there is no entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export type UnsealedEntry = Omit<CustodyEntry, 'hash' | 'previousHash' | 'sequence' | 'payloadHash'>;

/**
 * An entry as a bundle carries it when it is about evidence outside the export: its place in the chain
 * (sequence, hashes), its time and kind, and nothing it says (no IDs, titles, URLs, notes or names).
 * `payloadHash` is absent only for entries written before entries were hashed in two steps.
 */
export interface WithheldEntry {
  sequence: number;
  at: string;
  event: CustodyEntry['event'];
  payloadHash?: string;
  previousHash: string;
  hash: string;
  withheld: true;
}

/** One link of a chain as read back: an entry in full, or one withheld from a bundle. */
export type ChainEntry = CustodyEntry | WithheldEntry;

export function isWithheld(entry: ChainEntry): entry is WithheldEntry {
  return (entry as Partial<WithheldEntry>).withheld === true;
}

/** JSON with object keys sorted at every level, so a hash never depends on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Payload = Pick<CustodyEntry, 'actor' | 'details' | 'evidenceId'>;

/** The bytes an entry's payload hash covers: who, about which evidence, the details. */
function payloadJson(entry: Payload): string {
  return canonicalJson({ actor: entry.actor, details: entry.details, evidenceId: entry.evidenceId });
}

/** What an entry says (who, about which evidence, the details): hashed apart, so a bundle can withhold it. */
export function payloadHashOf(entry: Payload): string {
  return sha256HexSync(payloadJson(entry));
}

/**
 * The payload hashes of many entries through Web Crypto, for changes made many at a time (a register import):
 * computed before the write transaction opens, since nothing else may be awaited inside it. The result is
 * payloadHashOf's, entry by entry.
 */
export function payloadHashesOf(entries: readonly Payload[]): Promise<string[]> {
  return Promise.all(entries.map((entry) => sha256Hex(payloadJson(entry))));
}

/** The link's hash: place, time, kind and the payload's hash; provable without the payload. */
function headerHash(entry: Omit<WithheldEntry, 'hash' | 'withheld'> & { payloadHash: string }): string {
  const { at, event, payloadHash, previousHash, sequence } = entry;
  return sha256HexSync(canonicalJson({ at, event, payloadHash, previousHash, sequence }));
}

/**
 * An entry's hash. Entries are hashed in two steps (`payloadHash`, then the header with it); an entry written
 * before that, without `payloadHash`, is hashed whole, every field but `hash`, as it always was.
 */
export function hashEntry(entry: Omit<CustodyEntry, 'hash'>): string {
  if (entry.payloadHash === undefined) return sha256HexSync(canonicalJson(entry));
  return headerHash({ ...entry, payloadHash: entry.payloadHash });
}

/**
 * Links a new entry to the one before it (or to the genesis hash). `payloadHash` may be handed in when it was
 * computed ahead (payloadHashesOf); it must be payloadHashOf(entry).
 */
export function sealEntry(
  entry: UnsealedEntry,
  previous: ChainEntry | undefined,
  payloadHash: string = payloadHashOf(entry),
): CustodyEntry {
  const linked = {
    ...entry,
    sequence: previous ? previous.sequence + 1 : 1,
    previousHash: previous ? previous.hash : GENESIS_HASH,
    payloadHash,
  };
  return { ...linked, hash: hashEntry(linked) };
}

/**
 * Links entries one after the other, the first to `previous`, as sealEntry does one at a time: for changes
 * made many at a time (a register import), whose entries are then added in the transaction that read `previous`.
 */
export function sealEntries(
  entries: readonly UnsealedEntry[],
  previous: ChainEntry | undefined,
  payloadHashes?: readonly (string | undefined)[],
): CustodyEntry[] {
  const sealed: CustodyEntry[] = [];
  let last = previous;
  for (const [index, entry] of entries.entries()) {
    const next = sealEntry(entry, last, payloadHashes?.[index] ?? payloadHashOf(entry));
    sealed.push(next);
    last = next;
  }
  return sealed;
}

/** The entry as a bundle that does not export its evidence carries it. */
export function withholdEntry(entry: CustodyEntry): WithheldEntry {
  const { sequence, at, event, payloadHash, previousHash, hash } = entry;
  return payloadHash === undefined
    ? { sequence, at, event, previousHash, hash, withheld: true }
    : { sequence, at, event, payloadHash, previousHash, hash, withheld: true };
}

/** Every evidence ID an entry names: its own, and any in its details (an export's list, an import's). */
function namedEvidence(entry: CustodyEntry, isEvidenceId: (text: string) => boolean): string[] {
  const found: string[] = entry.evidenceId ? [entry.evidenceId] : [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isEvidenceId(value)) found.push(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(entry.details);
  return found;
}

/**
 * The custody log as one export carries it: every entry, in order, so the chain verifies from its first;
 * an entry naming any evidence outside the export is withheld (see WithheldEntry). Entries about no evidence
 * (risk changes, request statuses, key rotations) stay whole.
 */
export function scopeCustody(
  entries: readonly CustodyEntry[],
  exported: ReadonlySet<string>,
  isEvidenceId: (text: string) => boolean,
): { entries: ChainEntry[]; withheld: number } {
  let withheld = 0;
  const scoped = entries.map((entry): ChainEntry => {
    if (namedEvidence(entry, isEvidenceId).every((id) => exported.has(id))) return entry;
    withheld++;
    return withholdEntry(entry);
  });
  return { entries: scoped, withheld };
}

export interface ChainProblem {
  sequence: number;
  problem: 'hash-mismatch' | 'broken-link' | 'sequence-gap';
  message: string;
}

/** True when the entry's own hash holds (a withheld entry written before two-step hashing cannot be checked). */
function hashHolds(entry: ChainEntry): boolean {
  if (isWithheld(entry)) {
    if (entry.payloadHash === undefined) return true;
    return headerHash({ ...entry, payloadHash: entry.payloadHash }) === entry.hash;
  }
  const { hash, ...content } = entry;
  if (content.payloadHash !== undefined && payloadHashOf(content) !== content.payloadHash) return false;
  return hashEntry(content) === hash;
}

/**
 * Verifies entries in sequence order: each hash matches its content and links to the entry before. A withheld
 * entry's hash is checked from its header; its link is checked like any other, so a changed one breaks the chain.
 */
export function verifyChain(entries: readonly ChainEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previous: ChainEntry | undefined;
  for (const entry of entries) {
    const expectedSequence = previous ? previous.sequence + 1 : 1;
    if (entry.sequence !== expectedSequence) {
      problems.push({
        sequence: entry.sequence,
        problem: 'sequence-gap',
        message: t.sequenceGap(entry.sequence, previous?.sequence ?? 0),
      });
    }
    if (!hashHolds(entry)) {
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
