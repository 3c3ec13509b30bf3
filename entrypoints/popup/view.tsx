import { CoveragePending } from '@/components/coverage/CoveragePending';
import { CoverageInFrameworks } from '@/components/coverage/CoverageInFrameworks';
import { PopupApp, type PopupAppProps } from '@/components/popup/PopupApp';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { localDay } from '@/utils/bundle/naming';
import type { CoverageData } from '@/utils/coverage/assessment';
import { taggingCatalogue } from '@/utils/crosswalk/framework-catalogue';
import type { FrameworkId } from '@/utils/crosswalk/frameworks';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { dueForCapturer } from '@/utils/requests/progress';
import { filingTargets } from '@/utils/requests/list-view';
import type { AuditRequest } from '@/utils/requests/types';
import type { EffectiveFrameworks } from '@/utils/settings/frameworks';
import type { EffectiveMasking } from '@/utils/settings/effective';

/** How far ahead the popup lists a capturer's requests as due. */
const DUE_WITHIN_DAYS = 14;

/** What the popup reads from storage; each part arrives on its own and is null (or empty) until then. */
export interface StoredParts {
  needsReview: EvidenceRecord[];
  capturer: string | null;
  coverage: CoverageData | null;
  masking: EffectiveMasking | null;
  requests: AuditRequest[];
  frameworks: EffectiveFrameworks | null;
}

/** Before anything is read: the view the popup's HTML already holds (scripts/popup-shell.mjs renders it). */
export const NOTHING_READ: StoredParts = {
  needsReview: [],
  capturer: null,
  coverage: null,
  masking: null,
  requests: [],
  frameworks: null,
};

/** What the popup's buttons do (entrypoints/popup/app.tsx); all of them, so the shell shows every button. */
export type PopupActions = Required<
  Pick<
    PopupAppProps,
    | 'onCapture'
    | 'onOpenReview'
    | 'onSaveTagging'
    | 'onOpenDashboard'
    | 'onBlackout'
    | 'onCaptureFullPage'
    | 'onPickElement'
    | 'onCancelCapture'
  >
> & {
  onMaskingChange: (enabled: boolean) => Promise<void>;
  onOpenEntry: (framework: FrameworkId, entryId: string) => void;
};

/** Today in the browser's time zone, from the Date's own fields: no Intl formatter (and its data) to load first. */
const today = () => localDay(new Date());

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The capturer's unanswered requests: those due soon for the list, all of them for the tagging view. */
function requestChoices(requests: readonly AuditRequest[], capturer: string | null) {
  if (!capturer || requests.length === 0) return { due: [], all: [] };
  const day = today();
  const due = filingTargets(dueForCapturer(requests, capturer, day, addDays(day, DUE_WITHIN_DAYS)));
  const all = filingTargets(dueForCapturer(requests, capturer, day, '9999-12-31'));
  return { due, all };
}

/**
 * The whole popup for what has been read so far. With nothing read it is the static shell: capture buttons,
 * the masking switch disabled, shortcut hints and the coverage placeholder, each in its final place.
 */
export function PopupView({ parts, actions }: { parts: StoredParts; actions: PopupActions }) {
  const { needsReview, capturer, coverage, masking, requests, frameworks } = parts;
  const { onMaskingChange, onOpenEntry, ...handlers } = actions;
  const choices = requestChoices(requests, capturer);
  const inScope = frameworks?.inScope ?? ['iso27001'];
  const open = actions.onOpenDashboard;
  return (
    <PopupApp
      {...handlers}
      catalogue={taggingCatalogue(inScope, DEFAULT_CATALOGUE)}
      capturer={capturer}
      needsReview={needsReview}
      dueRequests={choices.due}
      filingTargets={choices.all}
      masking={{
        // Until the setting is read the box claims nothing: unticked and disabled.
        enabled: masking?.settings.enabled ?? false,
        locked: masking?.enabled === 'locked',
        pending: masking === null,
        onChange: onMaskingChange,
      }}
      coverage={(captureFor) =>
        coverage ? (
          <CoverageInFrameworks
            inScope={inScope}
            onOpenEntry={onOpenEntry}
            catalogue={DEFAULT_CATALOGUE}
            data={coverage}
            today={today()}
            onOpenControl={(controlId) => open(`control/${controlId}`)}
            onOpenSection={open}
            onCaptureFor={captureFor}
          />
        ) : (
          <CoveragePending />
        )
      }
    />
  );
}
