/**
 * The export half of the signing benchmark (driven by scripts/bench/signing.mjs, which reads result.json):
 * `writeBundle` in Node streams BENCH_SIGNING_EXPORT_MIB (default 1024) MiB of evidence into a zip on disk,
 * signed with a fresh Ed25519 key (WebCrypto) and unsigned, alternating BENCH_SIGNING_EXPORT_PAIRS times.
 * BENCH_SIGNING_DIR (required) is where the zips (deleted after each run) and result.json go.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../utils/catalogue/catalogue';
import { writeBundle } from '../../utils/bundle/writer';
import type { BundleContext, BundleEvidence, BundleSigner } from '../../utils/bundle/types';
import type { Artifact, EvidenceRecord } from '../../utils/evidence/types';
import { fingerprintOf, generateSigningKey, signBytes, spkiToPem } from '../../utils/signing';

const dir = process.env.BENCH_SIGNING_DIR;
const targetBytes = Number(process.env.BENCH_SIGNING_EXPORT_MIB ?? 1024) * 1024 * 1024;
const pairs = Number(process.env.BENCH_SIGNING_EXPORT_PAIRS ?? 3);
const POOL = 48;
const MIN_PNG = 2_000_000;
const MAX_PNG = 5_000_000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

it.skipIf(!dir)('writes the same bundle signed and unsigned', async () => {
  // Distinct incompressible blobs, shared round-robin by the records (the writer hashes every byte it writes).
  const pngs = Array.from({ length: POOL }, (_, index) => {
    const size = Math.round(MIN_PNG + ((MAX_PNG - MIN_PNG) * index) / (POOL - 1));
    const bytes = new Uint8Array(randomBytes(size));
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return { blob: new Blob([bytes], { type: 'image/png' }), size, sha256: sha256(bytes) };
  });
  const textBytes = new TextEncoder().encode('backup job success retention repository '.repeat(250));
  const text = { blob: new Blob([textBytes]), size: textBytes.length, sha256: sha256(textBytes) };
  const records: { record: EvidenceRecord; files: Record<string, { blob: Blob }> }[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let index = 0, bytes = 0; bytes < targetBytes; index++) {
    const png = pngs[index % POOL]!;
    const id = `EV-20250101-${index.toString(32).toUpperCase().padStart(6, '0')}`;
    const files = {
      'original.png': { role: 'original' as const, mimeType: 'image/png', ...png },
      'text.txt': { role: 'text' as const, mimeType: 'text/plain;charset=utf-8', ...text },
    };
    const artifacts: Artifact[] = Object.entries(files).map(([name, file]) => ({
      role: file.role,
      name,
      mimeType: file.mimeType,
      size: file.size,
      sha256: file.sha256,
      blobKey: `${id}/${name}`,
    }));
    const capturedAt = new Date(start + index * 3_600_000).toISOString();
    records.push({
      record: {
        id,
        sequence: index + 1,
        capturedAt,
        effectiveDate: capturedAt.slice(0, 10),
        url: `https://backup.example.com/jobs/${index}`,
        title: `Backup job ${index}`,
        site: 'backup.example.com',
        capturer: 'Benchmark',
        kind: 'visible',
        controls: ['A.8.13'],
        notes: '',
        status: 'ready',
        artifacts,
      },
      files,
    });
    bytes += png.size + text.size;
  }
  function* evidence(): Generator<BundleEvidence> {
    for (const { record, files } of records)
      yield { record, readArtifact: async (artifact) => files[artifact.name]!.blob };
  }
  const context: BundleContext = {
    organisation: 'Signing Benchmark Ltd',
    baggingDate: '2025-12-31',
    generatedAt: '2025-12-31T12:00:00.000Z',
    generator: { name: 'ISMS Evidence Collector benchmark', version: '0' },
    window: { start: null, end: null },
    plan: null,
    catalogue: DEFAULT_CATALOGUE,
    controlScope: null,
    controlStates: [],
    coverage: {},
    readiness: [],
    findings: [],
    custody: [],
  };

  const key = await generateSigningKey();
  expect(key.algorithm).toBe('Ed25519');
  const signMs: number[] = [];
  let tagManifestBytes = 0;
  const signer: BundleSigner = {
    algorithm: key.algorithm,
    publicKeyPem: spkiToPem(key.spki),
    fingerprint: await fingerprintOf(key.spki),
    sign: async (data) => {
      const began = performance.now();
      const signature = await signBytes(key.keyPair.privateKey, key.algorithm, data);
      signMs.push(performance.now() - began);
      tagManifestBytes = data.length;
      return signature;
    },
  };

  const times = { signed: [] as number[], unsigned: [] as number[] };
  let payloadBytes = 0;
  // Run 0 warms up (file cache, JIT) and is not kept; then unsigned and signed alternate.
  for (let run = 0; run <= pairs * 2; run++) {
    const signed = run % 2 === 0;
    const zipPath = path.join(dir!, `export-${run}.zip`);
    const output = Writable.toWeb(createWriteStream(zipPath)) as WritableStream<Uint8Array>;
    const began = performance.now();
    const result = await writeBundle(output, {
      context,
      evidence: evidence(),
      includeDomSnapshots: false,
      ...(signed && run > 0 ? { signer } : {}),
    });
    if (run > 0) (signed ? times.signed : times.unsigned).push(performance.now() - began);
    expect(statSync(zipPath).size).toBe(result.zipBytes);
    expect(result.signedBy).toBe(signed && run > 0 ? signer.fingerprint : null);
    payloadBytes = result.payloadBytes;
    rmSync(zipPath);
  }
  writeFileSync(
    path.join(dir!, 'result.json'),
    JSON.stringify({
      mib: Math.round(targetBytes / 2 ** 20),
      records: records.length,
      payloadBytes,
      tagManifestBytes,
      signMs,
      ...times,
    }),
  );
});
