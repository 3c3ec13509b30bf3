import type { DashboardServices } from '@/components/dashboard/dashboard-services';
import { localDate } from '@/utils/coverage/dates';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { sendMessage } from '@/platform/messaging';
import {
  readEffectiveCapturer,
  readEffectiveMappingRules,
  readEffectiveSettings,
} from '@/platform/effective-settings';
import { onManagedPolicyChange } from '@/platform/managed-policy';
import { readMaskingView } from '@/platform/masking-settings';
import { readFrameworkScope } from '@/platform/framework-settings';
import { readCoverageSnapshot } from '@/storage/coverage-snapshot';
import type { EvidenceDatabase } from '@/storage/db';
import { readControlledDocuments } from '@/storage/evidence-library';
import { currentSigningKey, signingKeyHistory } from '@/storage/signing-keys';
import { groupFingerprint } from '@/utils/signing';
import { applyRiskImport } from '@/storage/risk-repository';
import { listRequests } from '@/storage/request-repository';
import { createRequestServices } from './request-services';
import { downloadText } from './download';
import { readTimestampView } from '@/platform/timestamp-settings';
import { pendingTimestamps } from '@/storage/timestamps';
import { readTeamStoreView } from '@/platform/team-store-settings';
import { readPinnedSigningKeys } from '@/platform/signing-keys';
import {
  hasOriginPermission,
  releaseOriginPermission,
  requestOriginPermission,
} from '@/platform/origin-permission';
import { readSyncOverview } from '@/storage/sync-queue';
import { serviceOrigin } from '@/utils/settings/origin';
import { teamStoreSettingsText, timestampText } from '@/utils/text';
import type { TeamStoreFieldsInput } from '@/utils/team-store/settings-check';

const CLAUSE_IDS = DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'clause').map((item) => item.id);

/** The dashboard's services in the extension: reads from the database, writes through the background. */
export function createDashboardServices(db: EvidenceDatabase): DashboardServices {
  return {
    load: async () => {
      const [
        coverage,
        view,
        masking,
        frameworks,
        documents,
        signingKeys,
        timestamps,
        requests,
        rules,
        teamStore,
      ] = await Promise.all([
        readCoverageSnapshot(db),
        readEffectiveSettings(db),
        readMaskingView(db),
        readFrameworkScope(db),
        readControlledDocuments(db, CLAUSE_IDS),
        readSigningKeys(db),
        readTimestampDisplay(db),
        listRequests(db),
        readEffectiveMappingRules(db),
        readTeamStore(db),
      ]);
      const policy = {
        organisation: view.organisation,
        capturer: view.capturer,
        notes: [...view.policyProblems, ...view.notes],
        mappingRules: view.mappingRules,
        mappingRulesManagement: view.mappingRulesManagement,
      };
      return {
        coverage,
        settings: view.settings,
        policy,
        masking,
        frameworks,
        documents,
        requests: { requests, rules },
        ...(signingKeys ? { signingKeys } : {}),
        timestamps,
        ...(teamStore ? { teamStore } : {}),
      };
    },
    saveControlState: async (state) => {
      await sendMessage('saveControlState', state);
    },
    saveAuditPlan: async (plan) => (await sendMessage('saveAuditPlan', plan)).warnings,
    saveFinding: async (finding) => {
      await sendMessage('saveFinding', finding);
    },
    deleteFinding: async (id) => {
      await sendMessage('deleteFinding', { id });
    },
    saveInternalAudit: async (audit) => {
      await sendMessage('saveInternalAudit', audit);
    },
    saveManagementReview: async (review) => {
      await sendMessage('saveManagementReview', review);
    },
    saveSettings: async (settings) => {
      await sendMessage('saveSettings', settings);
    },
    saveRisk: async (risk) => {
      await sendMessage('saveRisk', { risk });
    },
    deleteRisk: async (id) => {
      await sendMessage('deleteRisk', { id });
    },
    saveRiskCriteria: async (criteria) => {
      await sendMessage('saveRiskCriteria', { criteria });
    },
    // Written from this page, as the bundle import is: a register of thousands of rows is too big a message.
    importRisks: async (preview) =>
      applyRiskImport(db, preview, await readEffectiveCapturer(db), new Date().toISOString()),
    saveMasking: async (change) => {
      await sendMessage('saveMaskingSettings', change);
    },
    saveTimestamps: (change) => {
      // The permission prompt first, inside the click's gesture; nothing is awaited before it.
      const origin = change.url.trim() ? serviceOrigin(change.url) : null;
      const granted = origin?.ok ? requestOriginPermission(change.url) : Promise.resolve(true);
      return granted.then(async (allowed) => {
        if (!allowed) throw new Error(timestampText.permissionRefused);
        const before = serviceOrigin((await readTimestampView(db)).settings.url);
        await sendMessage('saveTimestampSettings', change);
        // The authority it replaces gets its origin back, unless the new one is on the same origin.
        if (before.ok && (!origin?.ok || before.pattern !== origin.pattern))
          await releaseOriginPermission(before.origin).catch(() => false);
      });
    },
    saveFrameworkScope: async (optional) => {
      await sendMessage('saveFrameworkScope', { optional });
    },
    // The page's own selector engine: the same parser the collector uses in the captured page.
    parseSelector: (selector) => {
      document.createDocumentFragment().querySelector(selector);
    },
    onPolicyChange: onManagedPolicyChange,
    teamStore: {
      // The origin is asked for first, while the click's gesture lasts (Firefox drops it after an await).
      save: (fields: TeamStoreFieldsInput, secret: string) =>
        requestOriginPermission(fields.endpoint).then((granted) =>
          granted
            ? sendMessage('saveTeamStore', { ...fields, secretAccessKey: secret })
            : {
                ok: false as const,
                sentence: teamStoreSettingsText.permissionDenied(originOf(fields.endpoint)),
              },
        ),
      recheck: () => sendMessage('probeTeamStore', {}),
      accept: async () => {
        await sendMessage('acceptTeamStoreRisk', {});
      },
      remove: async () => {
        await sendMessage('removeTeamStore', {});
      },
      retry: async () => {
        await sendMessage('retrySync', {});
      },
      watch: (callback) => {
        const timer = setInterval(() => {
          if (document.visibilityState === 'visible') void readSyncOverview(db).then(callback);
        }, 1000);
        return () => clearInterval(timer);
      },
    },
    download: (fileName, text) => downloadText(fileName, text, 'text/csv;charset=utf-8'),
    copyText: (text) => navigator.clipboard.writeText(text),
    rotateSigningKey: async (reason) =>
      groupFingerprint((await sendMessage('rotateSigningKey', { reason })).fingerprint),
    today: () => localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
    // A plain link within the extension's origin; the export page runs the streaming bundle writer.
    exportUrl: '/export.html',
    requests: createRequestServices(db),
  };
}

/** The signing keys, making the installation's key on first open; a failure hides the panel, never the dashboard. */
async function readSigningKeys(db: EvidenceDatabase) {
  try {
    await currentSigningKey(db);
    const [keys, pinned] = await Promise.all([signingKeyHistory(db), readPinnedSigningKeys()]);
    const pins = pinned.map((key) => key.fingerprint);
    return keys.map((key) => ({
      ...key,
      pin:
        pins.length === 0
          ? ('no-pins' as const)
          : pins.includes(key.fingerprint)
            ? ('pinned' as const)
            : ('not-pinned' as const),
    }));
  } catch {
    return undefined;
  }
}

/** The authority in force and the stamps still queued, for the settings panel. */
async function readTimestampDisplay(db: EvidenceDatabase) {
  const [view, pending] = await Promise.all([readTimestampView(db), pendingTimestamps(db)]);
  const lastProblem = pending.find((item) => item.lastProblem)?.lastProblem ?? null;
  return { ...view, pending: pending.length, lastProblem };
}

function originOf(endpoint: string): string {
  const origin = serviceOrigin(endpoint);
  return origin.ok ? origin.origin : endpoint;
}

/** The team store's settings and queue; a failure hides the panels, never the dashboard. */
async function readTeamStore(db: EvidenceDatabase) {
  try {
    const [view, overview] = await Promise.all([readTeamStoreView(), readSyncOverview(db)]);
    const probed = view.probe !== undefined && (view.probe.tamperProof || view.accepted);
    const active = view.complete && probed && (await hasOriginPermission(view.fields.endpoint));
    // An open page wakes the background (a worker stopped mid-upload resumes on start).
    if (active) void sendMessage('requestSync', {}).catch(() => undefined);
    return { view, overview, active };
  } catch {
    return undefined;
  }
}
