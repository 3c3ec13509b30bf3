import { useMemo } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { assess, type CoverageData } from './assessment';
import { ControlGrid } from './ControlGrid';
import { GapList } from './GapList';
import { ReadinessCard } from './ReadinessCard';
import { ThemeBars } from './ThemeBars';
import './styles/coverage.css';

export interface CoverageSummaryProps {
  catalogue: Catalogue;
  data: CoverageData;
  /** YYYY-MM-DD in the user's calendar. */
  today: string;
  /** Opens the control in the dashboard's SoA section. */
  onOpenControl: (controlId: string) => void;
  /** Opens a dashboard section, e.g. 'plan' or 'findings'. */
  onOpenSection: (section: string) => void;
  /** Gaps listed before "and N more". */
  gapLimit?: number;
}

/** The popup's picture of the ISMS: readiness for the next audit, themes, every control, the top gaps. */
export function CoverageSummary(props: CoverageSummaryProps) {
  const { catalogue, data, today, onOpenControl, onOpenSection, gapLimit = 5 } = props;
  const assessment = useMemo(() => assess(catalogue, data, today), [catalogue, data, today]);
  const { coverage, nextAudit, openFindings, gaps } = assessment;
  return (
    <section class="coverage-summary" aria-labelledby="coverage-heading" data-testid="coverage-summary">
      <h2 id="coverage-heading">Coverage</h2>
      {nextAudit ? (
        <ReadinessCard
          title={`Next: ${nextAudit.label}`}
          date={nextAudit.date}
          daysLeft={nextAudit.daysLeft}
          readiness={nextAudit.readiness}
          visibleReasons={3}
        />
      ) : (
        <p class="hint" data-testid="no-next-audit">
          {data.plan === null ? 'No audit plan yet.' : 'No audit date ahead in the plan.'}{' '}
          <button type="button" class="link" onClick={() => onOpenSection('plan')}>
            {data.plan === null ? 'Set up the audit plan' : 'Update the audit plan'}
          </button>
        </p>
      )}
      <p class="hint">
        {coverage.window.planned
          ? `Audit window ${coverage.window.start} to ${coverage.window.end}`
          : `No audit window planned: showing ${coverage.window.start} to ${coverage.window.end}`}
      </p>
      {openFindings.total > 0 && (
        <p>
          <button type="button" class="link" onClick={() => onOpenSection('findings')}>
            {openFindings.total} open {openFindings.total === 1 ? 'finding' : 'findings'}
            {openFindings.major > 0 && ` (${openFindings.major} major)`}
          </button>
        </p>
      )}
      <ThemeBars themes={coverage.themes} overall={coverage.overall} compact />
      <h3>Controls</h3>
      <ControlGrid catalogue={catalogue} controls={coverage.controls} onOpen={onOpenControl} />
      <h3>Gaps, most urgent first</h3>
      <GapList catalogue={catalogue} gaps={gaps} limit={gapLimit} onOpen={onOpenControl} />
    </section>
  );
}
