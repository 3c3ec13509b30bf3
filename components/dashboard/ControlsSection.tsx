import { SoaTable } from '@/components/soa/SoaTable';
import { findItem } from '@/utils/catalogue/catalogue';
import { soaCsv, soaCsvFileName } from '@/utils/soa/soa-csv';
import { dashboardText } from '@/utils/text';
import type { SectionContext } from './section-context';

/** The Statement of Applicability, with the control the route names opened (or a sentence if it names none). */
export function ControlsSection({ context }: { context: SectionContext }) {
  const { catalogue, data, assessment, today, services, route, thenReload } = context;
  const unknown = route.controlId !== null && findItem(catalogue, route.controlId) === undefined;
  const downloadCsv = () =>
    services.download(
      soaCsvFileName(data.coverage.plan?.organisation || data.settings.organisation, today),
      soaCsv(catalogue, data.coverage.controlStates, assessment.coverage),
    );
  return (
    <>
      <h2>{dashboardText.controlsHeading}</h2>
      {unknown && (
        <p role="alert" class="error">
          {dashboardText.unknownControl(route.controlId ?? '')}
        </p>
      )}
      <SoaTable
        catalogue={catalogue}
        controlStates={data.coverage.controlStates}
        coverage={assessment.coverage}
        openControlId={unknown ? null : route.controlId}
        documents={data.documents ?? []}
        risks={data.coverage.risks ?? []}
        onSave={thenReload(services.saveControlState)}
        onDownloadCsv={downloadCsv}
      />
    </>
  );
}
