import { useMemo } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { assess, type CoverageData } from '@/utils/coverage/assessment';
import { ControlGrid } from './ControlGrid';
import { GapList } from './GapList';
import { ReadinessCard } from './ReadinessCard';
import { ThemeBars } from './ThemeBars';
import '../styles/coverage.css';
import { overviewText } from '@/utils/text';

export interface CoverageSummaryProps {
  catalogue: Catalogue;
  data: CoverageData;
  /** YYYY-MM-DD in the user's calendar. */
  today: string;
  /** Opens the control in the dashboard's SoA section. */
  onOpenControl: (controlId: string) => void;
  /** Opens a dashboard section, e.g. 'plan' or 'findings'. */
  onOpenSection: (section: string) => void;
  /** Starts a capture tagged for a gap's control (the popup). */
  onCaptureFor?: ((controlId: string) => void) | undefined;
  /** Gaps listed before "and N more". */
  gapLimit?: number;
}

/** The popup's picture of the ISMS: readiness for the next audit, themes, every control, the top gaps. */
export function CoverageSummary(props: CoverageSummaryProps) {
  const { catalogue, data, today, onOpenControl, onOpenSection, onCaptureFor, gapLimit = 5 } = props;
  const assessment = useMemo(() => assess(catalogue, data, today), [catalogue, data, today]);
  const { coverage, nextAudit, openFindings, gaps } = assessment;
  return (
    <section class="coverage-summary" aria-labelledby="coverage-heading" data-testid="coverage-summary">
      <h2 id="coverage-heading">{overviewText.coverageHeading}</h2>
      {nextAudit ? (
        <ReadinessCard
          title={overviewText.nextAudit(nextAudit.label)}
          date={nextAudit.date}
          daysLeft={nextAudit.daysLeft}
          readiness={nextAudit.readiness}
          visibleReasons={3}
        />
      ) : (
        <p class="hint" data-testid="no-next-audit">
          {data.plan === null ? overviewText.noPlan : overviewText.noAuditAhead}{' '}
          <button type="button" class="link" onClick={() => onOpenSection('plan')}>
            {data.plan === null ? overviewText.setUpPlan : overviewText.updatePlan}
          </button>
        </p>
      )}
      <p class="hint">
        {(coverage.window.planned ? overviewText.window : overviewText.noWindow)(
          coverage.window.start,
          coverage.window.end,
        )}
      </p>
      {openFindings.total > 0 && (
        <p>
          <button type="button" class="link" onClick={() => onOpenSection('findings')}>
            {overviewText.openFindings(openFindings.total)}
            {openFindings.major > 0 && overviewText.majorFindings(openFindings.major)}
          </button>
        </p>
      )}
      <ThemeBars themes={coverage.themes} overall={coverage.overall} compact />
      <h3>{overviewText.controlsHeading}</h3>
      <ControlGrid catalogue={catalogue} controls={coverage.controls} onOpen={onOpenControl} />
      <h3>{overviewText.gapsHeading}</h3>
      <GapList
        catalogue={catalogue}
        gaps={gaps}
        limit={gapLimit}
        onOpen={onOpenControl}
        onCapture={onCaptureFor}
      />
    </section>
  );
}
