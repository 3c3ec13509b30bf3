import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import type { LibraryRow } from '@/utils/evidence/library-types';
import { formatDateTime, KIND_LABELS, safeHref, STATUS_LABELS } from './labels';
import { evidenceText } from '@/utils/text';

export interface EvidenceMetadataProps {
  catalogue: Catalogue;
  record: LibraryRow;
  onOpen: (id: string) => void;
}

/** When, where, by whom, for which controls: the facts an auditor asks of a piece of evidence. */
export function EvidenceMetadata({ catalogue, record, onOpen }: EvidenceMetadataProps) {
  const { facts } = evidenceText;
  const href = safeHref(record.url);
  return (
    <dl class="evidence-metadata" data-testid="evidence-metadata">
      <dt>{facts.id}</dt>
      <dd>
        <code>{record.id}</code> {facts.sequence(record.sequence)}
      </dd>
      <dt>{facts.status}</dt>
      <dd>
        <span class={`evidence-status evidence-status-${record.status}`}>{STATUS_LABELS[record.status]}</span>
        {record.supersededBy && (
          <>
            {' '}
            {facts.by}{' '}
            <button type="button" class="link" onClick={() => onOpen(record.supersededBy!)}>
              {record.supersededBy}
            </button>
          </>
        )}
      </dd>
      {record.deletion && (
        <>
          <dt>{facts.deleted}</dt>
          <dd>
            {facts.deletedBy(
              formatDateTime(record.deletion.at),
              record.deletion.actor,
              record.deletion.reason,
            )}
          </dd>
        </>
      )}
      <dt>{facts.captured}</dt>
      <dd>
        {formatDateTime(record.capturedAt)} <span class="hint">{facts.utc(record.capturedAt)}</span>
      </dd>
      <dt>{facts.effectiveDate}</dt>
      <dd>{record.effectiveDate}</dd>
      {record.url && (
        <>
          <dt>{facts.url}</dt>
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
      <dt>{facts.capturedBy}</dt>
      <dd>{record.capturer}</dd>
      <dt>{facts.kind}</dt>
      <dd>{KIND_LABELS[record.kind]}</dd>
      <dt>{facts.controls}</dt>
      <dd>
        {record.controls.length === 0
          ? facts.none
          : record.controls.map((controlId) => (
              <span key={controlId} class="control-ref">
                <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
              </span>
            ))}
      </dd>
      {record.notes && (
        <>
          <dt>{facts.notes}</dt>
          <dd class="notes">{record.notes}</dd>
        </>
      )}
      {record.document && (
        <>
          <dt>{facts.documentControl}</dt>
          <dd data-testid="document-control">
            {facts.document(record.document.version, record.document.approver)} {record.document.approvalDate}
          </dd>
        </>
      )}
    </dl>
  );
}
