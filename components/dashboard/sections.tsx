import { AuditPlanForm } from '@/components/audit/AuditPlanForm';
import { ExportSection } from '@/components/export/ExportSection';
import { RisksSection } from '@/components/risk/RisksSection';
import { TraceSection } from '@/components/risk/TraceSection';
import { RequestsSection } from '@/components/requests/RequestsSection';
import type { SectionId } from '@/utils/dashboard/routes';
import { dashboardText } from '@/utils/text';
import { ControlsSection } from './ControlsSection';
import { DashboardOverview } from './DashboardOverview';
import { FindingsSection } from './FindingsSection';
import { IsmsRecordsSection } from './IsmsRecordsSection';
import type { SectionView } from './section-context';
import { SettingsSection } from './SettingsSection';

/**
 * What each dashboard section shows. A new section is its id in utils/dashboard/routes.ts (the navigation
 * order), its label in utils/text, and one entry here; the type makes sure no section lacks a view.
 */
export const SECTION_VIEWS: Record<SectionId, SectionView> = {
  overview: ({ catalogue, assessment, data, today, openControl, route }) => (
    <DashboardOverview
      catalogue={catalogue}
      assessment={assessment}
      plan={data.coverage.plan}
      today={today}
      onOpenControl={openControl}
      coverage={data.coverage}
      inScope={data.frameworks?.inScope ?? ['iso27001']}
      {...(route.framework ? { framework: route.framework } : {})}
    />
  ),
  controls: (context) => <ControlsSection context={context} />,
  risks: (context) => <RisksSection context={context} />,
  trace: (context) => <TraceSection context={context} />,
  plan: ({ data, services, thenReload }) => (
    <AuditPlanForm
      plan={data.coverage.plan}
      defaultOrganisation={data.settings.organisation}
      onSave={thenReload(services.saveAuditPlan)}
    />
  ),
  findings: (context) => <FindingsSection context={context} />,
  records: (context) => <IsmsRecordsSection context={context} />,
  requests: ({ catalogue, data, today, services, thenReload }) => (
    <>
      <h2>{dashboardText.sections.requests}</h2>
      {services.requests && (
        <RequestsSection
          catalogue={catalogue}
          requests={data.requests?.requests ?? []}
          rules={data.requests?.rules ?? []}
          today={today}
          services={{
            ...services.requests,
            importRequests: thenReload(services.requests.importRequests),
            saveRequest: thenReload(services.requests.saveRequest),
            setStatus: thenReload(services.requests.setStatus),
          }}
        />
      )}
    </>
  ),
  // Keyed by the record the route opens, so following another evidence link mounts the library anew.
  evidence: ({ panels, route }) => (
    <div data-testid="evidence-slot" key={route.evidenceId ?? ''}>
      {panels.evidencePanel}
    </div>
  ),
  team: ({ panels }) => <div data-testid="team-slot">{panels.teamPanel}</div>,
  export: ({ services, panels }) => (
    <ExportSection exportUrl={services.exportUrl} importPanel={panels.importPanel} />
  ),
  settings: (context) => <SettingsSection context={context} />,
};
