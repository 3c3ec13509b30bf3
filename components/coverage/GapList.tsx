import type { Catalogue } from '@/utils/catalogue/types';
import type { ControlCoverage } from '@/utils/coverage/types';
import { gapDetail } from '@/utils/coverage/assessment';
import { StatusBadge } from './StatusBadge';
import { overviewText } from '@/utils/text';

export interface GapListProps {
  catalogue: Catalogue;
  /** Most urgent first (gapsByUrgency). */
  gaps: readonly ControlCoverage[];
  /** Show at most this many; the rest are counted. */
  limit?: number;
  onOpen: (controlId: string) => void;
  /** Starts a capture of the current tab tagged for the control (the popup); no button without it. */
  onCapture?: ((controlId: string) => void) | undefined;
}

/** The controls that need evidence next, each one click from the control in the dashboard. */
export function GapList({ catalogue, gaps, limit = gaps.length, onOpen, onCapture }: GapListProps) {
  if (gaps.length === 0) {
    return (
      <p class="saved" data-testid="no-gaps">
        <span aria-hidden="true">✓ </span>
        {overviewText.noGaps}
      </p>
    );
  }
  const titles = new Map(catalogue.items.map((item) => [item.id, item.title]));
  const shown = gaps.slice(0, limit);
  return (
    <>
      <ol class="gap-list" data-testid="gap-list">
        {shown.map((gap) => (
          <li key={gap.controlId} class="gap" data-control-id={gap.controlId}>
            <div class="gap-text">
              <span class="gap-head">
                <strong>{gap.controlId}</strong> {titles.get(gap.controlId) ?? ''}
              </span>
              <span class="hint">
                <StatusBadge status={gap.status} /> {gapDetail(gap)}
              </span>
            </div>
            {onCapture && (
              <button
                type="button"
                data-testid="gap-capture"
                aria-label={overviewText.captureForGap(gap.controlId)}
                onClick={() => onCapture(gap.controlId)}
              >
                {overviewText.captureGap}
              </button>
            )}
            <button
              type="button"
              aria-label={overviewText.openGap(gap.controlId)}
              onClick={() => onOpen(gap.controlId)}
            >
              {overviewText.open}
            </button>
          </li>
        ))}
      </ol>
      {gaps.length > shown.length && <p class="hint">{overviewText.moreGaps(gaps.length - shown.length)}</p>}
    </>
  );
}
