import { useState } from 'preact/hooks';
import type {
  InternalAudit,
  InternalAuditInput,
  ManagementReview,
  ManagementReviewInput,
} from '@/utils/isms-records/types';
import { REVIEW_INPUTS } from '@/utils/isms-records/types';
import { nextRecordId } from '@/utils/isms-records/validate';
import { commonText, ismsRecordsText } from '@/utils/text';
import { InternalAuditForm } from './InternalAuditForm';
import { ManagementReviewForm } from './ManagementReviewForm';

const text = ismsRecordsText.screen;

export interface IsmsRecordsPanelProps {
  internalAudits: readonly InternalAudit[];
  managementReviews: readonly ManagementReview[];
  onSaveAudit: (audit: InternalAuditInput) => Promise<void>;
  onSaveReview: (review: ManagementReviewInput) => Promise<void>;
}

type Editing =
  { kind: 'audit'; record: InternalAudit | null } | { kind: 'review'; record: ManagementReview | null };

/** The internal audit programme and the management reviews: two lists, and the form of the one being edited. */
export function IsmsRecordsPanel({
  internalAudits,
  managementReviews,
  onSaveAudit,
  onSaveReview,
}: IsmsRecordsPanelProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState('');
  const done = (id: string) => {
    setEditing(null);
    setStatus(text.saved(id));
  };

  return (
    <div data-testid="isms-records">
      <p role="status">{status}</p>
      <h3>{text.auditsHeading}</h3>
      {internalAudits.length === 0 ? (
        <p class="hint">{text.noAudits}</p>
      ) : (
        <table data-testid="internal-audits">
          <caption>{text.auditsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.id}</th>
              <th scope="col">{text.columns.title}</th>
              <th scope="col">{text.columns.auditor}</th>
              <th scope="col">{text.columns.date}</th>
              <th scope="col">{text.columns.status}</th>
              <th scope="col">{text.columns.report}</th>
              <th scope="col">{text.columns.findings}</th>
              <th scope="col">
                <span class="visually-hidden">{commonText.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {internalAudits.map((audit) => (
              <tr key={audit.id}>
                <th scope="row">{audit.id}</th>
                <td>{audit.title}</td>
                <td>{audit.auditor}</td>
                <td>{audit.completedDate ?? audit.plannedDate}</td>
                <td>{ismsRecordsText.auditStatuses[audit.status]}</td>
                <td>{audit.reportEvidenceId ?? text.none}</td>
                <td>{audit.findingIds.join(', ') || text.none}</td>
                <td>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setEditing({ kind: 'audit', record: audit })}
                  >
                    {commonText.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => setEditing({ kind: 'audit', record: null })}>
        {text.newAudit}
      </button>

      <h3>{text.reviewsHeading}</h3>
      {managementReviews.length === 0 ? (
        <p class="hint">{text.noReviews}</p>
      ) : (
        <table data-testid="management-reviews">
          <caption>{text.reviewsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.id}</th>
              <th scope="col">{text.columns.date}</th>
              <th scope="col">{text.columns.status}</th>
              <th scope="col">{text.columns.inputs}</th>
              <th scope="col">{text.columns.actions}</th>
              <th scope="col">{text.columns.minutes}</th>
              <th scope="col">
                <span class="visually-hidden">{commonText.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {managementReviews.map((review) => (
              <tr key={review.id}>
                <th scope="row">{review.id}</th>
                <td>{review.meetingDate}</td>
                <td>{ismsRecordsText.reviewStatuses[review.status]}</td>
                <td>{text.inputsCovered(review.coveredInputs.length, REVIEW_INPUTS.length)}</td>
                <td>{review.actions.length}</td>
                <td>{review.minutesEvidenceId ?? text.none}</td>
                <td>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setEditing({ kind: 'review', record: review })}
                  >
                    {commonText.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => setEditing({ kind: 'review', record: null })}>
        {text.newReview}
      </button>

      {editing?.kind === 'audit' && (
        <InternalAuditForm
          key={editing.record?.id ?? 'new-audit'}
          audit={editing.record}
          newId={nextRecordId(
            'IA',
            internalAudits.map((audit) => audit.id),
          )}
          onSave={async (audit) => {
            await onSaveAudit(audit);
            done(audit.id);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'review' && (
        <ManagementReviewForm
          key={editing.record?.id ?? 'new-review'}
          review={editing.record}
          newId={nextRecordId(
            'MR',
            managementReviews.map((review) => review.id),
          )}
          onSave={async (review) => {
            await onSaveReview(review);
            done(review.id);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
