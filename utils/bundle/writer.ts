/**
 * Streams an auditor bundle into a WritableStream: one zip holding one BagIt bag. Memory stays flat —
 * each artifact is read, hashed and written before the next one is opened — and an artifact whose
 * bytes no longer match their recorded SHA-256 stops the export: corrupt evidence is never bagged.
 */
import type { Artifact } from '../evidence/types';
import { EVIDENCE_ID_PATTERN } from '../capture/evidence-id';
import { canonicalJson, scopeCustody, type ChainEntry } from '../integrity/custody';
import { groupFingerprint, normalizeFingerprint } from '../signing/fingerprint';
import { exportText } from '../text';
import { checkedSource, readArtifactAhead, type ReadyArtifact } from './artifact-reader';
import {
  BAGIT_TXT,
  bagInfoTxt,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
  SIGNING_ALGORITHM_LABEL,
  SIGNING_FINGERPRINT_LABEL,
} from './bagit';
import { BagWriter } from './bag-writer';
import { BundleError } from './bundle-error';
import { bundleName, bundleSegment, isSafeSegment, uniqueSegment } from './naming';
import { RECORD_FILE, recordJson } from './record';
import { renderReport } from './report';
import { findingsCsv, registerCsv, soaCsv } from './tables';
import { riskSummaryFiles } from './risk-files';
import { recordsSummaryFiles } from './records-files';
import { CUSTODY_SCRIPT, CUSTODY_SCRIPT_FILE } from './custody-script';
import { REQUESTS_FILE, requestsCsv } from './requests';
import { FRAMEWORK_REGISTER_FILES, frameworkRegisterCsv } from './framework-registers';
import type {
  BundleContext,
  BundleEvidence,
  BundleProgress,
  BundleSigner,
  BundleTimestamping,
  SealFile,
  WrittenEvidence,
  WrittenFile,
  WrittenTimestamps,
} from './types';
import { verifyText, type VerifyGuide } from './verify-text';
import {
  addCaptureTimestamp,
  CAPTURE_ENTRY_FILE,
  CAPTURE_TOKEN_FILE,
  TimestampLedger,
  timestampSeal,
} from './timestamp-files';
import { verifyGuideText } from '../text';

export { BundleError } from './bundle-error';

export interface WriteBundleOptions {
  context: BundleContext;
  /** Evidence in the order it should appear; records only, bytes are read lazily. */
  evidence: AsyncIterable<BundleEvidence> | Iterable<BundleEvidence>;
  includeDomSnapshots: boolean;
  /** Encrypts every entry with AES-256 (opens in 7-Zip and similar, not in the OS's built-in extractors). */
  password?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BundleProgress) => void) | undefined;
  /** Artifacts up to this size are read whole and hashed natively; larger ones are hashed as they stream. */
  wholeReadLimit?: number | undefined;
  /** Forces ZIP64 records; otherwise zip.js writes them when sizes, offsets or the entry count need them. */
  zip64?: boolean | undefined;
  /** More text files under data/, listed in the manifest like the rest (a team bundle's custody logs). */
  extraFiles?: readonly { path: string; text: string }[] | undefined;
  /** Signs the tag manifest (signature/bag.sig, signature/public-key.pem); the bundle is unsigned without one. */
  signer?: BundleSigner | undefined;
  /**
   * Further seals over the finished tag manifest (e.g. a time-stamp token): files no manifest can list. Their
   * paths must be in SEAL_FILES (bagit.ts), or the verifier refuses them as unlisted.
   */
  seals?: readonly ((tagManifest: Uint8Array) => Promise<readonly SealFile[]>)[] | undefined;
  /** The trusted time stamps' step in VERIFY.txt, when the bundle carries time-stamp tokens. */
  timestampGuide?: VerifyGuide['timestamps'] | undefined;
  /**
   * Trusted time stamps: each record's token (BundleEvidence.timestamp) is bagged beside it, and the finished tag
   * manifest is stamped when an authority is configured. Absent: only tokens the records bring are bagged.
   */
  timestamps?: BundleTimestamping | undefined;
}

export interface WriteBundleResult {
  name: string;
  evidenceCount: number;
  /** The IDs bagged, in order: the export's custody entry lists them (storage health counts the rest). */
  evidenceIds: string[];
  artifactCount: number;
  payloadFiles: number;
  payloadBytes: number;
  /** Bytes of the zip file. */
  zipBytes: number;
  manifestSha256: string;
  lastCustodyHash: string | null;
  /** Custody entries the bundle carries with their payload withheld (about evidence outside the export). */
  custodyWithheld: number;
  /** Fingerprint (plain hex) of the key that signed the tag manifest; null when unsigned. */
  signedBy: string | null;
  encrypted: boolean;
  /** Tokens bagged, still awaited, and the tag manifest's; null when the bundle carries no time stamps. */
  timestamps: WrittenTimestamps | null;
}

const DEFAULT_WHOLE_READ_LIMIT = 16 * 1024 * 1024;
const STORED_TYPES = /^(image|video|audio)\/|^application\/(zip|gzip|pdf|x-7z-compressed)/;
const STORED_NAMES = /\.(png|jpe?g|gif|webp|zip|gz|7z|pdf|mp4|webm)$/i;

function isCompressed(artifact: Artifact): boolean {
  return STORED_TYPES.test(artifact.mimeType) || STORED_NAMES.test(artifact.name);
}

function dateOr(iso: string, fallback: Date): Date {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : date;
}

/**
 * The artifacts under the names they take in the bundle: safe segments, unique within the record and
 * never the record file's name. Bytes are still read by blob key, so renaming loses nothing.
 */
function bundledArtifacts(artifacts: readonly Artifact[]): Artifact[] {
  const names = new Set<string>([RECORD_FILE, CAPTURE_ENTRY_FILE, CAPTURE_TOKEN_FILE]);
  return artifacts.map((artifact) => {
    const name = uniqueSegment(bundleSegment(artifact.name), names);
    names.add(name);
    return name === artifact.name ? artifact : { ...artifact, name };
  });
}

/** The evidence written so far: what the register, the report and the result are made from. */
interface WrittenRecords {
  evidence: WrittenEvidence[];
  artifactCount: number;
}

interface EvidenceRun {
  bag: BagWriter;
  options: WriteBundleOptions;
  wholeReadLimit: number;
  generatedAt: Date;
  ledger: TimestampLedger;
}

/** Zips one artifact under data/evidence/<id>/, its bytes checked against the recorded SHA-256. */
async function addArtifact(
  bag: BagWriter,
  id: string,
  ready: ReadyArtifact,
  lastModDate: Date,
): Promise<void> {
  const { artifact } = ready;
  const { source, mismatch } = checkedSource(id, ready);
  const file = {
    sha256: artifact.sha256,
    size: artifact.size,
    compress: !isCompressed(artifact),
    lastModDate,
  };
  try {
    await bag.addPayloadFile(`data/evidence/${id}/${artifact.name}`, source, file);
  } catch (error) {
    throw mismatch() ?? error;
  }
}

/** Zips a record's artifacts in order; at most one is read ahead, so memory stays bounded by two artifacts. */
async function addArtifacts(
  run: EvidenceRun,
  { record, readArtifact }: BundleEvidence,
  included: readonly Artifact[],
  capturedAt: Date,
): Promise<WrittenFile[]> {
  const files: WrittenFile[] = [];
  const readAhead = (index: number): Promise<ReadyArtifact> | null => {
    const artifact = included[index];
    if (!artifact) return null;
    const ready = readArtifact(artifact).then((blob) =>
      readArtifactAhead(record.id, artifact, blob, run.wholeReadLimit),
    );
    ready.catch(() => undefined); // awaited in turn below; a failure is reported there, once
    return ready;
  };
  let next = readAhead(0);
  for (let index = 0; next; index++) {
    const ready = await next;
    next = readAhead(index + 1);
    await addArtifact(run.bag, record.id, ready, capturedAt);
    const { role, name, size, sha256 } = ready.artifact;
    files.push({ role, name, path: `evidence/${record.id}/${name}`, size, sha256 });
  }
  return files;
}

function checkEvidenceId(id: string, seen: Set<string>): void {
  if (!isSafeSegment(id)) throw new BundleError(exportText.badEvidenceId(id));
  if (seen.has(id)) throw new BundleError(exportText.givenTwice(id));
  seen.add(id);
}

/** One evidence folder: its artifacts (DOM snapshots only when asked for) and its record.json. */
async function addEvidenceFolder(
  run: EvidenceRun,
  evidence: BundleEvidence,
): Promise<WrittenEvidence & { artifactCount: number }> {
  const { record } = evidence;
  const artifacts = bundledArtifacts(record.artifacts);
  const included = artifacts.filter((artifact) => run.options.includeDomSnapshots || artifact.role !== 'dom');
  const omitted = artifacts.filter((artifact) => !included.includes(artifact));
  const files = await addArtifacts(run, evidence, included, dateOr(record.capturedAt, run.generatedAt));
  files.push(
    await run.bag.addPayloadText(
      `evidence/${record.id}/${RECORD_FILE}`,
      recordJson(record, included, omitted),
    ),
  );
  const timestamp = await addCaptureTimestamp(
    run.bag,
    record.id,
    evidence.timestamp,
    run.ledger,
    dateOr(record.capturedAt, run.generatedAt),
  );
  const { id, title, url, capturedAt, effectiveDate, capturer, kind, status, notes, controls } = record;
  const written = {
    id,
    title,
    url,
    capturedAt,
    effectiveDate,
    capturer,
    kind,
    status,
    notes,
    controls,
    files,
    timestamp,
  };
  return { ...written, artifactCount: included.length };
}

async function addEvidence(run: EvidenceRun): Promise<WrittenRecords> {
  const written: WrittenRecords = { evidence: [], artifactCount: 0 };
  const ids = new Set<string>();
  for await (const evidence of run.options.evidence) {
    run.options.signal?.throwIfAborted();
    checkEvidenceId(evidence.record.id, ids);
    const { artifactCount, ...folder } = await addEvidenceFolder(run, evidence);
    written.evidence.push(folder);
    written.artifactCount += artifactCount;
  }
  run.options.signal?.throwIfAborted();
  return written;
}

function controlCounts(evidence: readonly WrittenEvidence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of evidence)
    for (const control of item.controls) counts.set(control, (counts.get(control) ?? 0) + 1);
  return counts;
}

/**
 * The files under data/ beside the evidence folders, in the order they are zipped: a new table or report is
 * one entry here.
 */
function summaryFiles(
  name: string,
  context: BundleContext,
  evidence: readonly WrittenEvidence[],
  options: Pick<WriteBundleOptions, 'signer' | 'timestampGuide'>,
  ledger: TimestampLedger,
) {
  const titles = new Map(context.catalogue.items.map((item) => [item.id, item.title]));
  const scoped = exportCustody(context, evidence);
  const custody = {
    entries: scoped.entries.length,
    withheld: scoped.withheld,
    lastHash: lastCustodyHash(context),
  };
  const signature = options.signer
    ? { algorithm: options.signer.algorithm, fingerprint: groupFingerprint(options.signer.fingerprint) }
    : null;
  const guide: VerifyGuide = {
    bundleName: name,
    signature,
    timestamps: ledger.active ? timestampGuide(evidence, ledger) : (options.timestampGuide ?? null),
    custody,
  };
  const timestamps = ledger.active
    ? { toleranceMinutes: ledger.timestamping?.toleranceMinutes ?? 5, ...ledgerCounts(ledger) }
    : null;
  const files = [
    {
      path: 'custody-log.jsonl',
      text: () => scoped.entries.map((entry) => `${canonicalJson(entry)}\n`).join(''),
    },
    { path: CUSTODY_SCRIPT_FILE, text: () => CUSTODY_SCRIPT },
    { path: 'register.csv', text: () => registerCsv(evidence, titles) },
    { path: 'soa.csv', text: () => soaCsv(context, controlCounts(evidence)) },
    { path: 'findings.csv', text: () => findingsCsv(context.findings) },
    ...(context.frameworks ?? []).map((framework) => ({
      path: FRAMEWORK_REGISTER_FILES[framework],
      text: () => frameworkRegisterCsv(framework, evidence),
    })),
    ...riskSummaryFiles(context.riskRegister),
    ...recordsSummaryFiles(context.ismsRecords),
    ...(context.requests
      ? [{ path: REQUESTS_FILE, text: () => requestsCsv(context.requests!, evidence) }]
      : []),
    { path: 'VERIFY.txt', text: () => verifyText(guide) },
    {
      path: 'index.html',
      text: () => renderReport({ bundleName: name, context, evidence, custody, signature, timestamps }),
    },
  ];
  return { files, withheld: scoped.withheld };
}

function ledgerCounts(ledger: TimestampLedger) {
  return { stamped: ledger.stamped, pending: ledger.pending, unstamped: ledger.unstamped };
}

/** VERIFY.txt's time-stamp step: the openssl commands per platform, with one capture as the worked example. */
function timestampGuide(
  evidence: readonly WrittenEvidence[],
  ledger: TimestampLedger,
): NonNullable<VerifyGuide['timestamps']> {
  const example = evidence.find((item) => item.timestamp?.state === 'stamped')?.id ?? null;
  const pending = evidence.filter((item) => item.timestamp?.state === 'pending').map((item) => item.id);
  const t = verifyGuideText;
  return {
    step: {
      title: t.timestampsStep,
      commands: {
        linux: t.timestamps('linux', example),
        macos: t.timestamps('macos', example),
        windows: t.timestamps('windows', example),
      },
    },
    about: t.timestampsAbout({
      stamped: ledger.stamped,
      pending,
      unstamped: ledger.unstamped,
      toleranceMinutes: ledger.timestamping?.toleranceMinutes ?? 5,
    }),
  };
}

/** The custody log as this export carries it: entries about evidence outside it are withheld. */
function exportCustody(
  context: BundleContext,
  evidence: readonly WrittenEvidence[],
): { entries: ChainEntry[]; withheld: number } {
  const named = new Set(context.custody.flatMap((entry) => (entry.evidenceId ? [entry.evidenceId] : [])));
  const isEvidenceId = (text: string) => named.has(text) || EVIDENCE_ID_PATTERN.test(text);
  return scopeCustody(context.custody, new Set(evidence.map((item) => item.id)), isEvidenceId);
}

function lastCustodyHash(context: BundleContext): string | null {
  return context.custody.at(-1)?.hash ?? null;
}

function bagInfoText(
  bag: BagWriter,
  context: BundleContext,
  evidenceCount: number,
  signer: BundleSigner | undefined,
): string {
  const window = `${context.window.start ?? 'open'} to ${context.window.end ?? 'open'}`;
  const generator = `${context.generator.name} ${context.generator.version}`;
  return bagInfoTxt({
    sourceOrganization: context.organisation,
    baggingDate: context.baggingDate,
    payloadOctets: bag.payloadBytes,
    payloadStreams: bag.payloadFiles,
    externalIdentifier: bag.name,
    externalDescription: `ISO/IEC 27001 audit evidence. Audit window: ${window}. Scope: ${context.plan?.scope || 'not recorded'}. ${evidenceCount} evidence records. Generated by ${generator} at ${context.generatedAt}.`,
    bagSoftwareAgent: generator,
    extra: signer
      ? [
          [SIGNING_ALGORITHM_LABEL, signer.algorithm],
          [SIGNING_FINGERPRINT_LABEL, groupFingerprint(signer.fingerprint)],
        ]
      : [],
  });
}

/**
 * The tag manifest, then every seal over it: the signature first, then any other, then the time-stamp token
 * over the tag manifest and the TSA chain. Says what came of the time stamps (null when the bundle has none).
 */
async function sealBag(
  bag: BagWriter,
  options: WriteBundleOptions,
  ledger: TimestampLedger,
): Promise<WrittenTimestamps | null> {
  const tagManifest = await bag.addTagManifest();
  if (options.signer) await bag.addSealFile(SIGNATURE_FILE, await options.signer.sign(tagManifest));
  for (const seal of options.seals ?? [])
    for (const file of await seal(tagManifest)) await bag.addSealFile(file.path, file.bytes);
  if (!ledger.active) return null;
  const sealed = await timestampSeal(tagManifest, ledger);
  for (const file of sealed.files) await bag.addSealFile(file.path, file.bytes);
  return { ...ledgerCounts(ledger), tagManifest: sealed.tagManifest };
}

/**
 * Streams the bundle: bagit.txt, the evidence, the summary files, then the manifest, the public key,
 * bag-info.txt, the tag manifest and the seals over it (the signature).
 */
export async function writeBundle(
  output: WritableStream<Uint8Array>,
  options: WriteBundleOptions,
): Promise<WriteBundleResult> {
  const { context, signal } = options;
  const name = bundleName(context.organisation, context.baggingDate);
  const generatedAt = dateOr(context.generatedAt, new Date());
  const bag = new BagWriter(output, { name, generatedAt, ...options });
  try {
    await bag.addTagText('bagit.txt', BAGIT_TXT);
    const wholeReadLimit = options.wholeReadLimit ?? DEFAULT_WHOLE_READ_LIMIT;
    const ledger = new TimestampLedger(options.timestamps);
    const written = await addEvidence({ bag, options, wholeReadLimit, generatedAt, ledger });
    // Without time stamps anywhere in the bundle, records say nothing of them (not "not stamped" on each).
    if (!ledger.active) for (const item of written.evidence) delete item.timestamp;
    const summary = summaryFiles(name, context, written.evidence, options, ledger);
    for (const file of summary.files) await bag.addPayloadText(file.path, file.text());
    for (const file of options.extraFiles ?? []) await bag.addPayloadText(file.path, file.text);
    const payloadFiles = bag.payloadFiles;
    const manifestSha256 = await bag.addPayloadManifest();
    const { signer } = options;
    if (signer) await bag.addTagText(PUBLIC_KEY_FILE, signer.publicKeyPem);
    await bag.addTagText('bag-info.txt', bagInfoText(bag, context, written.evidence.length, signer));
    const timestamps = await sealBag(bag, options, ledger);
    await bag.close();
    return {
      name,
      evidenceCount: written.evidence.length,
      evidenceIds: written.evidence.map((item) => item.id),
      artifactCount: written.artifactCount,
      payloadFiles,
      payloadBytes: bag.payloadBytes,
      zipBytes: bag.zipBytes,
      manifestSha256,
      lastCustodyHash: lastCustodyHash(context),
      custodyWithheld: summary.withheld,
      signedBy: signer ? normalizeFingerprint(signer.fingerprint) : null,
      encrypted: Boolean(options.password),
      timestamps,
    };
  } catch (error) {
    await bag.abort(error);
    throw signal?.aborted ? (signal.reason ?? error) : error;
  }
}
