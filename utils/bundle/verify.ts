/**
 * Opens a bundle and checks everything before anything is imported: safe entries, the BagIt
 * structure, every hash, the evidence records and the custody chain. Problems name the entry.
 */
import { BlobReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { isWithheld, type ChainEntry } from '../integrity/custody';
import { TAG_FILES, type ManifestEntry } from './bagit';
import { compareListings, parseTags, type ParsedTags } from './bag-files';
import { checkSignature, type SignatureKeys } from './bundle-signature';
import { checkTimestamps, isTimestampPayload, type BundleTimestamps } from './bundle-timestamps';
import { parseCustodyLog } from './custody-log';
import { checkStructure, DEFAULT_LIMITS, type BundleLimits } from './entry-checks';
import { decodeUtf8, readEntry, WrongPassword, type ReadResult } from './entry-reader';
import { readEvidenceFolders } from './evidence-folders';
import { RECORD_FILE, type BundledArtifact, type BundledRecord } from './record';
import type { BundleProgress, BundleSignature, BundleSummary, VerifyFailure } from './types';
import { readRequestsCsv, REQUESTS_FILE } from './requests';
import {
  FRAMEWORK_REGISTER_PATHS,
  readFrameworkRegister,
  type FrameworkRegister,
} from './framework-registers';
import type { AuditRequest } from '../requests/types';
import { importProblemText as t } from '../text';
import { bundledRiskTables, keepsRiskTable, type BundledRiskTables } from './risk-files';
import { bundledIsmsRecords, keepsRecordsTable, type BundledIsmsRecords } from './records-read';

export interface VerifyOptions {
  password?: string | undefined;
  limits?: Partial<BundleLimits> | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BundleProgress) => void) | undefined;
  /** The keys a signer is placed with; without them every signer is shown as unknown. */
  keys?: SignatureKeys | undefined;
}

/** A bundle that passed every check; its artifacts can be read (and are re-hashed) for import. */
export interface VerifiedBundle {
  summary: BundleSummary;
  evidence: BundledRecord[];
  /** The bundle's custody log; entries about evidence outside it are withheld. */
  custody: ChainEntry[];
  /** The bundled risk register and trace as text; null where the bundle has none (older versions). */
  riskTables?: BundledRiskTables;
  /**
   * The internal audits and management reviews read back, with a sentence for each row left out; absent
   * where the bundle has neither table (older versions). Rows left out never refuse the bundle.
   */
  ismsRecords?: BundledIsmsRecords;
  /** The request list of a bundle exported for one (data/requests.csv); empty for other and older bundles. */
  requests?: AuditRequest[];
  /** The registers of the frameworks in scope besides ISO, as read back; empty for ISO alone and older bundles. */
  frameworks?: FrameworkRegister[];
  readArtifact: (evidenceId: string, artifact: BundledArtifact) => Promise<Blob>;
}

export type VerifyResult = { ok: true; summary: BundleSummary; bundle: VerifiedBundle } | VerifyFailure;

const MAX_PROBLEMS = 50;
const CUSTODY_FILE = 'data/custody-log.jsonl';
const REQUESTS_PATH = `data/${REQUESTS_FILE}`;

function fail(problems: string[], needsPassword = false): VerifyFailure {
  const shown =
    problems.length > MAX_PROBLEMS
      ? [...problems.slice(0, MAX_PROBLEMS), t.moreProblems(problems.length - MAX_PROBLEMS)]
      : problems;
  return needsPassword ? { ok: false, problems: shown, needsPassword } : { ok: false, problems: shown };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function listEntries(
  reader: ZipReader<unknown>,
  limits: BundleLimits,
): Promise<Entry[] | VerifyFailure> {
  const entries: Entry[] = [];
  try {
    for await (const entry of reader.getEntriesGenerator({ filenameValidation: 'tolerant' })) {
      entries.push(entry);
      if (entries.length > limits.maxEntries) {
        return fail([t.tooManyEntries(limits.maxEntries)]);
      }
    }
  } catch (error) {
    return fail([t.notZip(message(error))]);
  }
  return entries;
}

/** A bundle whose entry list passed: its files by path inside the bag, and one reader that counts progress. */
interface OpenedBundle {
  root: string;
  files: Map<string, FileEntry>;
  encrypted: boolean;
  read: (path: string, keep: boolean) => Promise<ReadResult>;
}

type TagFiles = Map<string, { sha256: string; text: string; bytes: Uint8Array }>;

/** The payload's files as read: the texts the import parses, every size, the total octets. */
interface ReadPayload {
  texts: Map<string, string>;
  sizes: Map<string, number>;
  /** Time-stamp tokens and the bytes they stamp (small), read whole. */
  bytes: Map<string, Uint8Array>;
  octets: number;
}

/** 1. The entry list alone: nothing is read from an unsafe or bomb-shaped zip. */
function openBundle(
  entries: readonly Entry[],
  limits: BundleLimits,
  options: VerifyOptions,
): OpenedBundle | VerifyFailure {
  const structure = checkStructure(entries, limits);
  if (structure.problems.length > 0 || structure.root === null) return fail(structure.problems);
  const root = structure.root;
  const files = new Map<string, FileEntry>();
  for (const entry of entries) if (!entry.directory) files.set(entry.filename.slice(root.length + 1), entry);
  const encrypted = [...files.values()].some((entry) => entry.encrypted);
  if (encrypted && !options.password) return fail([t.encrypted], true);
  const progress: BundleProgress = { files: 0, bytes: 0 };
  const read = async (path: string, keep: boolean): Promise<ReadResult> => {
    const result = await readEntry(files.get(path)!, path, {
      password: options.password,
      signal: options.signal,
      keep,
      maxKeptBytes: limits.maxTextBytes,
    });
    progress.files++;
    progress.bytes += result.size;
    options.onProgress?.({ ...progress });
    return result;
  };
  return { root, files, encrypted, read };
}

/** 2. The tag files, read whole as UTF-8 text. */
async function readTagFiles(bundle: OpenedBundle): Promise<TagFiles | VerifyFailure> {
  const missingTags = TAG_FILES.filter((name) => !bundle.files.has(name));
  if (missingTags.length > 0) return fail(missingTags.map((name) => t.notBagit(name)));
  const tagFiles: TagFiles = new Map();
  for (const name of TAG_FILES) {
    const result = await bundle.read(name, true);
    try {
      const chunks = result.chunks ?? [];
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      tagFiles.set(name, { sha256: result.sha256, text: decodeUtf8(chunks), bytes });
    } catch {
      return fail([t.notUtf8(name)]);
    }
  }
  return tagFiles;
}

function compareHash(
  problems: string[],
  path: string,
  actual: string,
  expected: ManifestEntry | undefined,
  manifest: string,
): void {
  if (expected && expected.sha256 !== actual) problems.push(t.hashMismatch(path, manifest));
}

/** 4a. Every tag file against the tag manifest (the ones already read are not read again). */
async function checkTagHashes(
  bundle: OpenedBundle,
  parsed: ParsedTags,
  tagFiles: TagFiles,
  problems: string[],
) {
  for (const path of parsed.tags.keys()) {
    const sha256 = tagFiles.get(path)?.sha256 ?? (await bundle.read(path, false)).sha256;
    compareHash(problems, path, sha256, parsed.tags.get(path), 'tagmanifest-sha256.txt');
  }
}

/** 4b. Every payload file against the payload manifest; the files the import parses are kept as text. */
async function checkPayloadHashes(
  bundle: OpenedBundle,
  parsed: ParsedTags,
  problems: string[],
  signal: AbortSignal | undefined,
): Promise<ReadPayload> {
  const payload: ReadPayload = { texts: new Map(), sizes: new Map(), bytes: new Map(), octets: 0 };
  for (const path of [...parsed.payload.keys()].sort()) {
    signal?.throwIfAborted();
    const keep =
      path === CUSTODY_FILE ||
      path === REQUESTS_PATH ||
      FRAMEWORK_REGISTER_PATHS.has(path) ||
      path.endsWith(`/${RECORD_FILE}`) ||
      keepsRiskTable(path) ||
      keepsRecordsTable(path);
    const stamp = isTimestampPayload(path);
    const result = await bundle.read(path, keep || stamp);
    payload.octets += result.size;
    payload.sizes.set(path, result.size);
    compareHash(problems, path, result.sha256, parsed.payload.get(path), 'manifest-sha256.txt');
    if (stamp) payload.bytes.set(path, new Uint8Array(await new Blob(result.chunks ?? []).arrayBuffer()));
    if (!keep) continue;
    try {
      payload.texts.set(path, decodeUtf8(result.chunks ?? []));
    } catch {
      problems.push(t.notUtf8(path));
    }
  }
  return payload;
}

/** 4c. bag-info.txt's Payload-Oxum against the octets and files actually there. */
function checkOxum(parsed: ParsedTags, payload: ReadPayload, problems: string[]): void {
  const { oxum } = parsed;
  if (oxum && (oxum.octets !== payload.octets || oxum.streams !== parsed.payload.size)) {
    problems.push(
      t.oxumMismatch(`${oxum.octets}.${oxum.streams}`, `${payload.octets}.${parsed.payload.size}`),
    );
  }
}

/** 5. The evidence records and the custody chain. */
function readRecords(parsed: ParsedTags, payload: ReadPayload, problems: string[]) {
  const custodyText = payload.texts.get(CUSTODY_FILE);
  if (custodyText === undefined) problems.push(t.noCustodyLog(CUSTODY_FILE));
  const custody = parseCustodyLog(custodyText ?? '', CUSTODY_FILE);
  problems.push(...custody.problems);
  const { texts, sizes } = payload;
  const evidence = readEvidenceFolders({ manifest: parsed.payload, texts, sizes }, problems);
  return {
    custody: custody.entries,
    evidence,
    requests: readRequests(texts.get(REQUESTS_PATH), problems),
    frameworks: readRegisters(texts, evidence, problems),
    riskTables: bundledRiskTables(texts),
    ...optional('ismsRecords', bundledIsmsRecords(texts)),
  };
}

/** exactOptionalPropertyTypes: a field that is absent is left out, never set to undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The framework registers a bundle carries (none in a bundle of ISO alone, and in every older one). */
function readRegisters(
  texts: ReadonlyMap<string, string>,
  evidence: readonly BundledRecord[],
  problems: string[],
): FrameworkRegister[] {
  const tags = new Map(evidence.map((record) => [record.evidence.id, record.evidence.controls]));
  const registers: FrameworkRegister[] = [];
  for (const [path, framework] of FRAMEWORK_REGISTER_PATHS) {
    const text = texts.get(path);
    if (text === undefined) continue;
    const read = readFrameworkRegister(framework, text, tags);
    problems.push(...read.problems);
    registers.push(read.register);
  }
  return registers;
}

/** A bundle without requests.csv (any bundle not exported for a request list, and every older one) has none. */
function readRequests(text: string | undefined, problems: string[]): AuditRequest[] {
  if (text === undefined) return [];
  const read = readRequestsCsv(text);
  problems.push(...read.problems);
  return read.requests;
}

/** 4d. The signature over the tag manifest (read whole: the seal files are small). */
async function verifySignature(
  bundle: OpenedBundle,
  parsed: ParsedTags,
  tagFiles: TagFiles,
  keys: SignatureKeys,
): Promise<{ ok: true; signature: BundleSignature } | { ok: false; problem: string }> {
  const read = async (path: string) => {
    if (!bundle.files.has(path)) return null;
    const result = await bundle.read(path, true);
    return new Uint8Array(await new Blob(result.chunks ?? []).arrayBuffer());
  };
  const tagManifest = tagFiles.get('tagmanifest-sha256.txt')!.bytes;
  return checkSignature({ tagManifest, info: parsed.info, read, keys });
}

/** 6. The trusted time stamps: each token against the file beside it and the chain the bundle carries. */
function verifyTimestamps(
  bundle: OpenedBundle,
  payload: ReadPayload,
  custody: readonly ChainEntry[],
  tagFiles: TagFiles,
) {
  const read = async (path: string) => {
    if (!bundle.files.has(path)) return null;
    const result = await bundle.read(path, true);
    return new Uint8Array(await new Blob(result.chunks ?? []).arrayBuffer());
  };
  const tagManifest = tagFiles.get('tagmanifest-sha256.txt')!.bytes;
  return checkTimestamps({ payload: payload.bytes, custody, tagManifest, read });
}

function summarise(
  bundle: OpenedBundle,
  parsed: ParsedTags,
  payload: ReadPayload,
  records: { custody: ChainEntry[]; evidence: BundledRecord[]; requests: AuditRequest[] },
  signature: BundleSignature,
  timestamps: BundleTimestamps | null,
): BundleSummary {
  const { custody, evidence } = records;
  return {
    name: bundle.root,
    organisation: parsed.info.get('Source-Organization') ?? '',
    baggingDate: parsed.info.get('Bagging-Date') ?? '',
    externalDescription: parsed.info.get('External-Description') ?? '',
    evidenceCount: evidence.length,
    artifactCount: evidence.reduce((sum, record) => sum + record.artifacts.length, 0),
    payloadFiles: parsed.payload.size,
    payloadBytes: payload.octets,
    custodyEntries: custody.length,
    lastCustodyHash: custody.at(-1)?.hash ?? null,
    custodyWithheld: custody.filter(isWithheld).length,
    signature,
    ...(timestamps ? { timestamps } : {}),
    encrypted: bundle.encrypted,
  };
}

/** The zip Blob is immutable, yet the bytes are hashed again on the way into the database. */
function artifactReader(bundle: OpenedBundle, limits: BundleLimits, password: string | undefined) {
  return async (evidenceId: string, artifact: BundledArtifact): Promise<Blob> => {
    const path = `data/evidence/${evidenceId}/${artifact.name}`;
    const entry = bundle.files.get(path);
    if (!entry) throw new Error(t.notInBundle(path));
    const result = await readEntry(entry, path, { password, keep: true, maxKeptBytes: limits.maxEntryBytes });
    if (result.sha256 !== artifact.sha256) throw new Error(t.changedSinceVerified(path));
    return new Blob(result.chunks ?? [], { type: artifact.mimeType });
  };
}

/** Steps 2 to 5 on an opened bundle; the first step with problems ends the check. */
async function verifyOpened(
  bundle: OpenedBundle,
  limits: BundleLimits,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const tagFiles = await readTagFiles(bundle);
  if (!(tagFiles instanceof Map)) return tagFiles;
  const parsed = parseTags((name) => tagFiles.get(name)!.text);
  if (parsed.problems.length > 0) return fail(parsed.problems);

  // 3. What is there against what the manifests list.
  const problems = compareListings(bundle.files.keys(), parsed);
  if (problems.length > 0) return fail(problems);

  await checkTagHashes(bundle, parsed, tagFiles, problems);
  if (problems.length > 0) return fail(problems);
  const signed = await verifySignature(bundle, parsed, tagFiles, options.keys ?? { known: [], pinned: [] });
  if (!signed.ok) return fail([signed.problem]);
  const payload = await checkPayloadHashes(bundle, parsed, problems, options.signal);
  checkOxum(parsed, payload, problems);
  if (problems.length > 0) return fail(problems);

  const records = readRecords(parsed, payload, problems);
  if (problems.length > 0) return fail(problems);
  const stamped = await verifyTimestamps(bundle, payload, records.custody, tagFiles);
  if (stamped.problems.length > 0) return fail(stamped.problems);
  const summary = summarise(bundle, parsed, payload, records, signed.signature, stamped.timestamps);
  const readArtifact = artifactReader(bundle, limits, options.password);
  return { ok: true, summary, bundle: { summary, ...records, readArtifact } };
}

export async function verifyBundle(file: Blob, options: VerifyOptions = {}): Promise<VerifyResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reader = new ZipReader(new BlobReader(file), { useWebWorkers: false });
  const entries = await listEntries(reader, limits);
  if (!Array.isArray(entries)) return entries;
  const bundle = openBundle(entries, limits, options);
  if ('ok' in bundle) return bundle;
  try {
    return await verifyOpened(bundle, limits, options);
  } catch (error) {
    options.signal?.throwIfAborted();
    if (error instanceof WrongPassword) return fail([t.wrongPassphrase], true);
    return fail([message(error)]);
  } finally {
    await reader.close();
  }
}
