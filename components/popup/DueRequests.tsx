import type { FilingTarget } from '@/utils/requests/list-view';
import { requestText } from '@/utils/text';

export interface DueRequestsProps {
  /** What the capturer owns that is due, most urgent first: each open item of a sample request on its own. */
  targets: readonly FilingTarget[];
  busy: boolean;
  onCaptureFor: (target: FilingTarget) => void;
}

/** The requests assigned to the capturer that are due; one click captures the page for one of them. */
export function DueRequests({ targets, busy, onCaptureFor }: DueRequestsProps) {
  const text = requestText.popup;
  return (
    <section aria-label={text.dueLabel} data-testid="due-requests">
      <h2>{text.dueHeading(targets.length)}</h2>
      <ul class="review-list">
        {targets.map((target) => (
          <li key={`${target.audit}/${target.reference}/${target.item}`}>
            <button
              type="button"
              class="review-item"
              disabled={busy}
              aria-label={text.captureFor(target.label)}
              data-reference={target.reference}
              data-item={target.item === null ? '' : target.item + 1}
              onClick={() => onCaptureFor(target)}
            >
              <span class="evidence-title">{target.label}</span>
              <span class="hint">
                {target.text} · {text.due(target.dueDate)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
