import { newEvidenceId } from '@/utils/capture/evidence-id';
import type { Artifact, CustodyEntry, EvidenceRecord, EvidenceStatus } from '@/utils/evidence/types';
import { sealEntry } from '@/utils/integrity/custody';
import { sha256HexSync } from '@/utils/integrity/sha256';
import { searchWords } from '@/utils/search/words';
import type { BlobRow, CoverageIndexItem, EvidenceDatabase } from '@/storage/db';
import { CAPTURERS, COMMON, PEOPLE, SOURCES, TINY_PNG } from './seed-sources';

/**
 * Synthetic evidence for benchmarks and manual testing: realistic records (admin-console titles,
 * URLs, page text, controls, statuses, capturers) with small blobs, coverage index and a valid
 * custody chain, bulk-inserted in batches. Deterministic for a given seed. Not used by the product.
 */

export interface SeedOptions {
  /** Records per transaction (default 1,000). */
  batchSize?: number;
  /** The newest capture (default now); captures spread back over `days`. */
  newestAt?: Date;
  days?: number;
  /** PRNG seed (default 1): the same seed gives the same records. */
  seed?: number;
  /** Store a tiny thumbnail and the text as blobs (default true). */
  blobs?: boolean;
  /** Words of page text per record (default 150). */
  textWords?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  ids: string[];
  milliseconds: number;
}

export async function seedEvidence(
  db: EvidenceDatabase,
  count: number,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const started = performance.now();
  const random = mulberry32(options.seed ?? 1);
  const batchSize = options.batchSize ?? 1000;
  const newestAt = (options.newestAt ?? new Date()).getTime();
  const spanMs = (options.days ?? 365) * 86_400_000;
  const withBlobs = options.blobs ?? true;
  const textWords = options.textWords ?? 150;
  const existing = new Set((await db.evidence.toCollection().primaryKeys()) as string[]);
  const ids: string[] = [];

  for (let offset = 0; offset < count; offset += batchSize) {
    const size = Math.min(batchSize, count - offset);
    // Oldest first, so sequence and capture time rise together.
    const batch = Array.from({ length: size }, (_, index) => {
      const position = offset + index;
      const capturedAt = new Date(newestAt - spanMs + (spanMs * (position + random())) / count);
      return makeRecord(capturedAt, random, existing, withBlobs, textWords);
    });
    await db.transaction('rw', [db.evidence, db.blobs, db.custody, db.coverageIndex], async () => {
      const lastRecord = await db.evidence.orderBy('sequence').last();
      let previous: CustodyEntry | undefined = await db.custody.orderBy('sequence').last();
      const custody: CustodyEntry[] = [];
      batch.forEach(({ record }, index) => {
        record.sequence = (lastRecord?.sequence ?? 0) + index + 1;
        previous = sealEntry(
          {
            at: record.capturedAt,
            event: 'capture',
            evidenceId: record.id,
            actor: record.capturer,
            details: {
              trigger: 'dashboard',
              seeded: true,
              sequence: record.sequence,
              controls: record.controls,
              artifacts: record.artifacts.map(({ name, sha256, size }) => ({ name, sha256, size })),
            },
          },
          previous,
        );
        custody.push(previous);
      });
      await db.evidence.bulkAdd(batch.map(({ record }) => record));
      if (withBlobs) await db.blobs.bulkAdd(batch.flatMap(({ blobs }) => blobs));
      await db.custody.bulkAdd(custody);
      await mergeCoverage(
        db,
        batch.map(({ record }) => record),
      );
    });
    for (const { record } of batch) ids.push(record.id);
    options.onProgress?.(offset + size, count);
  }
  return { ids, milliseconds: performance.now() - started };
}

function makeRecord(
  capturedAt: Date,
  random: () => number,
  existing: Set<string>,
  withBlobs: boolean,
  textWords: number,
): { record: EvidenceRecord; blobs: BlobRow[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let id: string;
  do {
    id = newEvidenceId(
      capturedAt,
      Uint8Array.from({ length: 6 }, () => Math.floor(random() * 256)),
    );
  } while (existing.has(id));
  existing.add(id);

  const source = pick(SOURCES);
  const text = Array.from({ length: textWords }, () => {
    const roll = random();
    if (roll < 0.35) return pick(source.vocabulary);
    if (roll < 0.6) return pick(PEOPLE);
    if (roll < 0.75) return String(Math.floor(random() * 10_000));
    return pick(COMMON);
  }).join(' ');
  const controls = source.controls.filter((_, index) => index === 0 || random() < 0.5);
  const roll = random();
  const status: EvidenceStatus = roll < 0.7 ? 'ready' : roll < 0.92 ? 'needs-review' : 'superseded';
  const effective = new Date(capturedAt.getTime() - (random() < 0.2 ? 86_400_000 : 0));
  const notes =
    random() < 0.3 ? `Quarterly check by ${pick(PEOPLE)}, ticket ${Math.floor(random() * 9000) + 1000}` : '';

  const files = [
    { role: 'thumbnail' as const, name: 'thumbnail.png', mimeType: 'image/png', bytes: TINY_PNG },
    {
      role: 'text' as const,
      name: 'text.txt',
      mimeType: 'text/plain;charset=utf-8',
      bytes: new TextEncoder().encode(text),
    },
  ];
  const artifacts: Artifact[] = files.map((file) => ({
    role: file.role,
    name: file.name,
    mimeType: file.mimeType,
    size: file.bytes.length,
    sha256: sha256HexSync(file.bytes),
    blobKey: `${id}/${file.name}`,
  }));
  const url = `https://${source.host}${source.path}`;
  const record: EvidenceRecord = {
    id,
    sequence: 0,
    capturedAt: capturedAt.toISOString(),
    effectiveDate: effective.toISOString().slice(0, 10),
    url,
    title: source.title,
    site: source.host,
    capturer: pick(CAPTURERS),
    kind: 'visible',
    controls,
    notes,
    status,
    artifacts,
    words: searchWords({ title: source.title, url, notes, text }),
  };
  const blobs = withBlobs
    ? files.map((file) => ({
        key: `${id}/${file.name}`,
        evidenceId: id,
        data: new Blob([file.bytes], { type: file.mimeType }),
      }))
    : [];
  return { record, blobs };
}

/** Adds a batch to the coverage index in one read and one write per touched control. */
async function mergeCoverage(db: EvidenceDatabase, records: readonly EvidenceRecord[]): Promise<void> {
  const added = new Map<string, CoverageIndexItem[]>();
  for (const record of records) {
    for (const controlId of record.controls) {
      const items = added.get(controlId) ?? [];
      items.push({ evidenceId: record.id, effectiveDate: record.effectiveDate, status: record.status });
      added.set(controlId, items);
    }
  }
  const controlIds = [...added.keys()];
  const rows = await db.coverageIndex.bulkGet(controlIds);
  await db.coverageIndex.bulkPut(
    controlIds.map((controlId, index) => ({
      controlId,
      items: [...(rows[index]?.items ?? []), ...added.get(controlId)!],
    })),
  );
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
