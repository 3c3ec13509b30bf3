import { useMemo } from 'preact/hooks';
import { assess } from '@/utils/coverage/assessment';
import type { Catalogue } from '@/utils/catalogue/types';
import { controlHash, SECTIONS } from '@/utils/dashboard/routes';
import { dashboardText } from '@/utils/text';
import type { DashboardServices } from './dashboard-services';
import { DashboardShell } from './DashboardShell';
import type { DashboardPanels, SectionContext } from './section-context';
import { SECTION_VIEWS } from './sections';
import { useDashboardSnapshot } from './useDashboardSnapshot';
import { useHashRoute, useSectionFocus } from './useHashRoute';

export interface DashboardAppProps extends DashboardPanels {
  catalogue: Catalogue;
  services: DashboardServices;
}

function openControl(controlId: string): void {
  location.hash = controlHash(controlId);
}

/** The dashboard: hash-routed sections over one snapshot of the ISMS, reloaded after every save. */
export function DashboardApp({
  catalogue,
  services,
  importPanel,
  evidencePanel,
  teamPanel,
}: DashboardAppProps) {
  const route = useHashRoute();
  useSectionFocus(route);
  const { data, today, loadError, reload } = useDashboardSnapshot(services);
  const assessment = useMemo(
    () => (data ? assess(catalogue, data.coverage, today) : null),
    [catalogue, data, today],
  );

  const thenReload: SectionContext['thenReload'] =
    (action) =>
    async (...args) => {
      const result = await action(...args);
      await reload();
      return result;
    };

  function content() {
    if (loadError) {
      return (
        <p role="alert" class="error">
          {loadError}
        </p>
      );
    }
    if (!data || !assessment) return <p role="status">{dashboardText.loading}</p>;
    const panels = { importPanel, evidencePanel, teamPanel };
    const context = { catalogue, data, assessment, today, services, panels, route, openControl, thenReload };
    return SECTION_VIEWS[route.section](context);
  }

  return (
    <DashboardShell sections={SECTIONS} current={route.section}>
      <div id="section" tabIndex={-1} class="dashboard-section" data-section={route.section}>
        {content()}
      </div>
    </DashboardShell>
  );
}
