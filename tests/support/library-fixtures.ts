/** Test data for the library, edit, integrity and health tests: real hashes, real custody entries. */
import type { PreparedCapture } from '@/utils/capture/assemble';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { sha256HexSync } from '@/utils/integrity/sha256';
import { searchWords } from '@/utils/search/words';
import type { EvidenceDatabase } from '@/storage/db';
import { saveCapture } from '@/storage/evidence-repository';

export interface FixtureCapture {
  id: string;
  capturedAt?: string;
  effectiveDate?: string;
  title?: string;
  url?: string;
  capturer?: string;
  controls?: string[];
  notes?: string;
  status?: EvidenceRecord['status'];
  text?: string;
}

export function preparedCapture(fixture: FixtureCapture): PreparedCapture {
  const capturedAt = fixture.capturedAt ?? '2026-11-27T10:00:00.000Z';
  const url = fixture.url ?? 'https://admin.example.com/users';
  const text = fixture.text ?? `${fixture.title ?? 'Users'} page text`;
  const files = [
    { role: 'original' as const, name: 'original.png', mimeType: 'image/png', content: `${fixture.id} png` },
    {
      role: 'stamped' as const,
      name: 'stamped.png',
      mimeType: 'image/png',
      content: `${fixture.id} stamped`,
    },
    { role: 'text' as const, name: 'text.txt', mimeType: 'text/plain', content: text },
  ];
  const title = fixture.title ?? 'Users';
  return {
    record: {
      id: fixture.id,
      capturedAt,
      effectiveDate: fixture.effectiveDate ?? capturedAt.slice(0, 10),
      url,
      title,
      site: new URL(url).hostname,
      capturer: fixture.capturer ?? 'Alice',
      kind: 'visible',
      controls: fixture.controls ?? ['A.5.18'],
      notes: fixture.notes ?? '',
      status: fixture.status ?? 'needs-review',
      artifacts: files.map((file) => ({
        role: file.role,
        name: file.name,
        mimeType: file.mimeType,
        size: new TextEncoder().encode(file.content).length,
        sha256: sha256HexSync(file.content),
        blobKey: `${fixture.id}/${file.name}`,
      })),
      // As the capture pipeline provides them: words of the captured text.
      words: searchWords({ title: '', url: '', notes: '', text }),
    },
    blobs: files.map((file) => ({
      key: `${fixture.id}/${file.name}`,
      evidenceId: fixture.id,
      data: new Blob([file.content], { type: file.mimeType }),
    })),
  };
}

export async function storeCaptures(db: EvidenceDatabase, fixtures: FixtureCapture[]): Promise<void> {
  for (const fixture of fixtures)
    await saveCapture(db, preparedCapture(fixture), fixture.capturer ?? 'Alice', {});
}
