import type { Catalogue } from '@/utils/catalogue/types';
import type { AuditPlan } from '@/utils/isms/types';
import type { Assessment } from './assessment';
import { ControlGrid } from './ControlGrid';
import { GapList } from './GapList';
import { OperatingPeriod } from './OperatingPeriod';
import { ReadinessPanel } from './ReadinessPanel';
import { ThemeBars } from './ThemeBars';

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
      <h2>Readiness</h2>
      <ReadinessPanel plan={plan} today={today} stage1={stage1} stage2={stage2} />
      {openFindings.total > 0 && (
        <p>
          <a href="#findings">
            {openFindings.total} unresolved {openFindings.total === 1 ? 'finding' : 'findings'}
            {openFindings.major > 0 && ` (${openFindings.major} major)`}
          </a>
        </p>
      )}
      <div class="overview-columns">
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading">Coverage by theme</h2>
          <p class="hint">
            {coverage.window.planned
              ? `Audit window ${coverage.window.start} to ${coverage.window.end}; freshness judged on ${coverage.referenceDate}.`
              : `No audit window planned: showing ${coverage.window.start} to ${coverage.window.end}.`}
          </p>
          <ThemeBars themes={coverage.themes} overall={coverage.overall} />
        </section>
        <section aria-labelledby="grid-heading">
          <h2 id="grid-heading">Controls</h2>
          <ControlGrid catalogue={catalogue} controls={coverage.controls} onOpen={onOpenControl} />
        </section>
      </div>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Gaps by urgency ({gaps.length})</h2>
        <GapList catalogue={catalogue} gaps={gaps} limit={20} onOpen={onOpenControl} />
      </section>
      <section aria-labelledby="period-heading">
        <h2 id="period-heading">Operating period: evidence by month</h2>
        <OperatingPeriod catalogue={catalogue} coverage={coverage} onOpen={onOpenControl} />
      </section>
    </div>
  );
}
