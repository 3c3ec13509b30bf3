/**
 * `data/custody-log.jsonl`: one custody entry per line, read back and checked link by link, withheld entries
 * (about evidence outside the export) included.
 */
import { CUSTODY_EVENTS, type CustodyEntry, type CustodyEvent } from '../evidence/types';
import { verifyChain, type ChainEntry, type WithheldEntry } from '../integrity/custody';
import { importProblemText as t } from '../text';

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

const WITHHELD_FIELDS = new Set([
  'sequence',
  'at',
  'event',
  'payloadHash',
  'previousHash',
  'hash',
  'withheld',
]);
/** An entry hashed in two steps covers exactly these fields: any other would go unchecked, so none is allowed. */
const TWO_STEP_FIELDS = new Set([
  'sequence',
  'at',
  'event',
  'evidenceId',
  'actor',
  'details',
  'payloadHash',
  'previousHash',
  'hash',
]);

function parseHeader(fields: Record<string, unknown>): boolean {
  const { sequence, at, event, previousHash, hash, payloadHash } = fields;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) return false;
  if (typeof at !== 'string') return false;
  if (typeof event !== 'string' || !(CUSTODY_EVENTS as readonly string[]).includes(event)) return false;
  if (payloadHash !== undefined && !isHash(payloadHash)) return false;
  return isHash(previousHash) && isHash(hash);
}

/** One chain link as a bundle carries it: a whole entry, or one withheld (see WithheldEntry); null otherwise. */
function parseChainEntry(value: unknown): ChainEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  if (!parseHeader(fields)) return null;
  if ('withheld' in fields) {
    const only = Object.keys(fields).every((key) => WITHHELD_FIELDS.has(key));
    return fields.withheld === true && only ? (value as WithheldEntry) : null;
  }
  if (fields.payloadHash !== undefined && !Object.keys(fields).every((key) => TWO_STEP_FIELDS.has(key)))
    return null;
  const { evidenceId, actor, details } = fields;
  if (typeof actor !== 'string') return null;
  if (evidenceId !== null && typeof evidenceId !== 'string') return null;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  // Keep every field as written: the hash covers exactly these.
  return value as CustodyEntry & { event: CustodyEvent };
}

/** One whole custody entry with every field of the right type, kept as written (its hash covers exactly these); null otherwise. */
export function parseEntry(value: unknown): CustodyEntry | null {
  const entry = parseChainEntry(value);
  return entry && !('withheld' in entry) ? entry : null;
}

/** Parses and verifies the chain; problems name the line or the entry. */
export function parseCustodyLog(
  text: string,
  fileName: string,
): { entries: ChainEntry[]; problems: string[] } {
  const entries: ChainEntry[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(t.custodyNotJson(fileName, index + 1));
      return;
    }
    const entry = parseChainEntry(value);
    if (entry) entries.push(entry);
    else problems.push(t.custodyNotEntry(fileName, index + 1));
  });
  if (problems.length === 0) {
    for (const problem of verifyChain(entries)) problems.push(t.custodyBroken(fileName, problem.message));
  }
  return { entries, problems };
}
