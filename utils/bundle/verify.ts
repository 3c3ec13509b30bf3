/**
 * Opens a bundle and checks everything before anything is imported: safe entries, the BagIt
 * structure, every hash, the evidence records and the custody chain. Problems name the entry.
 */
import { BlobReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import type { CustodyEntry } from '../evidence/types';
import { TAG_FILES, type ManifestEntry } from './bagit';
import { compareListings, parseTags } from './bag-files';
import { parseCustodyLog } from './custody-log';
import { checkStructure, DEFAULT_LIMITS, type BundleLimits } from './entry-checks';
import { decodeUtf8, readEntry, WrongPassword, type ReadResult } from './entry-reader';
import { readEvidenceFolders } from './evidence-folders';
import { RECORD_FILE, type BundledArtifact, type BundledRecord } from './record';
import type { BundleProgress, BundleSummary, VerifyFailure } from './types';
import { importProblemText as t } from '../text';

export interface VerifyOptions {
  password?: string | undefined;
  limits?: Partial<BundleLimits> | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BundleProgress) => void) | undefined;
}

/** A bundle that passed every check; its artifacts can be read (and are re-hashed) for import. */
export interface VerifiedBundle {
  summary: BundleSummary;
  evidence: BundledRecord[];
  custody: CustodyEntry[];
  readArtifact: (evidenceId: string, artifact: BundledArtifact) => Promise<Blob>;
}

export type VerifyResult = { ok: true; summary: BundleSummary; bundle: VerifiedBundle } | VerifyFailure;

const MAX_PROBLEMS = 50;
const CUSTODY_FILE = 'data/custody-log.jsonl';

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

export async function verifyBundle(file: Blob, options: VerifyOptions = {}): Promise<VerifyResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { password, signal } = options;
  const reader = new ZipReader(new BlobReader(file), { useWebWorkers: false });
  const entries = await listEntries(reader, limits);
  if (!Array.isArray(entries)) return entries;

  // 1. The entry list alone: nothing is read from an unsafe or bomb-shaped zip.
  const structure = checkStructure(entries, limits);
  if (structure.problems.length > 0 || structure.root === null) return fail(structure.problems);
  const root = structure.root;
  const files = new Map<string, FileEntry>();
  for (const entry of entries) if (!entry.directory) files.set(entry.filename.slice(root.length + 1), entry);
  const encrypted = [...files.values()].some((entry) => entry.encrypted);
  if (encrypted && !password) return fail([t.encrypted], true);

  const progress: BundleProgress = { files: 0, bytes: 0 };
  const read = async (path: string, keep: boolean): Promise<ReadResult> => {
    const result = await readEntry(files.get(path)!, path, {
      password,
      signal,
      keep,
      maxKeptBytes: limits.maxTextBytes,
    });
    progress.files++;
    progress.bytes += result.size;
    options.onProgress?.({ ...progress });
    return result;
  };

  try {
    // 2. The tag files.
    const missingTags = TAG_FILES.filter((name) => !files.has(name));
    if (missingTags.length > 0) return fail(missingTags.map((name) => t.notBagit(name)));
    const tagFiles = new Map<string, { sha256: string; text: string }>();
    for (const name of TAG_FILES) {
      const result = await read(name, true);
      try {
        tagFiles.set(name, { sha256: result.sha256, text: decodeUtf8(result.chunks ?? []) });
      } catch {
        return fail([t.notUtf8(name)]);
      }
    }
    const parsed = parseTags((name) => tagFiles.get(name)!.text);
    if (parsed.problems.length > 0) return fail(parsed.problems);

    // 3. What is there against what the manifests list.
    const problems = compareListings(files.keys(), parsed);
    if (problems.length > 0) return fail(problems);

    // 4. Every hash; the files the import parses are kept as text.
    const compare = (path: string, actual: string, expected: ManifestEntry | undefined, manifest: string) => {
      if (expected && expected.sha256 !== actual) problems.push(t.hashMismatch(path, manifest));
    };
    for (const path of parsed.tags.keys()) {
      const sha256 = tagFiles.get(path)?.sha256 ?? (await read(path, false)).sha256;
      compare(path, sha256, parsed.tags.get(path), 'tagmanifest-sha256.txt');
    }
    const texts = new Map<string, string>();
    const sizes = new Map<string, number>();
    let octets = 0;
    for (const path of [...parsed.payload.keys()].sort()) {
      signal?.throwIfAborted();
      const keep = path === CUSTODY_FILE || path.endsWith(`/${RECORD_FILE}`);
      const result = await read(path, keep);
      octets += result.size;
      sizes.set(path, result.size);
      compare(path, result.sha256, parsed.payload.get(path), 'manifest-sha256.txt');
      if (!keep) continue;
      try {
        texts.set(path, decodeUtf8(result.chunks ?? []));
      } catch {
        problems.push(t.notUtf8(path));
      }
    }
    const { oxum } = parsed;
    if (oxum && (oxum.octets !== octets || oxum.streams !== parsed.payload.size)) {
      problems.push(t.oxumMismatch(`${oxum.octets}.${oxum.streams}`, `${octets}.${parsed.payload.size}`));
    }
    if (problems.length > 0) return fail(problems);

    // 5. The evidence records and the custody chain.
    const custodyText = texts.get(CUSTODY_FILE);
    if (custodyText === undefined) problems.push(t.noCustodyLog(CUSTODY_FILE));
    const custody = parseCustodyLog(custodyText ?? '', CUSTODY_FILE);
    problems.push(...custody.problems);
    const evidence = readEvidenceFolders({ manifest: parsed.payload, texts, sizes }, problems);
    if (problems.length > 0) return fail(problems);

    const summary: BundleSummary = {
      name: root,
      organisation: parsed.info.get('Source-Organization') ?? '',
      baggingDate: parsed.info.get('Bagging-Date') ?? '',
      externalDescription: parsed.info.get('External-Description') ?? '',
      evidenceCount: evidence.length,
      artifactCount: evidence.reduce((sum, record) => sum + record.artifacts.length, 0),
      payloadFiles: parsed.payload.size,
      payloadBytes: octets,
      custodyEntries: custody.entries.length,
      lastCustodyHash: custody.entries.at(-1)?.hash ?? null,
      encrypted,
    };
    // The zip Blob is immutable, yet the bytes are hashed again on the way into the database.
    const readArtifact = async (evidenceId: string, artifact: BundledArtifact): Promise<Blob> => {
      const path = `data/evidence/${evidenceId}/${artifact.name}`;
      if (!files.has(path)) throw new Error(t.notInBundle(path));
      const result = await readEntry(files.get(path)!, path, {
        password,
        keep: true,
        maxKeptBytes: limits.maxEntryBytes,
      });
      if (result.sha256 !== artifact.sha256) throw new Error(t.changedSinceVerified(path));
      return new Blob(result.chunks ?? [], { type: artifact.mimeType });
    };
    return { ok: true, summary, bundle: { summary, evidence, custody: custody.entries, readArtifact } };
  } catch (error) {
    signal?.throwIfAborted();
    if (error instanceof WrongPassword) return fail([t.wrongPassphrase], true);
    return fail([message(error)]);
  } finally {
    await reader.close();
  }
}
