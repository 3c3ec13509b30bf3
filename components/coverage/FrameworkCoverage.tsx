import { useMemo } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { CoverageData } from '@/utils/coverage/assessment';
import { assessFramework } from '@/utils/crosswalk/framework-coverage';
import { mappedFramework, type MappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import { frameworkViewText, overviewText } from '@/utils/text';
import { ControlGrid } from './ControlGrid';
import { GapList } from './GapList';
import { STATUS_META } from './StatusBadge';
import { ThemeBars } from './ThemeBars';
import '../styles/coverage.css';

export interface FrameworkCoverageProps {
  framework: MappedFrameworkId;
  /** The ISO catalogue: the mapped framework's entries are counted from its IDs. */
  iso: Catalogue;
  data: CoverageData;
  today: string;
  onOpen: (entryId: string) => void;
  /** Starts a capture tagged directly to a gap's entry (the popup). */
  onCaptureFor?: ((entryId: string) => void) | undefined;
  gapLimit?: number;
  /** The dashboard lists every entry with the ISO IDs it maps to. */
  listEntries?: boolean;
  compact?: boolean;
}

/** Coverage, grid and gaps of SOC 2 or NIST CSF in their own IDs and short titles. */
export function FrameworkCoverage(props: FrameworkCoverageProps) {
  const { framework, iso, data, today, onOpen, onCaptureFor, gapLimit = 5, listEntries = false } = props;
  const { catalogue, coverage, gaps } = useMemo(
    () => assessFramework(framework, iso, data, today),
    [framework, iso, data, today],
  );
  const mapped = mappedFramework(framework);
  const isoOf = new Map(mapped.entries.map((entry) => [entry.id, entry.iso]));
  return (
    <section class="coverage-summary" data-testid="framework-coverage" data-framework={framework}>
      <p class="hint">{frameworkViewText.countedThrough(mapped.mappingBasis)}</p>
      <p class="hint">
        {(coverage.window.planned ? overviewText.window : overviewText.noWindow)(
          coverage.window.start,
          coverage.window.end,
        )}
      </p>
      <ThemeBars themes={coverage.themes} overall={coverage.overall} compact={props.compact ?? true} />
      <h3>{overviewText.controlsHeading}</h3>
      <ControlGrid catalogue={catalogue} controls={coverage.controls} onOpen={onOpen} />
      <h3>{overviewText.gapsHeading}</h3>
      <GapList catalogue={catalogue} gaps={gaps} limit={gapLimit} onOpen={onOpen} onCapture={onCaptureFor} />
      {listEntries && (
        <>
          <h3>{frameworkViewText.entriesHeading(mapped.name)}</h3>
          <ul class="framework-entries" data-testid="framework-entries">
            {coverage.controls.map((control) => (
              <li key={control.controlId} id={`entry-${control.controlId}`} data-entry-id={control.controlId}>
                <strong>{control.controlId}</strong>{' '}
                {catalogue.items.find((item) => item.id === control.controlId)?.title}{' '}
                <span class="hint">
                  {STATUS_META[control.status].icon}{' '}
                  {frameworkViewText.entryLine(STATUS_META[control.status].label, control.evidenceCount)} ·{' '}
                  {frameworkViewText.mapsTo}{' '}
                  {(isoOf.get(control.controlId) ?? []).map((id, index) => (
                    <span key={id}>
                      {index > 0 && ', '}
                      <a href={`#control/${id}`}>{id}</a>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
