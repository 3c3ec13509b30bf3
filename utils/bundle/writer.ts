/**
 * Streams an auditor bundle into a WritableStream: one zip holding one BagIt bag. Memory stays flat —
 * each artifact is read, hashed and written before the next one is opened — and an artifact whose
 * bytes no longer match their recorded SHA-256 stops the export: corrupt evidence is never bagged.
 */
import { Uint8ArrayReader, ZipWriter, type ZipWriterAddDataOptions } from '@zip.js/zip.js';
import type { Artifact } from '../evidence/types';
import { canonicalJson } from '../integrity/custody';
import { sha256Hex } from '../integrity/sha256';
import { BAGIT_TXT, bagInfoTxt, manifestText, type ManifestEntry } from './bagit';
import { bundleName, bundleSegment, isSafeSegment, uniqueSegment } from './naming';
import { RECORD_FILE, recordJson } from './record';
import { renderReport } from './report';
import { Sha256 } from '../integrity/sha256-stream';
import { coalesceWrites } from './coalesce';
import { findingsCsv, registerCsv, soaCsv } from './tables';
import type { BundleContext, BundleEvidence, BundleProgress, WrittenEvidence, WrittenFile } from './types';
import { verifyText } from './verify-text';
import { exportText } from '../text';

/** A problem the user can act on (damaged evidence, an unsafe name); its message says which file. */
export class BundleError extends Error {
  override name = 'BundleError';
}

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
  encrypted: boolean;
}

const DEFAULT_WHOLE_READ_LIMIT = 16 * 1024 * 1024;
/** Writes reach the output in blocks of this size (see coalesceWrites). */
const WRITE_BLOCK_BYTES = 4 * 1024 * 1024;
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
  const names = new Set<string>([RECORD_FILE]);
  return artifacts.map((artifact) => {
    const name = uniqueSegment(bundleSegment(artifact.name), names);
    names.add(name);
    return name === artifact.name ? artifact : { ...artifact, name };
  });
}

export async function writeBundle(
  output: WritableStream<Uint8Array>,
  options: WriteBundleOptions,
): Promise<WriteBundleResult> {
  const { context, signal, onProgress } = options;
  const name = bundleName(context.organisation, context.baggingDate);
  const generatedAt = dateOr(context.generatedAt, new Date());
  const wholeReadLimit = options.wholeReadLimit ?? DEFAULT_WHOLE_READ_LIMIT;
  const sink = output.getWriter();
  let zipBytes = 0;
  const relay = coalesceWrites(sink, WRITE_BLOCK_BYTES, (count) => (zipBytes += count));
  const zip = new ZipWriter(relay, {
    useWebWorkers: false,
    keepOrder: true,
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const } : {}),
    ...(options.zip64 ? { zip64: true } : {}),
    ...(signal ? { signal } : {}),
  });

  const progress: BundleProgress = { files: 0, bytes: 0 };
  const payload: ManifestEntry[] = [];
  let payloadBytes = 0;
  const report = (extraBytes = 0) =>
    onProgress?.({ files: progress.files, bytes: progress.bytes + extraBytes });

  const entryOptions = (compress: boolean, lastModDate: Date): ZipWriterAddDataOptions => ({
    level: compress ? 6 : 0,
    lastModDate,
    onprogress: async (done: number) => report(done),
  });

  /** Adds one file to the bag; `path` is relative to the bag folder. */
  async function addBytes(
    path: string,
    bytes: Uint8Array,
    compress: boolean,
    lastModDate = generatedAt,
  ): Promise<string> {
    const sha256 = await sha256Hex(bytes);
    await zip.add(`${name}/${path}`, new Uint8ArrayReader(bytes), entryOptions(compress, lastModDate));
    progress.files++;
    progress.bytes += bytes.length;
    report();
    return sha256;
  }

  async function addPayloadText(path: string, text: string, lastModDate = generatedAt): Promise<WrittenFile> {
    const bytes = new TextEncoder().encode(text);
    const sha256 = await addBytes(`data/${path}`, bytes, true, lastModDate);
    payload.push({ path: `data/${path}`, sha256 });
    payloadBytes += bytes.length;
    return { role: 'record', name: path.split('/').pop() ?? path, path, size: bytes.length, sha256 };
  }

  /** An artifact read (and, when small, hashed) ahead of its turn, so reading overlaps with zipping. */
  interface ReadyArtifact {
    artifact: Artifact;
    blob: Blob;
    /** The checked bytes of an artifact read whole; null for one streamed (and hashed) as it is written. */
    bytes: Uint8Array | null;
  }

  const damaged = (id: string, artifact: Artifact, detail: string) =>
    new BundleError(exportText.damaged(id, artifact.name, detail));

  async function readArtifactAhead(id: string, artifact: Artifact, blob: Blob): Promise<ReadyArtifact> {
    if (blob.size !== artifact.size)
      throw damaged(id, artifact, exportText.sizeDiffers(blob.size, artifact.size));
    if (blob.size > wholeReadLimit) return { artifact, blob, bytes: null };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if ((await sha256Hex(bytes)) !== artifact.sha256) throw damaged(id, artifact, exportText.hashDiffers);
    return { artifact, blob, bytes };
  }

  async function addArtifact(id: string, ready: ReadyArtifact, lastModDate: Date): Promise<void> {
    const { artifact, blob, bytes } = ready;
    const path = `data/evidence/${id}/${artifact.name}`;
    const options = entryOptions(!isCompressed(artifact), lastModDate);
    if (bytes) {
      await zip.add(`${name}/${path}`, new Uint8ArrayReader(bytes), options);
    } else {
      const hasher = new Sha256();
      let mismatch: BundleError | null = null;
      const readable = blob.stream().pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            hasher.update(chunk);
            controller.enqueue(chunk);
          },
          flush() {
            if (hasher.digestHex() !== artifact.sha256) {
              mismatch = damaged(id, artifact, exportText.hashDiffers);
              throw mismatch;
            }
          },
        }),
      );
      try {
        await zip.add(`${name}/${path}`, { readable }, { ...options, uncompressedSize: artifact.size });
      } catch (error) {
        throw mismatch ?? error;
      }
    }
    payload.push({ path, sha256: artifact.sha256 });
    payloadBytes += artifact.size;
    progress.files++;
    progress.bytes += artifact.size;
    report();
  }

  try {
    const bagitBytes = new TextEncoder().encode(BAGIT_TXT);
    const tags: ManifestEntry[] = [
      { path: 'bagit.txt', sha256: await addBytes('bagit.txt', bagitBytes, true) },
    ];

    const written: WrittenEvidence[] = [];
    const ids = new Set<string>();
    let artifactCount = 0;
    for await (const { record, readArtifact } of options.evidence) {
      signal?.throwIfAborted();
      if (!isSafeSegment(record.id)) throw new BundleError(exportText.badEvidenceId(record.id));
      if (ids.has(record.id)) throw new BundleError(exportText.givenTwice(record.id));
      ids.add(record.id);
      const artifacts = bundledArtifacts(record.artifacts);
      const included = artifacts.filter((artifact) => options.includeDomSnapshots || artifact.role !== 'dom');
      const omitted = artifacts.filter((artifact) => !included.includes(artifact));
      const capturedAt = dateOr(record.capturedAt, generatedAt);
      const files: WrittenFile[] = [];
      // At most one artifact is read ahead of the one being zipped: memory stays bounded by two artifacts.
      const readAhead = (index: number): Promise<ReadyArtifact> | null => {
        const artifact = included[index];
        if (!artifact) return null;
        const ready = readArtifact(artifact).then((blob) => readArtifactAhead(record.id, artifact, blob));
        ready.catch(() => undefined); // awaited in turn below; a failure is reported there, once
        return ready;
      };
      let next = readAhead(0);
      for (let index = 0; next; index++) {
        const ready = await next;
        next = readAhead(index + 1);
        await addArtifact(record.id, ready, capturedAt);
        const { role, name: fileName, size, sha256 } = ready.artifact;
        files.push({ role, name: fileName, path: `evidence/${record.id}/${fileName}`, size, sha256 });
      }
      artifactCount += included.length;
      files.push(
        await addPayloadText(`evidence/${record.id}/${RECORD_FILE}`, recordJson(record, included, omitted)),
      );
      const { id, title, url, effectiveDate, capturer, kind, status, notes, controls } = record;
      written.push({
        id,
        title,
        url,
        capturedAt: record.capturedAt,
        effectiveDate,
        capturer,
        kind,
        status,
        notes,
        controls,
        files,
      });
    }
    signal?.throwIfAborted();

    const custodyLog = context.custody.map((entry) => `${canonicalJson(entry)}\n`).join('');
    const lastCustodyHash = context.custody.at(-1)?.hash ?? null;
    await addPayloadText('custody-log.jsonl', custodyLog);
    const titles = new Map(context.catalogue.items.map((item) => [item.id, item.title]));
    const counts = new Map<string, number>();
    for (const item of written)
      for (const control of item.controls) counts.set(control, (counts.get(control) ?? 0) + 1);
    await addPayloadText('register.csv', registerCsv(written, titles));
    await addPayloadText('soa.csv', soaCsv(context, counts));
    await addPayloadText('findings.csv', findingsCsv(context.findings));
    await addPayloadText('VERIFY.txt', verifyText(name));
    await addPayloadText(
      'index.html',
      renderReport({
        bundleName: name,
        context,
        evidence: written,
        custody: { entries: context.custody.length, lastHash: lastCustodyHash },
      }),
    );

    const payloadFiles = payload.length;
    const manifest = new TextEncoder().encode(manifestText(payload));
    payload.length = 0;
    const manifestSha256 = await addBytes('manifest-sha256.txt', manifest, true);
    tags.push({ path: 'manifest-sha256.txt', sha256: manifestSha256 });
    const window = `${context.window.start ?? 'open'} to ${context.window.end ?? 'open'}`;
    const bagInfo = bagInfoTxt({
      sourceOrganization: context.organisation,
      baggingDate: context.baggingDate,
      payloadOctets: payloadBytes,
      payloadStreams: payloadFiles,
      externalIdentifier: name,
      externalDescription: `ISO/IEC 27001 audit evidence. Audit window: ${window}. Scope: ${context.plan?.scope || 'not recorded'}. ${written.length} evidence records. Generated by ${context.generator.name} ${context.generator.version} at ${context.generatedAt}.`,
      bagSoftwareAgent: `${context.generator.name} ${context.generator.version}`,
    });
    tags.push({
      path: 'bag-info.txt',
      sha256: await addBytes('bag-info.txt', new TextEncoder().encode(bagInfo), true),
    });
    await addBytes('tagmanifest-sha256.txt', new TextEncoder().encode(manifestText(tags)), true);
    await zip.close();
    return {
      name,
      evidenceCount: written.length,
      evidenceIds: written.map((item) => item.id),
      artifactCount,
      payloadFiles,
      payloadBytes,
      zipBytes,
      manifestSha256,
      lastCustodyHash,
      encrypted: Boolean(options.password),
    };
  } catch (error) {
    await sink.abort(error).catch(() => undefined);
    throw signal?.aborted ? (signal.reason ?? error) : error;
  }
}
