import type { Catalogue } from '@/utils/catalogue/types';
import type { AuditPlan } from '@/utils/isms/types';
import type { Assessment } from '@/utils/coverage/assessment';
import { ControlGrid } from '../coverage/ControlGrid';
import { GapList } from '../coverage/GapList';
import { OperatingPeriod } from '../audit/OperatingPeriod';
import { ReadinessPanel } from '../coverage/ReadinessPanel';
import { ThemeBars } from '../coverage/ThemeBars';
import { overviewText } from '@/utils/text';

export interface DashboardOverviewProps {
  catalogue: Catalogue;
  assessment: Assessment;
  plan: AuditPlan | null;
  today: string;
  onOpenControl: (controlId: string) => void;
}

/** Where the ISMS stands: readiness with reasons, themes, every control, gaps, and the operating period. */
export function DashboardOverview({
  catalogue,
  assessment,
  plan,
  today,
  onOpenControl,
}: DashboardOverviewProps) {
  const { coverage, stage1, stage2, gaps, openFindings } = assessment;
  return (
    <div class="overview" data-testid="overview">
      <h2>{overviewText.readinessHeading}</h2>
      <ReadinessPanel plan={plan} today={today} stage1={stage1} stage2={stage2} />
      {openFindings.total > 0 && (
        <p>
          <a href="#findings">
            {overviewText.unresolvedFindings(openFindings.total)}
            {openFindings.major > 0 && overviewText.majorFindings(openFindings.major)}
          </a>
        </p>
      )}
      <div class="overview-columns">
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading">{overviewText.themesHeading}</h2>
          <p class="hint">
            {coverage.window.planned
              ? overviewText.windowJudged(coverage.window.start, coverage.window.end, coverage.referenceDate)
              : `${overviewText.noWindow(coverage.window.start, coverage.window.end)}.`}
          </p>
          <ThemeBars themes={coverage.themes} overall={coverage.overall} />
        </section>
        <section aria-labelledby="grid-heading">
          <h2 id="grid-heading">{overviewText.controlsHeading}</h2>
          <ControlGrid catalogue={catalogue} controls={coverage.controls} onOpen={onOpenControl} />
        </section>
      </div>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{overviewText.gapsByUrgency(gaps.length)}</h2>
        <GapList catalogue={catalogue} gaps={gaps} limit={20} onOpen={onOpenControl} />
      </section>
      <section aria-labelledby="period-heading">
        <h2 id="period-heading">{overviewText.periodHeading}</h2>
        <OperatingPeriod catalogue={catalogue} coverage={coverage} onOpen={onOpenControl} />
      </section>
    </div>
  );
}
