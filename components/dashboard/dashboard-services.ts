import type { InternalAuditInput, ManagementReviewInput } from '@/utils/isms-records/types';
import type { AuditPlanInput } from '@/components/audit/AuditPlanForm';
import type { FindingInput } from '@/components/audit/FindingForm';
import type { SettingsPolicy } from '@/components/settings/SettingsForm';
import type { MaskingChange } from '@/components/settings/MaskingRulesEditor';
import type { ControlledDocumentSummary } from '@/components/soa/ClauseDocuments';
import type { SigningKeyDisplay } from '@/components/signing/SigningKeyPanel';
import type { TimestampDisplay } from '@/components/timestamps/TimestampPanel';
import type { TimestampSettings } from '@/utils/timestamp/settings';
import type { RequestServices } from '@/components/requests/request-services';
import type { AuditRequest } from '@/utils/requests/types';
import type { CoverageData } from '@/utils/coverage/assessment';
import type { ControlState, MappingRule, Settings } from '@/utils/isms/types';
import type { EffectiveMasking } from '@/utils/settings/effective';
import type { TeamStoreSaveOutcome } from '@/utils/messages/protocol';
import type { TeamStoreFieldsInput, TeamStoreView } from '@/utils/team-store/settings-check';
import type { SyncOverview } from '@/utils/team-store/sync-view';
import type { MappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import type { EffectiveFrameworks } from '@/utils/settings/frameworks';
import type { RiskImportPreview } from '@/utils/risk/risk-import';
import type { Risk, RiskCriteria } from '@/utils/risk/types';

/** One snapshot of the ISMS, as the dashboard shows it; reloaded after every save. */
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
  /** The frameworks in scope (ISO always); absent where the page does not read them. */
  frameworks?: EffectiveFrameworks;
  /** The installation's bundle-signing keys, current first; absent where the page cannot read them. */
  signingKeys?: readonly SigningKeyDisplay[];
  /** The time-stamping authority and what waits for a token; absent where the page cannot read them. */
  timestamps?: TimestampDisplay;
  /** The team store's settings (never the secret) and its upload queue; absent where the page cannot read them. */
  teamStore?: { view: TeamStoreView; overview: SyncOverview; active: boolean };
  /** The auditor's request lists, and the rules that suggest controls from a request's text. */
  requests?: { requests: readonly AuditRequest[]; rules: readonly MappingRule[] };
}

/** What the dashboard does outside itself: reads, writes through the background, downloads. */
export interface DashboardServices {
  load: () => Promise<DashboardData>;
  saveControlState: (state: Omit<ControlState, 'updatedAt'>) => Promise<void>;
  /** Resolves with the background's warnings. */
  saveAuditPlan: (plan: AuditPlanInput) => Promise<string[]>;
  saveFinding: (finding: FindingInput) => Promise<void>;
  deleteFinding: (id: string) => Promise<void>;
  saveInternalAudit: (audit: InternalAuditInput) => Promise<void>;
  saveManagementReview: (review: ManagementReviewInput) => Promise<void>;
  saveSettings: (settings: Omit<Settings, 'id'>) => Promise<void>;
  /** Register writes; each is logged in the custody chain with the risk before and after. */
  saveRisk: (risk: Risk) => Promise<void>;
  deleteRisk: (id: string) => Promise<void>;
  saveRiskCriteria: (criteria: RiskCriteria) => Promise<void>;
  /** Writes a confirmed import preview whole; resolves with the number of risks written. */
  importRisks: (preview: RiskImportPreview) => Promise<number>;
  saveMasking?: (change: MaskingChange) => Promise<void>;
  /** Asks for the authority's origin (synchronously, first), then saves; rejects with a sentence. */
  saveTimestamps?: (change: TimestampSettings) => Promise<void>;
  saveFrameworkScope?: (optional: MappedFrameworkId[]) => Promise<void>;
  /** A real CSS selector parser (throws a SyntaxError on an invalid selector). */
  parseSelector?: (selector: string) => void;
  /** Calls back when the administrator's policy changes; returns the unsubscribe function. */
  onPolicyChange?: (callback: () => void) => () => void;
  download: (fileName: string, text: string) => void;
  /** Writes text to the clipboard (the signing key's fingerprint). */
  copyText?: (text: string) => Promise<void>;
  /** Replaces the installation's signing key (the reason goes into the custody log); resolves with the new grouped fingerprint. */
  rotateSigningKey?: (reason: string) => Promise<string>;
  /** The team store; see components/team-store/TeamStorePanel.tsx for why `saveTeamStore` is called first. */
  teamStore?: {
    save: (fields: TeamStoreFieldsInput, secret: string) => Promise<TeamStoreSaveOutcome>;
    recheck: () => Promise<TeamStoreSaveOutcome>;
    accept: () => Promise<void>;
    remove: () => Promise<void>;
    retry: () => Promise<void>;
    watch: (callback: (overview: SyncOverview) => void) => () => void;
  };
  /** YYYY-MM-DD in the user's calendar. */
  today: () => string;
  exportUrl: string;
  /** Request lists: absent where the page does not offer them. */
  requests?: RequestServices;
}
