import type { Catalogue } from '@/utils/catalogue/types';
import type { AuditPlan } from '@/utils/isms/types';
import type { Assessment } from '@/utils/coverage/assessment';
import { ControlGrid } from '../coverage/ControlGrid';
import { GapList } from '../coverage/GapList';
import { OperatingPeriod } from '../audit/OperatingPeriod';
import { ReadinessPanel } from '../coverage/ReadinessPanel';
import { ThemeBars } from '../coverage/ThemeBars';
import { overviewText } from '@/utils/text';
import { useEffect, useState } from 'preact/hooks';
import type { CoverageData } from '@/utils/coverage/assessment';
import type { FrameworkId } from '@/utils/crosswalk/frameworks';
import { FrameworkCoverage } from '../coverage/FrameworkCoverage';
import { FrameworkSwitch } from '../coverage/FrameworkSwitch';

export interface DashboardOverviewProps {
  catalogue: Catalogue;
  assessment: Assessment;
  plan: AuditPlan | null;
  today: string;
  onOpenControl: (controlId: string) => void;
  /** The snapshot a mapped framework's coverage is counted from. */
  coverage?: CoverageData;
  /** ISO first; a switch shows when another framework is in scope. */
  inScope?: readonly FrameworkId[];
  /** From #framework/soc2/CC6.1: the framework shown, and the entry to bring into view. */
  framework?: { id: string; entryId: string | null };
}

/** Where the ISMS stands: readiness with reasons, themes, every control, gaps, and the operating period. */
export function DashboardOverview({
  catalogue,
  assessment,
  plan,
  today,
  onOpenControl,
  coverage: data,
  inScope = ['iso27001'],
  framework,
}: DashboardOverviewProps) {
  const { coverage, stage1, stage2, gaps, openFindings } = assessment;
  const routed = inScope.find((id) => id === framework?.id);
  const [chosen, setChosen] = useState<FrameworkId>(routed ?? 'iso27001');
  useEffect(() => {
    if (routed) setChosen(routed);
  }, [routed]);
  useEffect(() => {
    if (framework?.entryId) document.getElementById(`entry-${framework.entryId}`)?.scrollIntoView();
  }, [framework?.entryId, chosen]);
  const shown = inScope.includes(chosen) ? chosen : 'iso27001';
  const switcher = (
    <FrameworkSwitch
      inScope={inScope}
      chosen={shown}
      onChoose={(id) => {
        setChosen(id);
        location.hash = id === 'iso27001' ? '#overview' : `#framework/${id}`;
      }}
    />
  );
  if (shown !== 'iso27001' && data)
    return (
      <div class="overview" data-testid="overview">
        {switcher}
        <FrameworkCoverage
          framework={shown}
          iso={catalogue}
          data={data}
          today={today}
          gapLimit={20}
          listEntries
          compact={false}
          onOpen={(entryId) => {
            location.hash = `#framework/${shown}/${entryId}`;
          }}
        />
      </div>
    );
  return (
    <div class="overview" data-testid="overview">
      {switcher}
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
