import type { Catalogue } from '@/utils/catalogue/types';
import type { FractionRect } from '@/utils/redaction/rectangles';
import type { FilingTarget } from '@/utils/requests/list-view';
import type { PopupAppProps, TaggingTarget } from './PopupApp';
import { TaggingPanel, type TaggingChoice } from './TaggingPanel';

export interface CaptureTaggingProps {
  catalogue: Catalogue;
  tagging: TaggingTarget;
  onSave: (choice: TaggingChoice) => Promise<void>;
  onBlackout?: PopupAppProps['onBlackout'];
  /** The capture after a black-out: its record and new thumbnail replace the ones shown. */
  onBlackedOut: (tagging: TaggingTarget) => void;
  filingTargets?: readonly FilingTarget[];
}

/** Tagging of the capture just taken (or opened for review); black-out only where there is a screenshot. */
export function CaptureTagging({
  catalogue,
  tagging,
  onSave,
  onBlackout,
  onBlackedOut,
  filingTargets = [],
}: CaptureTaggingProps) {
  const hasScreenshot = tagging.evidence.artifacts.some((artifact) => artifact.role === 'original');
  const warnings = tagging.maskingWarnings ?? [];
  return (
    <>
      {warnings.length > 0 && (
        <ul class="masking-warnings" role="alert" data-testid="masking-warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <TaggingPanel
        catalogue={catalogue}
        evidence={tagging.evidence}
        suggestedControls={tagging.suggestedControls}
        {...(tagging.suggestions ? { suggestions: tagging.suggestions } : {})}
        thumbnailUrl={tagging.thumbnailUrl}
        onSave={onSave}
        filingTargets={filingTargets}
        initialFiling={tagging.filing ?? null}
        {...(onBlackout && hasScreenshot
          ? {
              onBlackout: async (rectangles: FractionRect[]) => {
                const done = await onBlackout(tagging.evidence.id, rectangles);
                onBlackedOut({ ...tagging, evidence: done.evidence, thumbnailUrl: done.thumbnailUrl });
              },
            }
          : {})}
      />
    </>
  );
}
