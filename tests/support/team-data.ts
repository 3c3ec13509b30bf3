import type { CustodyEntry, EvidenceRecord } from '@/utils/evidence/types';
import { sealEntry } from '@/utils/integrity/custody';
import { sha256HexSync } from '@/utils/integrity/sha256';

// Small, valid team data for tests and the benchmark: records as sync uploads them and their custody chain.

export interface SampleEvidence {
  record: EvidenceRecord;
  blobs: { sha256: string; bytes: Uint8Array }[];
}

/** One evidence record with one small text artifact whose bytes are unique to it. */
export function sampleEvidence(
  installationId: string,
  index: number,
  options: { capturer?: string; controls?: string[]; effectiveDate?: string } = {},
): SampleEvidence {
  const id = `EV-${installationId.toUpperCase()}-${String(index).padStart(6, '0')}`;
  const bytes = new TextEncoder().encode(`visible text of ${id}`);
  const sha256 = sha256HexSync(bytes);
  return {
    record: {
      id,
      sequence: index,
      capturedAt: '2026-11-02T09:00:00.000Z',
      effectiveDate: options.effectiveDate ?? '2026-11-02',
      url: `https://admin.example/${id}`,
      title: `Access review ${index}`,
      site: 'admin.example',
      capturer: options.capturer ?? `Admin ${installationId}`,
      kind: 'visible',
      controls: options.controls ?? ['A.5.18'],
      notes: '',
      status: 'ready',
      artifacts: [
        {
          role: 'text',
          name: 'text.txt',
          mimeType: 'text/plain',
          size: bytes.length,
          sha256,
          blobKey: sha256,
        },
      ],
    },
    blobs: [{ sha256, bytes }],
  };
}

/** A custody chain with one capture entry per evidence id, from sequence 1. */
export function captureChain(evidenceIds: readonly string[], actor = 'ana'): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (const evidenceId of evidenceIds) {
    entries.push(
      sealEntry(
        { at: '2026-11-02T09:00:00.000Z', event: 'capture', evidenceId, actor, details: {} },
        entries.at(-1),
      ),
    );
  }
  return entries;
}
