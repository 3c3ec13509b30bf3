import type { EvidenceRecord } from '@/utils/evidence/types';
import { popupText } from '@/utils/text';

/** Captures saved by a shortcut that still wait to be tagged; choosing one opens it for tagging. */
export function ReviewQueue({
  needsReview,
  onOpen,
}: {
  needsReview: readonly EvidenceRecord[];
  onOpen: (evidence: EvidenceRecord) => void;
}) {
  return (
    <section aria-label={popupText.needsReviewLabel} data-testid="needs-review">
      <h2>{popupText.needsReview(needsReview.length)}</h2>
      <ul class="review-list">
        {needsReview.map((evidence) => (
          <li key={evidence.id}>
            <button type="button" class="review-item" onClick={() => onOpen(evidence)}>
              <span class="evidence-title">{evidence.title || evidence.url}</span>
              <span class="hint">
                {evidence.id} · {new Date(evidence.capturedAt).toLocaleString()} ·{' '}
                {evidence.controls.join(', ') || popupText.noControls}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
