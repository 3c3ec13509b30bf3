import type { LibraryRow } from '@/utils/evidence/library-types';
import { formatDateTime, STATUS_LABELS } from './labels';
import { libraryText } from '@/utils/text';

export interface EvidenceListRowProps {
  /** Null while the row is being read. */
  row: LibraryRow | null;
  id: string;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** One line of the library: what, when, where, who, which controls, which status. */
export function EvidenceListRow({ row, id, selected, onOpen }: EvidenceListRowProps) {
  if (!row) {
    return (
      <div class="library-row loading" aria-busy="true">
        <span class="evidence-id">{id}</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      class={`library-row status-${row.status}`}
      data-testid="library-row"
      data-evidence-id={row.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(row.id)}
    >
      <span class="row-title">
        {row.title || row.url || (row.status === 'deleted' ? libraryText.descriptionRemoved : row.id)}
      </span>
      <span class="row-meta">
        <span class="evidence-id">{row.id}</span> · {formatDateTime(row.capturedAt)} · {libraryText.effective}{' '}
        {row.effectiveDate}
        {row.site ? ` · ${row.site}` : ''} · {row.capturer}
      </span>
      <span class="row-tags">
        <span class={`evidence-status evidence-status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        {row.document && <span class="tag">{libraryText.version(row.document.version)}</span>}
        <span class="row-controls">{row.controls.join(', ') || libraryText.noControls}</span>
      </span>
    </button>
  );
}
