/**
 * Trusted time stamps (RFC 3161) in the bag, laid out so that stock `openssl ts -verify -data F -in F.tsr` checks
 * each one:
 *
 *   data/evidence/<id>/custody-entry.json   the exact bytes the capture's token stamps (its custody entry header,
 *                                           whose SHA-256 is that entry's hash in data/custody-log.jsonl)
 *   data/evidence/<id>/custody-entry.tsr    the authority's DER TimeStampResp over it
 *   signature/tagmanifest-sha256.tsr        the token over tagmanifest-sha256.txt, asked for at export time
 *   signature/tsa-chain.pem                 the organisation's trusted CA certificates and every certificate the
 *                                           tokens carry: the -CAfile
 *
 * The two signature/ files are seals (made after the tag manifest, so it cannot list them, like bag.sig).
 */
import {
  CAPTURE_ENTRY_FILE,
  CAPTURE_TOKEN_FILE,
  TAG_MANIFEST_TOKEN_FILE,
  TSA_CHAIN_FILE,
} from '../timestamp/subject';
import type { BagWriter } from './bag-writer';
import type {
  BundleTimestamp,
  BundleTimestamping,
  SealFile,
  WrittenTimestamp,
  WrittenTimestamps,
} from './types';

export { CAPTURE_ENTRY_FILE, CAPTURE_TOKEN_FILE, TAG_MANIFEST_TOKEN_FILE, TSA_CHAIN_FILE };

/** A capture's two files, relative to data/. */
export function captureTimestampPaths(evidenceId: string): { dataPath: string; tokenPath: string } {
  return {
    dataPath: `evidence/${evidenceId}/${CAPTURE_ENTRY_FILE}`,
    tokenPath: `evidence/${evidenceId}/${CAPTURE_TOKEN_FILE}`,
  };
}

/** The local clock's time the stamped bytes name (the custody entry's `at`); null when they name none. */
export function stampedLocalTime(stampedText: string): string | null {
  try {
    const parsed: unknown = JSON.parse(stampedText);
    const at = typeof parsed === 'object' && parsed !== null ? (parsed as { at?: unknown }).at : undefined;
    return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null;
  } catch {
    return null;
  }
}

/** Trusted minus local time in whole seconds, and whether it is beyond the tolerance (either direction). */
export function clockDifference(
  genTime: string,
  localTime: string,
  toleranceMinutes: number,
): { differenceSeconds: number; flagged: boolean } {
  const differenceSeconds = Math.round((Date.parse(genTime) - Date.parse(localTime)) / 1000);
  return { differenceSeconds, flagged: Math.abs(differenceSeconds) > toleranceMinutes * 60 };
}

/** Collects the certificates of every token bagged, for the chain file; each once, in first-seen order. */
export class TimestampLedger {
  readonly certificates = new Set<string>();
  stamped = 0;
  pending = 0;
  unstamped = 0;

  constructor(readonly timestamping: BundleTimestamping | undefined) {}

  addCertificates(pems: readonly string[]): void {
    for (const pem of pems) this.certificates.add(`${pem.trim()}\n`);
  }

  /** Whether the bundle carries (or asks for) time stamps at all: then every record says which it has. */
  get active(): boolean {
    return this.timestamping !== undefined || this.stamped > 0 || this.pending > 0;
  }
}

/** Writes one capture's stamped bytes and token beside its files; says what index.html shows of it. */
export async function addCaptureTimestamp(
  bag: BagWriter,
  evidenceId: string,
  timestamp: BundleTimestamp | undefined,
  ledger: TimestampLedger,
  lastModDate: Date,
): Promise<WrittenTimestamp> {
  if (!timestamp) {
    ledger.unstamped++;
    return { state: 'none' };
  }
  if (timestamp.state === 'pending') {
    ledger.pending++;
    return { state: 'pending' };
  }
  const paths = captureTimestampPaths(evidenceId);
  await bag.addPayloadText(paths.dataPath, timestamp.stampedText, lastModDate);
  await bag.addPayloadBytes(paths.tokenPath, timestamp.reply, lastModDate);
  ledger.stamped++;
  ledger.addCertificates(timestamp.certificatesPem);
  const localTime = stampedLocalTime(timestamp.stampedText) ?? timestamp.genTime;
  const tolerance = ledger.timestamping?.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES;
  return {
    state: 'stamped',
    genTime: timestamp.genTime,
    localTime,
    ...clockDifference(timestamp.genTime, localTime, tolerance),
    toleranceMinutes: tolerance,
    signer: timestamp.signer,
    ...paths,
  };
}

const DEFAULT_TOLERANCE_MINUTES = 5;

/**
 * The seal over the finished tag manifest: its token (when the authority answers) and the chain file. An
 * authority that cannot be reached leaves the tag manifest unstamped; the export still completes and says so.
 */
export async function timestampSeal(
  tagManifest: Uint8Array,
  ledger: TimestampLedger,
): Promise<{ files: SealFile[]; tagManifest: WrittenTimestamps['tagManifest'] }> {
  const stamp = ledger.timestamping?.stampTagManifest;
  let outcome: WrittenTimestamps['tagManifest'] = { state: 'off' };
  const files: SealFile[] = [];
  if (stamp) {
    const token = await stamp(tagManifest).catch((error: unknown): { ok: false; problem: string } => ({
      ok: false,
      problem: error instanceof Error ? error.message : String(error),
    }));
    if (token.ok) {
      files.push({ path: TAG_MANIFEST_TOKEN_FILE, bytes: token.reply });
      ledger.addCertificates(token.certificatesPem);
      outcome = { state: 'stamped', genTime: token.genTime };
    } else {
      outcome = { state: 'unstamped', problem: token.problem };
    }
  }
  const trusted = ledger.timestamping?.trustedPem.trim() ?? '';
  const chain = [...(trusted ? [`${trusted}\n`] : []), ...ledger.certificates].join('');
  if (ledger.certificates.size > 0)
    files.push({ path: TSA_CHAIN_FILE, bytes: new TextEncoder().encode(chain) });
  return { files, tagManifest: outcome };
}
