import { useMemo, useState } from 'preact/hooks';
import type { SectionContext } from '@/components/dashboard/section-context';
import { controlHash, evidenceHash } from '@/utils/dashboard/routes';
import { riskOwners } from '@/utils/risk/register-view';
import { NO_TRACE_FILTER, traceMatrix, type TraceFilter } from '@/utils/risk/trace-view';
import { commonText, riskScreenText, riskText } from '@/utils/text';
import { TraceMatrixView } from './TraceMatrixView';

/** The traceability view: risk → treating control → SoA decision → newest evidence in the audit window. */
export function TraceSection({ context }: { context: SectionContext }) {
  const { catalogue, data, assessment } = context;
  const [filter, setFilter] = useState<TraceFilter>(NO_TRACE_FILTER);
  const risks = data.coverage.risks ?? [];
  const criteria = data.coverage.riskCriteria;
  const matrix = useMemo(
    () =>
      criteria
        ? traceMatrix({
            catalogue,
            criteria,
            risks,
            coverage: assessment.coverage,
            evidence: data.coverage.evidence,
            filter,
          })
        : null,
    [catalogue, criteria, risks, assessment.coverage, data.coverage.evidence, filter],
  );
  const owners = useMemo(() => riskOwners(risks), [risks]);
  if (!criteria || !matrix) return <p class="hint">{riskScreenText.unavailable}</p>;
  const { window } = assessment.coverage;
  return (
    <>
      <h2>{riskScreenText.trace.heading}</h2>
      <p class="hint">{riskScreenText.trace.intro(window.start, assessment.coverage.referenceDate)}</p>
      <div class="filters">
        <label>
          {riskScreenText.filters.level}
          <select
            value={filter.bandId}
            onChange={(event) => setFilter({ ...filter, bandId: event.currentTarget.value })}
          >
            <option value="">{riskScreenText.filters.anyLevel}</option>
            {criteria.bands.map((band) => (
              <option key={band.id} value={band.id}>
                {band.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {riskText.fields.owner}
          <select
            value={filter.owner}
            onChange={(event) => setFilter({ ...filter, owner: event.currentTarget.value })}
          >
            <option value="">{riskScreenText.filters.anyOwner}</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </label>
        <label>
          {commonText.theme}
          <select
            value={filter.theme}
            onChange={(event) => setFilter({ ...filter, theme: event.currentTarget.value })}
          >
            <option value="">{commonText.allThemes}</option>
            {catalogue.themes
              .filter((theme) => theme.id !== 'clauses')
              .map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <p role="status">{riskScreenText.trace.summary(matrix.rows.length, matrix.controls.length)}</p>
      {risks.length === 0 ? (
        <p class="hint">{riskScreenText.emptyRegister}</p>
      ) : (
        <TraceMatrixView matrix={matrix} evidenceHref={evidenceHash} controlHref={controlHash} />
      )}
    </>
  );
}
