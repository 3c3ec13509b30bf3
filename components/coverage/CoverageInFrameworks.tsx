import { useState } from 'preact/hooks';
import type { FrameworkId } from '@/utils/crosswalk/frameworks';
import { CoverageSummary, type CoverageSummaryProps } from './CoverageSummary';
import { FrameworkCoverage } from './FrameworkCoverage';
import { FrameworkSwitch } from './FrameworkSwitch';

export interface CoverageInFrameworksProps extends CoverageSummaryProps {
  /** ISO first; the switch shows when another framework is in scope. */
  inScope: readonly FrameworkId[];
  /** Opens a mapped framework's entry in the dashboard. */
  onOpenEntry: (framework: FrameworkId, entryId: string) => void;
}

/** The popup's coverage: ISO by default, or SOC 2 / NIST CSF in their own IDs when switched. */
export function CoverageInFrameworks(props: CoverageInFrameworksProps) {
  const { inScope, onOpenEntry, ...summary } = props;
  const [chosen, setChosen] = useState<FrameworkId>('iso27001');
  const shown = inScope.includes(chosen) ? chosen : 'iso27001';
  return (
    <>
      <FrameworkSwitch inScope={inScope} chosen={shown} onChoose={setChosen} />
      {shown === 'iso27001' ? (
        <CoverageSummary {...summary} />
      ) : (
        <FrameworkCoverage
          framework={shown}
          iso={summary.catalogue}
          data={summary.data}
          today={summary.today}
          onOpen={(entryId) => onOpenEntry(shown, entryId)}
          onCaptureFor={summary.onCaptureFor}
          gapLimit={summary.gapLimit ?? 5}
        />
      )}
    </>
  );
}
