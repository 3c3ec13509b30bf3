import type { SectionContext } from '@/components/dashboard/section-context';
import { riskRegisterCsv } from '@/utils/risk/risk-csv';
import { riskCsvFileName } from '@/utils/risk/risk-files';
import { riskScreenText, riskText } from '@/utils/text';
import { RiskImport } from './RiskImport';
import { RiskRegister } from './RiskRegister';

/** The Risks section: the register with its form, the CSV export and the CSV import. */
export function RisksSection({ context }: { context: SectionContext }) {
  const { catalogue, data, today, services, thenReload, openControl, route } = context;
  const risks = data.coverage.risks ?? [];
  const criteria = data.coverage.riskCriteria;
  if (!criteria) return <p class="hint">{riskScreenText.unavailable}</p>;
  const organisation = data.coverage.plan?.organisation || data.settings.organisation;
  return (
    <>
      <h2>{riskText.heading}</h2>
      <p class="hint">
        {riskScreenText.intro} <a href="#settings">{riskScreenText.criteriaLink}</a>{' '}
        <a href="#trace">{riskScreenText.traceLink}</a>
      </p>
      <div class="form-actions">
        <button
          type="button"
          disabled={risks.length === 0}
          onClick={() =>
            services.download(riskCsvFileName(organisation, today), riskRegisterCsv(criteria, risks))
          }
        >
          {riskScreenText.exportCsv}
        </button>
      </div>
      <RiskImport
        catalogue={catalogue}
        criteria={criteria}
        existing={risks}
        now={() => new Date().toISOString()}
        readFile={(file) => file.text()}
        onConfirm={thenReload(services.importRisks)}
      />
      <RiskRegister
        // Keyed by the linked risk, so following another risk link opens that one.
        key={route.riskId ?? ''}
        {...(route.riskId ? { openRiskId: route.riskId } : {})}
        catalogue={catalogue}
        criteria={criteria}
        risks={risks}
        today={today}
        now={() => new Date().toISOString()}
        onSave={thenReload(services.saveRisk)}
        onDelete={thenReload(services.deleteRisk)}
        onOpenControl={openControl}
      />
    </>
  );
}
