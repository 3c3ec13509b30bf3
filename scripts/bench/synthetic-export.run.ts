/**
 * The synthetic export of `npm run bench` (driven by scripts/bench/synthetic-export.mjs, which reads
 * the result and checks the zip with unzip and Python): `writeBundle` from utils/bundle/writer.ts,
 * in Node, streaming many files into a zip on disk. Sizes come from the environment:
 * BENCH_SYNTHETIC_DIR (required: where the zip and result.json go), BENCH_SYNTHETIC_FILES (target
 * number of zip entries, default 70,000) and BENCH_SYNTHETIC_BYTES (payload bytes, default 5 GiB).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../utils/catalogue/catalogue';
import { writeBundle } from '../../utils/bundle/writer';
import type { BundleContext, BundleEvidence } from '../../utils/bundle/types';
import type { Artifact, EvidenceRecord } from '../../utils/evidence/types';

const dir = process.env.BENCH_SYNTHETIC_DIR;
const targetFiles = Number(process.env.BENCH_SYNTHETIC_FILES ?? 70_000);
const targetBytes = Number(process.env.BENCH_SYNTHETIC_BYTES ?? 5 * 1024 ** 3);
// Per evidence: original.png, stamped.png, text.txt and the writer's record.json. Per bag: 6 report
// files in data/ and 4 tag files.
const FILES_PER_EVIDENCE = 4;
const BAG_FILES = 10;
const POOL = 64;
const TEXT_BYTES = 2_000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PNG signature followed by incompressible bytes: stored, like the writer stores real PNGs. */
function pngLike(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

it.skipIf(!dir)('streams a synthetic bundle to disk with writeBundle', async () => {
  const evidenceCount = Math.max(1, Math.ceil((targetFiles - BAG_FILES) / FILES_PER_EVIDENCE));
  const pngAverage = Math.max(64, Math.round((targetBytes / evidenceCount - TEXT_BYTES) / 2));
  // A pool of distinct blobs, shared by the records: hashing 5 GiB up front would double the run.
  const pngs = Array.from({ length: POOL }, (_, index) => {
    const size = Math.round(pngAverage * (0.9 + (0.2 * index) / (POOL - 1)));
    const bytes = pngLike(size);
    return { blob: new Blob([bytes], { type: 'image/png' }), size, sha256: sha256(bytes) };
  });
  const texts = Array.from({ length: 8 }, (_, index) => {
    const bytes = new TextEncoder().encode(
      `Synthetic page text ${index}. `.repeat(Math.ceil(TEXT_BYTES / 24)).slice(0, TEXT_BYTES),
    );
    return { blob: new Blob([bytes], { type: 'text/plain' }), size: bytes.length, sha256: sha256(bytes) };
  });
  const controls = DEFAULT_CATALOGUE.items.map((item) => item.id);
  const start = Date.UTC(2025, 0, 1);

  function* evidence(): Generator<BundleEvidence> {
    for (let index = 0; index < evidenceCount; index++) {
      const id = `EV-20250101-${index.toString(32).toUpperCase().padStart(6, '0')}`;
      const files = {
        'original.png': { role: 'original' as const, mimeType: 'image/png', ...pngs[index % POOL]! },
        'stamped.png': { role: 'stamped' as const, mimeType: 'image/png', ...pngs[(index * 7 + 3) % POOL]! },
        'text.txt': { role: 'text' as const, mimeType: 'text/plain;charset=utf-8', ...texts[index % 8]! },
      };
      const artifacts: Artifact[] = Object.entries(files).map(([name, file]) => ({
        role: file.role,
        name,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        blobKey: `${id}/${name}`,
      }));
      const capturedAt = new Date(start + index * 60_000).toISOString();
      const record: EvidenceRecord = {
        id,
        sequence: index + 1,
        capturedAt,
        effectiveDate: capturedAt.slice(0, 10),
        url: `https://console.example.com/jobs/${index}`,
        title: `Synthetic evidence ${index}`,
        site: 'console.example.com',
        capturer: 'Benchmark',
        kind: 'visible',
        controls: [controls[index % controls.length]!],
        notes: '',
        status: 'ready',
        artifacts,
      };
      yield {
        record,
        readArtifact: async (artifact) => files[artifact.name as keyof typeof files].blob,
      };
    }
  }

  const context: BundleContext = {
    organisation: 'Synthetic Benchmark Ltd',
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

  const zipPath = path.join(dir!, 'synthetic.zip');
  const output = Writable.toWeb(createWriteStream(zipPath)) as WritableStream<Uint8Array>;
  const memoryBefore = process.memoryUsage();
  const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const now = process.memoryUsage();
    for (const key of Object.keys(peak) as (keyof typeof peak)[]) peak[key] = Math.max(peak[key], now[key]);
  };
  sample();
  const sampler = setInterval(sample, 100);
  const started = performance.now();
  let result;
  try {
    result = await writeBundle(output, { context, evidence: evidence(), includeDomSnapshots: false });
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  sample();
  const zipBytes = statSync(zipPath).size;
  expect(zipBytes).toBe(result.zipBytes);
  expect(result.evidenceCount).toBe(evidenceCount);
  writeFileSync(
    path.join(dir!, 'result.json'),
    JSON.stringify({
      zipPath,
      name: result.name,
      seconds,
      evidenceCount,
      entries: result.payloadFiles + 4,
      payloadFiles: result.payloadFiles,
      payloadBytes: result.payloadBytes,
      zipBytes,
      memoryBefore,
      memoryPeak: peak,
      node: process.version,
    }),
  );
});
