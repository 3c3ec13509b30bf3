import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { assess, type CoverageData } from '@/utils/coverage/assessment';
import type { AuditPlanInput } from '@/components/audit/AuditPlanForm';
import { AuditPlanForm } from '@/components/audit/AuditPlanForm';
import { DashboardOverview } from '@/components/dashboard/DashboardOverview';
import { DashboardShell } from '@/components/dashboard/DashboardShell';
import { ExportSection } from '@/components/export/ExportSection';
import type { FindingInput } from '@/components/audit/FindingForm';
import { FindingsRegister } from '@/components/audit/FindingsRegister';
import { errorText } from '@/utils/isms/labels';
import { SettingsForm, type SettingsPolicy } from '@/components/settings/SettingsForm';
import { ManagedMappingRules } from '@/components/settings/ManagedMappingRules';
import { MaskingRulesEditor, type MaskingChange } from '@/components/settings/MaskingRulesEditor';
import { SoaTable, type ControlledDocumentSummary } from '@/components/soa/SoaTable';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import type { ControlState, Settings } from '@/utils/isms/types';
import type { EffectiveMasking } from '@/utils/settings/effective';
import { soaCsv, soaCsvFileName } from '@/utils/soa/soa-csv';
import { dashboardText } from '@/utils/text';
import { controlHash, parseRoute, SECTIONS, type Route } from './routes';

export interface DashboardData {
  coverage: CoverageData;
  /** The settings as they apply (the organisation's policy over the user's own values). */
  settings: Settings;
  /** What the organisation's policy manages; absent when it manages nothing. */
  policy?: SettingsPolicy;
  /** Masking as it applies, for the rules editor. */
  masking?: EffectiveMasking;
  /** Stage 1 documents under document control (clauses 4–10). */
  documents?: readonly ControlledDocumentSummary[];
}

/** What the dashboard does outside itself: reads, writes through the background, downloads. */
export interface DashboardServices {
  load: () => Promise<DashboardData>;
  saveControlState: (state: Omit<ControlState, 'updatedAt'>) => Promise<void>;
  /** Resolves with the background's warnings. */
  saveAuditPlan: (plan: AuditPlanInput) => Promise<string[]>;
  saveFinding: (finding: FindingInput) => Promise<void>;
  deleteFinding: (id: string) => Promise<void>;
  saveSettings: (settings: Omit<Settings, 'id'>) => Promise<void>;
  saveMasking?: (change: MaskingChange) => Promise<void>;
  /** A real CSS selector parser (throws a SyntaxError on an invalid selector). */
  parseSelector?: (selector: string) => void;
  /** Calls back when the administrator's policy changes; returns the unsubscribe function. */
  onPolicyChange?: (callback: () => void) => () => void;
  download: (fileName: string, text: string) => void;
  /** YYYY-MM-DD in the user's calendar. */
  today: () => string;
  exportUrl: string;
}

export interface DashboardAppProps {
  catalogue: Catalogue;
  services: DashboardServices;
  /** The bundle import panel, rendered in the Export & import section. */
  importPanel?: ComponentChildren;
  /** The evidence library, rendered as the Evidence section. */
  evidencePanel?: ComponentChildren;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** The dashboard: hash-routed sections over one snapshot of the ISMS, reloaded after every save. */
export function DashboardApp({ catalogue, services, importPanel, evidencePanel }: DashboardAppProps) {
  const route = useRoute();
  const [data, setData] = useState<DashboardData | null>(null);
  const [today, setToday] = useState(services.today);
  const [loadError, setLoadError] = useState('');
  const previousRoute = useRef<Route | null>(null);

  const reload = useCallback(async () => {
    try {
      const loaded = await services.load();
      setToday(services.today());
      setData(loaded);
      setLoadError('');
    } catch (failure) {
      setLoadError(dashboardText.loadFailed(errorText(failure)));
    }
  }, [services]);

  useEffect(() => {
    void reload();
    // Captures taken in the popup meanwhile show up when the dashboard is looked at again.
    const refresh = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', refresh);
    const stopFollowingPolicy = services.onPolicyChange?.(() => void reload());
    return () => {
      document.removeEventListener('visibilitychange', refresh);
      stopFollowingPolicy?.();
    };
  }, [reload, services]);

  useEffect(() => {
    const section = SECTIONS.find((candidate) => candidate.id === route.section);
    document.title = dashboardText.documentTitle(section?.label);
    // After navigating (not on first load), start reading at the section, unless a control form takes focus.
    if (previousRoute.current !== null && route.controlId === null)
      document.getElementById('section')?.focus();
    previousRoute.current = route;
  }, [route]);

  const assessment = useMemo(
    () => (data ? assess(catalogue, data.coverage, today) : null),
    [catalogue, data, today],
  );

  const after =
    <T extends unknown[], R>(action: (...args: T) => Promise<R>) =>
    async (...args: T): Promise<R> => {
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
    const openControl = (controlId: string) => {
      location.hash = controlHash(controlId);
    };
    switch (route.section) {
      case 'overview':
        return (
          <DashboardOverview
            catalogue={catalogue}
            assessment={assessment}
            plan={data.coverage.plan}
            today={today}
            onOpenControl={openControl}
          />
        );
      case 'controls': {
        const unknown = route.controlId !== null && findItem(catalogue, route.controlId) === undefined;
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
              onSave={after(services.saveControlState)}
              onDownloadCsv={() =>
                services.download(
                  soaCsvFileName(data.coverage.plan?.organisation || data.settings.organisation, today),
                  soaCsv(catalogue, data.coverage.controlStates, assessment.coverage),
                )
              }
            />
          </>
        );
      }
      case 'plan':
        return (
          <AuditPlanForm
            plan={data.coverage.plan}
            defaultOrganisation={data.settings.organisation}
            onSave={after(services.saveAuditPlan)}
          />
        );
      case 'findings':
        return (
          <>
            <h2>{dashboardText.findingsHeading}</h2>
            <FindingsRegister
              catalogue={catalogue}
              findings={data.coverage.findings}
              today={today}
              onSave={after(services.saveFinding)}
              onDelete={after(services.deleteFinding)}
            />
          </>
        );
      case 'evidence':
        return <div data-testid="evidence-slot">{evidencePanel}</div>;
      case 'export':
        return <ExportSection exportUrl={services.exportUrl} importPanel={importPanel} />;
      case 'settings':
        return (
          <>
            <SettingsForm
              settings={data.settings}
              {...(data.policy ? { policy: data.policy } : {})}
              onSave={after(services.saveSettings)}
            />
            {data.policy?.mappingRules && (
              <ManagedMappingRules
                rules={data.policy.mappingRules}
                management={data.policy.mappingRulesManagement ?? 'default'}
              />
            )}
            {data.masking && services.saveMasking && services.parseSelector && (
              <MaskingRulesEditor
                masking={data.masking}
                parseSelector={services.parseSelector}
                onSave={after(services.saveMasking)}
              />
            )}
          </>
        );
    }
  }

  return (
    <DashboardShell sections={SECTIONS} current={route.section}>
      <div id="section" tabIndex={-1} class="dashboard-section" data-section={route.section}>
        {content()}
      </div>
    </DashboardShell>
  );
}
