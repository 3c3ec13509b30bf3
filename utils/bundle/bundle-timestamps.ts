/**
 * The import's check of a bundle's trusted time stamps (RFC 3161): each data/evidence/<id>/custody-entry.tsr must
 * stamp the custody-entry.json beside it (imprint), verify against the bundle's signature/tsa-chain.pem, and that
 * file must be the capture entry of that evidence in the bundle's custody log; the token over the tag manifest,
 * when there is one, must stamp the tag manifest. Every failure names its file; any failure refuses the bundle.
 */
import { isWithheld, type ChainEntry } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';
import { timestampText } from '../text';
import { verifyTimestampReply } from '../timestamp/reply';
import {
  CAPTURE_ENTRY_FILE,
  CAPTURE_TOKEN_FILE,
  TAG_MANIFEST_TOKEN_FILE,
  TSA_CHAIN_FILE,
} from '../timestamp/subject';

const t = timestampText.bundle;

/** Whether the import keeps this payload file's bytes for the time-stamp check. */
export function isTimestampPayload(path: string): boolean {
  return (
    path.startsWith('data/evidence/') &&
    (path.endsWith(`/${CAPTURE_ENTRY_FILE}`) || path.endsWith(`/${CAPTURE_TOKEN_FILE}`))
  );
}

export interface TimestampInput {
  /** Bytes of the payload's custody-entry.json and .tsr files, by bag path. */
  payload: ReadonlyMap<string, Uint8Array>;
  custody: readonly ChainEntry[];
  tagManifest: Uint8Array;
  /** The bytes of a seal file, or null when the bag has none. */
  read: (path: string) => Promise<Uint8Array | null>;
}

/** What the bundle's time stamps came to: the captures stamped and the tag manifest's trusted time. */
export interface BundleTimestamps {
  captures: number;
  /** The authority's time on the tag manifest; null when it is unstamped. */
  tagManifest: string | null;
}

const decoder = new TextDecoder();

/** The capture entries' hashes by evidence ID (withheld entries are about other evidence). */
function captureHashes(custody: readonly ChainEntry[]): Map<string, Set<string>> {
  const hashes = new Map<string, Set<string>>();
  for (const entry of custody) {
    if (isWithheld(entry) || entry.event !== 'capture' || !entry.evidenceId) continue;
    hashes.set(entry.evidenceId, (hashes.get(entry.evidenceId) ?? new Set()).add(entry.hash));
  }
  return hashes;
}

async function checkCapture(
  tokenPath: string,
  input: TimestampInput,
  chain: string,
  captures: Map<string, Set<string>>,
): Promise<string | null> {
  const dataPath = tokenPath.replace(/\.tsr$/, '.json');
  const data = input.payload.get(dataPath);
  if (!data) return t.noData(tokenPath, CAPTURE_ENTRY_FILE);
  const check = await verifyTimestampReply(input.payload.get(tokenPath)!, { data, trustedPem: chain });
  if (!check.ok) return t.tokenFails(tokenPath, check.problem);
  const evidenceId = tokenPath.split('/')[2] ?? '';
  if (!captures.get(evidenceId)?.has(await sha256Hex(data))) return t.notTheEntry(dataPath);
  return null;
}

/** Checks every token the bundle carries; null problems and zero captures for a bundle without any. */
export async function checkTimestamps(
  input: TimestampInput,
): Promise<{ problems: string[]; timestamps: BundleTimestamps | null }> {
  const tokens = [...input.payload.keys()].filter((path) => path.endsWith(`/${CAPTURE_TOKEN_FILE}`)).sort();
  const tagToken = await input.read(TAG_MANIFEST_TOKEN_FILE);
  const entries = [...input.payload.keys()].filter((path) => path.endsWith(`/${CAPTURE_ENTRY_FILE}`));
  if (tokens.length === 0 && entries.length === 0 && !tagToken) return { problems: [], timestamps: null };
  const chainBytes = await input.read(TSA_CHAIN_FILE);
  if (!chainBytes && (tokens.length > 0 || tagToken))
    return { problems: [t.noChain(TSA_CHAIN_FILE)], timestamps: null };
  const chain = chainBytes ? decoder.decode(chainBytes) : '';
  const captures = captureHashes(input.custody);
  const problems: string[] = [];
  for (const path of tokens) {
    const problem = await checkCapture(path, input, chain, captures);
    if (problem) problems.push(problem);
  }
  let tagManifest: string | null = null;
  if (tagToken) {
    const check = await verifyTimestampReply(tagToken, { data: input.tagManifest, trustedPem: chain });
    if (check.ok) tagManifest = check.facts.genTime;
    else problems.push(t.tokenFails(TAG_MANIFEST_TOKEN_FILE, check.problem));
  }
  // A custody-entry.json without its token stamps nothing: the bag does not hold one by itself.
  for (const path of entries)
    if (!input.payload.has(path.replace(/\.json$/, '.tsr'))) problems.push(t.noToken(path));
  return { problems, timestamps: { captures: tokens.length, tagManifest } };
}
