import { toCsv } from '../csv/csv';
import type { Artifact, ArtifactRole, CaptureContext, EvidenceKind, EvidenceRecord } from '../evidence/types';
import { sha256Hex } from '../integrity/sha256';
import type { PageSnapshot } from '../page/types';
import { searchWords } from '../search/words';

export interface PreparedBlob {
  key: string;
  evidenceId: string;
  data: Blob;
}

export interface PreparedCapture {
  record: Omit<EvidenceRecord, 'sequence'>;
  blobs: PreparedBlob[];
}

interface PendingArtifact {
  role: ArtifactRole;
  name: string;
  data: Blob;
}

export type ImageArtifact = PendingArtifact;

/**
 * Turns the pixels and the page snapshot into the artifacts of one evidence record, hashing each before any
 * write transaction opens: any list of image artifacts (numbered parts of a full-page capture, say), any kind,
 * and extra metadata fields (tiles, masking counts) merged into metadata.json. Originals are kept byte for byte.
 */
export async function assembleEvidence(
  context: CaptureContext,
  images: readonly ImageArtifact[],
  page: PageSnapshot,
  tagging: {
    controls: string[];
    effectiveDate: string;
    status: EvidenceRecord['status'];
    kind: EvidenceKind;
  },
  extraMetadata: Record<string, unknown> = {},
): Promise<PreparedCapture> {
  const text = (value: string, type: string) => new Blob([value], { type });
  const pending: PendingArtifact[] = [
    ...images,
    { role: 'text', name: 'text.txt', data: text(page.text, 'text/plain;charset=utf-8') },
    ...page.tables.map((table, index) => ({
      role: 'table' as const,
      name: `table-${index + 1}.csv`,
      data: text(toCsv(table.rows), 'text/csv;charset=utf-8'),
    })),
    { role: 'dom', name: 'dom.html', data: text(page.dom.html, 'text/html;charset=utf-8') },
  ];
  const metadata = {
    ...context,
    notes: [...context.notes, ...page.notes],
    tables: page.tables.map((table, index) => ({
      file: `table-${index + 1}.csv`,
      caption: table.caption,
      source: table.source,
      rows: table.rows.length,
      truncated: table.truncated,
      // A table read from a same-origin frame names that frame's URL.
      ...(table.frame ? { frame: table.frame } : {}),
    })),
    domSnapshot: { truncated: page.dom.truncated, originalBytes: page.dom.originalBytes },
    // What page reading went past (by kind) and which frames were read or, of other origins, only listed.
    ...(page.skipped ? { skipped: page.skipped } : {}),
    ...(page.frames ? { frames: page.frames } : {}),
    ...extraMetadata,
  };
  pending.push({
    role: 'metadata',
    name: 'metadata.json',
    data: text(`${JSON.stringify(metadata, null, 2)}\n`, 'application/json'),
  });

  const hashes = await Promise.all(pending.map((artifact) => sha256Hex(artifact.data)));
  const artifacts: Artifact[] = pending.map((artifact, index) => ({
    role: artifact.role,
    name: artifact.name,
    mimeType: artifact.data.type || 'application/octet-stream',
    size: artifact.data.size,
    sha256: hashes[index]!,
    blobKey: `${context.evidenceId}/${artifact.name}`,
  }));

  return {
    record: {
      id: context.evidenceId,
      capturedAt: context.capturedAt,
      effectiveDate: tagging.effectiveDate,
      url: context.url,
      title: context.title,
      site: siteOf(context.url),
      capturer: context.capturer,
      kind: tagging.kind,
      controls: tagging.controls,
      notes: '',
      status: tagging.status,
      artifacts,
      // The captured text lives in a blob, which the save transaction cannot read: index it now.
      words: searchWords({ title: context.title, url: context.url, notes: '', text: page.text }),
    },
    blobs: pending.map((artifact, index) => ({
      key: artifacts[index]!.blobKey,
      evidenceId: context.evidenceId,
      data: artifact.data,
    })),
  };
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
