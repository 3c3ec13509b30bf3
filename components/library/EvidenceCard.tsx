import type { LibraryRow } from '@/utils/evidence/library-types';
import { EvidenceThumbnail } from './EvidenceThumbnail';
import { STATUS_LABELS } from './labels';
import { libraryText } from '@/utils/text';

export interface EvidenceCardProps {
  row: LibraryRow | null;
  id: string;
  selected: boolean;
  onOpen: (id: string) => void;
  loadThumbnail: (row: LibraryRow) => Promise<string | null>;
}

/** One cell of the thumbnail grid. */
export function EvidenceCard({ row, id, selected, onOpen, loadThumbnail }: EvidenceCardProps) {
  if (!row) {
    return (
      <div class="library-card loading" aria-busy="true">
        <span class="evidence-id">{id}</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      class={`library-card status-${row.status}`}
      data-testid="library-card"
      data-evidence-id={row.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(row.id)}
    >
      <EvidenceThumbnail row={row} loadThumbnail={loadThumbnail} />
      <span class="card-title">{row.title || row.url || row.id}</span>
      <span class="card-meta">
        {row.effectiveDate} ·{' '}
        <span class={`evidence-status evidence-status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
      </span>
      <span class="card-meta">{row.controls.join(', ') || libraryText.noControls}</span>
    </button>
  );
}
