/** Rows and details for the evidence view tests. */
import type { LibraryRow } from '@/utils/evidence/library-types';
import type { CustodyEntry } from '@/utils/evidence/types';

export function row(id: string, overrides: Partial<LibraryRow> = {}): LibraryRow {
  return {
    id,
    sequence: 1,
    capturedAt: '2026-11-27T10:00:00.000Z',
    effectiveDate: '2026-11-27',
    url: 'https://admin.example.com/users',
    title: `Users ${id}`,
    site: 'admin.example.com',
    capturer: 'Alice',
    kind: 'visible',
    controls: ['A.5.18'],
    notes: '',
    status: 'ready',
    artifacts: [
      {
        role: 'original',
        name: 'original.png',
        mimeType: 'image/png',
        size: 2048,
        sha256: 'a'.repeat(64),
        blobKey: `${id}/original.png`,
      },
      {
        role: 'stamped',
        name: 'stamped.png',
        mimeType: 'image/png',
        size: 2100,
        sha256: 'b'.repeat(64),
        blobKey: `${id}/stamped.png`,
      },
      {
        role: 'text',
        name: 'text.txt',
        mimeType: 'text/plain',
        size: 20,
        sha256: 'c'.repeat(64),
        blobKey: `${id}/text.txt`,
      },
      {
        role: 'table',
        name: 'table-1.csv',
        mimeType: 'text/csv',
        size: 30,
        sha256: 'd'.repeat(64),
        blobKey: `${id}/table-1.csv`,
      },
    ],
    ...overrides,
  };
}

export function entry(
  sequence: number,
  event: CustodyEntry['event'],
  details: Record<string, unknown> = {},
): CustodyEntry {
  return {
    sequence,
    at: '2026-11-27T10:00:00.000Z',
    event,
    evidenceId: 'EV-1',
    actor: 'Alice',
    details,
    previousHash: '0'.repeat(64),
    hash: `${sequence}`.padStart(64, 'f'),
  };
}
