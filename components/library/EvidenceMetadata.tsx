import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import type { LibraryRow } from '@/utils/evidence/library-types';
import { formatDateTime, KIND_LABELS, safeHref, STATUS_LABELS } from './labels';

export interface EvidenceMetadataProps {
  catalogue: Catalogue;
  record: LibraryRow;
  onOpen: (id: string) => void;
}

/** When, where, by whom, for which controls: the facts an auditor asks of a piece of evidence. */
export function EvidenceMetadata({ catalogue, record, onOpen }: EvidenceMetadataProps) {
  const href = safeHref(record.url);
  return (
    <dl class="evidence-metadata" data-testid="evidence-metadata">
      <dt>Evidence ID</dt>
      <dd>
        <code>{record.id}</code> (no. {record.sequence})
      </dd>
      <dt>Status</dt>
      <dd>
        <span class={`evidence-status evidence-status-${record.status}`}>{STATUS_LABELS[record.status]}</span>
        {record.supersededBy && (
          <>
            {' '}
            by{' '}
            <button type="button" class="link" onClick={() => onOpen(record.supersededBy!)}>
              {record.supersededBy}
            </button>
          </>
        )}
      </dd>
      {record.deletion && (
        <>
          <dt>Deleted</dt>
          <dd>
            {formatDateTime(record.deletion.at)} by {record.deletion.actor}: “{record.deletion.reason}”
          </dd>
        </>
      )}
      <dt>Captured</dt>
      <dd>
        {formatDateTime(record.capturedAt)} <span class="hint">({record.capturedAt} UTC)</span>
      </dd>
      <dt>Effective date</dt>
      <dd>{record.effectiveDate}</dd>
      {record.url && (
        <>
          <dt>URL</dt>
          <dd class="url">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {record.url}
              </a>
            ) : (
              record.url
            )}
          </dd>
        </>
      )}
      <dt>Captured by</dt>
      <dd>{record.capturer}</dd>
      <dt>Kind</dt>
      <dd>{KIND_LABELS[record.kind]}</dd>
      <dt>Controls</dt>
      <dd>
        {record.controls.length === 0
          ? 'none'
          : record.controls.map((controlId) => (
              <span key={controlId} class="control-ref">
                <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
              </span>
            ))}
      </dd>
      {record.notes && (
        <>
          <dt>Notes</dt>
          <dd class="notes">{record.notes}</dd>
        </>
      )}
      {record.document && (
        <>
          <dt>Document control</dt>
          <dd data-testid="document-control">
            version {record.document.version}, approved by {record.document.approver} on{' '}
            {record.document.approvalDate}
          </dd>
        </>
      )}
    </dl>
  );
}
