import type { EvidenceDatabase } from '@/storage/db';
import { appendCustody } from '@/storage/custody-log';
import { updateCoverageIndex } from '@/storage/coverage-index';
import type { Artifact, EvidenceRecord } from '@/utils/evidence/types';

export interface SeededFile {
  role: Artifact['role'];
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  blob: Blob;
}

export interface SeededCapture {
  id: string;
  capturedAt: string;
  controls: string[];
  files: SeededFile[];
}

/**
 * Stores one capture of a backup console's job report as the background stores a capture: the record, its
 * blobs, its coverage-index update and its custody entry in one transaction. The benchmarks and the Firefox
 * tests seed large exports with it from inside an extension page (scripts/bench/extension-seed.mjs).
 */
export async function storeSeededCapture(
  db: EvidenceDatabase,
  item: SeededCapture,
  actor: string,
): Promise<void> {
  await db.transaction('rw', [db.evidence, db.blobs, db.custody, db.coverageIndex], async () => {
    const last = await db.evidence.orderBy('sequence').last();
    const record: EvidenceRecord = {
      id: item.id,
      sequence: (last?.sequence ?? 0) + 1,
      capturedAt: item.capturedAt,
      effectiveDate: item.capturedAt.slice(0, 10),
      url: `https://backup.example.com/jobs/${item.id}`,
      title: `Backup job report ${item.id}`,
      site: 'backup.example.com',
      capturer: actor,
      kind: 'visible',
      controls: item.controls,
      notes: '',
      status: 'ready',
      artifacts: item.files.map(({ role, name, mimeType, size, sha256 }) => ({
        role,
        name,
        mimeType,
        size,
        sha256,
        blobKey: `${item.id}/${name}`,
      })),
      words: [],
    };
    await db.evidence.add(record);
    await db.blobs.bulkAdd(
      item.files.map((file) => ({ key: `${item.id}/${file.name}`, evidenceId: item.id, data: file.blob })),
    );
    await updateCoverageIndex(db, undefined, record);
    await appendCustody(db, {
      at: item.capturedAt,
      event: 'capture',
      evidenceId: item.id,
      actor,
      details: { trigger: 'dashboard', seeded: true },
    });
  });
}
