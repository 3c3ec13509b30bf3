import { useEffect, useState } from 'preact/hooks';
import { requestEvidenceIds } from '@/utils/requests/status';
import type { AuditRequest, RequestStatus } from '@/utils/requests/types';
import { commonText, requestText } from '@/utils/text';
import type { RequestEvidence, RequestServices } from './request-services';
import { StatusControl } from './StatusControl';

export interface RequestDetailProps {
  request: AuditRequest;
  services: RequestServices;
  onBack: () => void;
  onEdit: () => void;
  /** Called after a status was saved, with a sentence for the user. */
  onSaved: (message: string) => void;
}

/** One request's page: what was asked, its items with their statuses, and the evidence filed against it. */
export function RequestDetail({ request, services, onBack, onEdit, onSaved }: RequestDetailProps) {
  const [evidence, setEvidence] = useState<RequestEvidence[] | null>(null);
  const ids = requestEvidenceIds(request);
  const idsKey = ids.join('\n');
  const text = requestText.detail;

  useEffect(() => {
    let current = true;
    void services.readEvidence(ids).then(
      (found) => current && setEvidence(found),
      () => current && setEvidence([]),
    );
    return () => {
      current = false;
    };
    // Re-read when the filed IDs change, not on every render.
  }, [services, idsKey]);

  const setStatus =
    (item: number | null, label: string) => async (status: RequestStatus, comment: string) => {
      await services.setStatus(request, item, status, comment);
      onSaved(text.statusSaved(label, requestText.status[status]));
    };
  const byId = new Map((evidence ?? []).map((entry) => [entry.id, entry]));

  return (
    <article class="request-detail" data-testid="request-detail" data-reference={request.reference}>
      <p>
        <button type="button" class="link" onClick={onBack}>
          {requestText.screen.back}
        </button>
      </p>
      <h3>{text.heading(request.reference, request.audit)}</h3>
      <p class="request-text">{request.text}</p>
      <dl class="request-facts">
        <dt>{requestText.screen.columns.controls}</dt>
        <dd>{request.controls.join(', ') || commonText.none}</dd>
        <dt>{requestText.screen.columns.due}</dt>
        <dd>{request.dueDate ?? requestText.screen.noDate}</dd>
        <dt>{requestText.screen.columns.owner}</dt>
        <dd>{request.owner || requestText.screen.nobody}</dd>
        <dt>{requestText.screen.columns.status}</dt>
        <dd data-testid="request-status">{requestText.status[request.status]}</dd>
      </dl>
      {request.comment && <p class="request-comment">{text.commentShown(request.comment)}</p>}
      {request.population && <p>{text.population(request.population)}</p>}
      <StatusControl
        key={`${request.status}:${request.comment}`}
        label={request.reference}
        status={request.status}
        comment={request.comment}
        onApply={setStatus(null, request.reference)}
      />
      <button type="button" onClick={onEdit}>
        {text.edit}
      </button>
      {request.items.length > 0 && (
        <section>
          <h4>{text.itemsHeading}</h4>
          <ol class="request-items" data-testid="request-items">
            {request.items.map((item, index) => {
              const label = requestText.itemOf(request.reference, index + 1, request.items.length);
              return (
                <li key={item.label} data-item={index + 1} data-status={item.status}>
                  <strong>{item.label}</strong> — {requestText.status[item.status]} ·{' '}
                  {text.itemEvidence(item.evidenceIds.length)}
                  {item.evidenceIds.length > 0 && <span> ({item.evidenceIds.join(', ')})</span>}
                  {item.comment && <p class="request-comment">{text.commentShown(item.comment)}</p>}
                  <StatusControl
                    key={`${item.status}:${item.comment}`}
                    label={label}
                    status={item.status}
                    comment={item.comment}
                    onApply={setStatus(index, label)}
                  />
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <section>
        <h4>{text.evidenceHeading}</h4>
        {ids.length === 0 ? (
          <p class="hint">{text.noEvidence}</p>
        ) : (
          <ul data-testid="request-evidence">
            {ids.map((id) => {
              const entry = byId.get(id);
              return (
                <li key={id} data-evidence-id={id}>
                  <code>{id}</code> {entry?.found ? `${entry.title} · ${entry.capturedAt}` : ''}
                  {entry && !entry.found && <span class="tag warning">{text.missingEvidence}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
