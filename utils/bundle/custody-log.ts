/** `data/custody-log.jsonl`: one custody entry per line, read back and checked link by link. */
import { CUSTODY_EVENTS, type CustodyEntry, type CustodyEvent } from '../evidence/types';
import { verifyChain } from '../integrity/custody';
import { importProblemText as t } from '../text';

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** One custody entry with every field of the right type, kept as written (its hash covers exactly these); null otherwise. */
export function parseEntry(value: unknown): CustodyEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { sequence, at, event, evidenceId, actor, details, previousHash, hash } = value as Record<
    string,
    unknown
  >;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) return null;
  if (typeof at !== 'string' || typeof actor !== 'string') return null;
  if (typeof event !== 'string' || !(CUSTODY_EVENTS as readonly string[]).includes(event)) return null;
  if (evidenceId !== null && typeof evidenceId !== 'string') return null;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  if (!isHash(previousHash) || !isHash(hash)) return null;
  // Keep every field as written: the hash covers exactly these.
  return value as CustodyEntry & { event: CustodyEvent };
}

/** Parses and verifies the chain; problems name the line or the entry. */
export function parseCustodyLog(
  text: string,
  fileName: string,
): { entries: CustodyEntry[]; problems: string[] } {
  const entries: CustodyEntry[] = [];
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
    const entry = parseEntry(value);
    if (entry) entries.push(entry);
    else problems.push(t.custodyNotEntry(fileName, index + 1));
  });
  if (problems.length === 0) {
    for (const problem of verifyChain(entries)) problems.push(t.custodyBroken(fileName, problem.message));
  }
  return { entries, problems };
}
