import { Fragment } from 'preact';
import { FrameworkScopeForm } from '@/components/settings/FrameworkScopeForm';
import { ManagedMappingRules } from '@/components/settings/ManagedMappingRules';
import { MaskingRulesEditor } from '@/components/settings/MaskingRulesEditor';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { SigningKeyPanel } from '@/components/signing/SigningKeyPanel';
import { TimestampPanel } from '@/components/timestamps/TimestampPanel';
import { LiveSyncQueue } from '@/components/team-store/LiveSyncQueue';
import { TeamStorePanel } from '@/components/team-store/TeamStorePanel';
import { RiskCriteriaPanel } from '@/components/risk/RiskCriteriaPanel';
import type { SectionContext, SectionView } from './section-context';

const settingsForm: SectionView = ({ data, services, thenReload }) => (
  <SettingsForm
    settings={data.settings}
    {...(data.policy ? { policy: data.policy } : {})}
    onSave={thenReload(services.saveSettings)}
  />
);

// Shown only when the organisation's policy sets mapping rules.
const managedMappingRules: SectionView = ({ data }) =>
  data.policy?.mappingRules ? (
    <ManagedMappingRules
      rules={data.policy.mappingRules}
      management={data.policy.mappingRulesManagement ?? 'default'}
    />
  ) : null;

// Shown only when the page can save masking rules and check selectors.
const maskingRules: SectionView = ({ data, services, thenReload }) =>
  data.masking && services.saveMasking && services.parseSelector ? (
    <MaskingRulesEditor
      masking={data.masking}
      parseSelector={services.parseSelector}
      onSave={thenReload(services.saveMasking)}
    />
  ) : null;

// Shown only when the page can read and save the frameworks in scope.
const frameworkScope: SectionView = ({ data, services, thenReload }) =>
  data.frameworks && services.saveFrameworkScope ? (
    <FrameworkScopeForm scope={data.frameworks} onSave={thenReload(services.saveFrameworkScope)} />
  ) : null;

// Shown only when the page read the installation's signing keys.
const signingKey: SectionView = ({ data, services, thenReload }) =>
  data.signingKeys && services.copyText ? (
    <SigningKeyPanel
      keys={data.signingKeys}
      copyText={services.copyText}
      onRotate={services.rotateSigningKey && thenReload(services.rotateSigningKey)}
    />
  ) : null;

// Shown only when the page can read and save the time-stamping authority.
const timestamps: SectionView = ({ data, services, thenReload }) =>
  data.timestamps && services.saveTimestamps ? (
    <TimestampPanel timestamps={data.timestamps} onSave={thenReload(services.saveTimestamps)} />
  ) : null;

// Shown only when the page can read and save the team store's settings.
const teamStore: SectionView = ({ data, services, thenReload }) =>
  data.teamStore && services.teamStore ? (
    <TeamStorePanel
      view={data.teamStore.view}
      onSave={thenReload(services.teamStore.save)}
      onRecheck={thenReload(services.teamStore.recheck)}
      onAccept={thenReload(services.teamStore.accept)}
      onRemove={thenReload(services.teamStore.remove)}
    />
  ) : null;

const syncQueue: SectionView = ({ data, services }) =>
  data.teamStore && services.teamStore ? (
    <LiveSyncQueue
      initial={data.teamStore.overview}
      active={data.teamStore.active}
      watch={services.teamStore.watch}
      onRetry={() => void services.teamStore!.retry()}
    />
  ) : null;

// Keyed by the saved criteria, so a save or another tab's change starts the form from what is stored.
const riskCriteria: SectionView = ({ data, services, thenReload }) =>
  data.coverage.riskCriteria ? (
    <RiskCriteriaPanel
      key={data.coverage.riskCriteria.updatedAt}
      criteria={data.coverage.riskCriteria}
      risks={data.coverage.risks ?? []}
      onSave={thenReload(services.saveRiskCriteria)}
    />
  ) : null;

/** The settings panels, top to bottom: a new panel is one entry here. */
export const SETTINGS_PANELS: readonly { key: string; view: SectionView }[] = [
  { key: 'settings', view: settingsForm },
  { key: 'mapping-rules', view: managedMappingRules },
  { key: 'masking', view: maskingRules },
  { key: 'frameworks', view: frameworkScope },
  { key: 'signing-key', view: signingKey },
  { key: 'timestamps', view: timestamps },
  { key: 'team-store', view: teamStore },
  { key: 'sync-queue', view: syncQueue },
  { key: 'risk-criteria', view: riskCriteria },
];

export function SettingsSection({ context }: { context: SectionContext }) {
  return (
    <>
      {SETTINGS_PANELS.map(({ key, view }) => (
        <Fragment key={key}>{view(context)}</Fragment>
      ))}
    </>
  );
}
