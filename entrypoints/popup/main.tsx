import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CoveragePending } from '@/components/coverage/CoveragePending';
import { CoverageInFrameworks } from '@/components/coverage/CoverageInFrameworks';
import { PopupApp, type TaggingTarget } from '@/components/popup/PopupApp';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { localDate } from '@/utils/coverage/dates';
import type { EvidenceRecord } from '@/utils/evidence/types';
import type { CoverageData } from '@/utils/coverage/assessment';
import type { EffectiveMasking } from '@/utils/settings/effective';
import type { EffectiveFrameworks } from '@/utils/settings/frameworks';
import { taggingCatalogue } from '@/utils/crosswalk/framework-catalogue';
import { readFrameworkScope } from '@/platform/framework-settings';
import { sendMessage } from '@/platform/messaging';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { readMaskingView } from '@/platform/masking-settings';
import type { CaptureProgress } from '@/utils/messages/protocol';
import { readCoverageSnapshot } from '@/storage/coverage-snapshot';
import { getDatabase } from '@/storage/db';
import { listNeedsReview, readArtifact } from '@/storage/evidence-repository';
import { popupText, teamSyncText } from '@/utils/text';
import { SyncStatusLine } from '@/components/team-store/SyncStatusLine';
import { readTeamStoreView } from '@/platform/team-store-settings';
import { hasOriginPermission } from '@/platform/origin-permission';
import { readSyncOverview } from '@/storage/sync-queue';
import { syncStatusLine } from '@/utils/team-store/sync-view';
import { listRequests } from '@/storage/request-repository';
import { dueForCapturer } from '@/utils/requests/progress';
import { filingTargets, type FilingTarget } from '@/utils/requests/list-view';
import type { AuditRequest } from '@/utils/requests/types';

/** How far ahead the popup lists a capturer's requests as due. */
const DUE_WITHIN_DAYS = 14;

async function activeTabId(): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(popupText.noActiveTab);
  return tab.id;
}

async function thumbnailOf(evidence: EvidenceRecord): Promise<string> {
  const artifact = evidence.artifacts.find((candidate) => candidate.role === 'thumbnail');
  const blob = artifact ? await readArtifact(getDatabase(), artifact.blobKey) : undefined;
  return blob ? URL.createObjectURL(blob) : '';
}

function openDashboard(section?: string) {
  void browser.tabs.create({
    url: `${browser.runtime.getURL('/dashboard.html')}${section ? `#${section}` : ''}`,
  });
  window.close();
}

/**
 * The masking switch's last save: a capture started right after the switch waits for it, so the capture runs
 * with the masking the user just chose (the background reads the stored setting when it captures).
 */
let maskingSaved: Promise<unknown> = Promise.resolve();

async function activeTabAfterMaskingSaved(): Promise<number> {
  await maskingSaved.catch(() => undefined);
  return activeTabId();
}

/** Full-page capture: the background broadcasts progress while it scrolls the tab. */
async function captureFullPage(
  onProgress: (tilesDone: number, tilesPlanned: number) => void,
): Promise<TaggingTarget> {
  const tabId = await activeTabAfterMaskingSaved();
  const listener = (message: unknown) => {
    const progress = message as Partial<CaptureProgress> | null;
    if (progress?.type === 'captureProgress' && progress.tabId === tabId)
      onProgress(progress.tilesDone ?? 0, progress.tilesPlanned ?? 0);
  };
  browser.runtime.onMessage.addListener(listener);
  try {
    const outcome = await sendMessage('captureFullPage', { tabId, trigger: 'popup' });
    return {
      evidence: outcome.evidence,
      suggestedControls: outcome.suggestedControls,
      ...(outcome.suggestions ? { suggestions: outcome.suggestions } : {}),
      ...(outcome.maskingWarnings ? { maskingWarnings: outcome.maskingWarnings } : {}),
      thumbnailUrl: outcome.thumbnailDataUrl,
    };
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

/** What the popup reads from storage; each part arrives on its own and is null (or empty) until then. */
interface StoredParts {
  needsReview: EvidenceRecord[];
  capturer: string | null;
  coverage: CoverageData | null;
  masking: EffectiveMasking | null;
  requests: AuditRequest[];
  frameworks: EffectiveFrameworks | null;
}

let parts: StoredParts = {
  needsReview: [],
  capturer: null,
  coverage: null,
  masking: null,
  requests: [],
  frameworks: null,
};

const today = () => localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The capturer's unanswered requests: those due soon for the list, all of them for the tagging view. */
function requestChoices(requests: readonly AuditRequest[], capturer: string | null) {
  if (!capturer || requests.length === 0) return { due: [], all: [] };
  const day = today();
  const due = filingTargets(dueForCapturer(requests, capturer, day, addDays(day, DUE_WITHIN_DAYS)));
  const all = filingTargets(dueForCapturer(requests, capturer, day, '9999-12-31'));
  return { due, all };
}

async function fileAgainst(evidenceId: string, filing: FilingTarget): Promise<void> {
  const { audit, reference, item } = filing;
  await sendMessage('fileAgainstRequest', { audit, reference, item, evidenceId });
}

/**
 * Renders at once from static data (the capture buttons and shortcut hints), then again as each stored part
 * arrives: the first open of a profile creates the database, and the buttons must not wait for that.
 */
function show() {
  paint();
  const db = getDatabase();
  const arrive =
    <K extends keyof StoredParts>(key: K) =>
    (value: StoredParts[K]) => {
      parts = { ...parts, [key]: value };
      paint();
    };
  // A part that cannot be read keeps its placeholder; the capture buttons keep working.
  void listNeedsReview(db).then(arrive('needsReview'), () => undefined);
  void readEffectiveCapturer(db).then(arrive('capturer'), () => undefined);
  void readCoverageSnapshot(db).then(arrive('coverage'), () => undefined);
  void readMaskingView(db).then(arrive('masking'), () => undefined);
  void listRequests(db).then(arrive('requests'), () => undefined);
  void readFrameworkScope(db).then(arrive('frameworks'), () => undefined);
  void showSyncLine(db).catch(() => undefined);
}

/**
 * The team store's one line, after the first paint, in its own root below the popup: appended at the end, it
 * moves nothing already shown. Without a team store nothing is added. An open popup also wakes the background,
 * so a worker stopped mid-upload resumes.
 */
async function showSyncLine(db: ReturnType<typeof getDatabase>) {
  const view = await readTeamStoreView();
  if (!view.complete) return;
  const probed = view.probe !== undefined && (view.probe.tamperProof || view.accepted);
  const active = probed && (await hasOriginPermission(view.fields.endpoint));
  if (active) void sendMessage('requestSync', {}).catch(() => undefined);
  const text = syncStatusLine(
    { complete: view.complete, active },
    await readSyncOverview(db),
    teamSyncText.popupLine,
  );
  if (!text) return;
  let root = document.getElementById('sync-line');
  if (!root) {
    root = document.createElement('div');
    root.id = 'sync-line';
    document.body.append(root);
  }
  render(<SyncStatusLine text={text} />, root);
}

function paint() {
  const { needsReview, capturer, coverage, masking, requests, frameworks } = parts;
  const choices = requestChoices(requests, capturer);
  const inScope = frameworks?.inScope ?? ['iso27001'];
  render(
    <PopupApp
      catalogue={taggingCatalogue(inScope, DEFAULT_CATALOGUE)}
      capturer={capturer}
      needsReview={needsReview}
      dueRequests={choices.due}
      filingTargets={choices.all}
      onCapture={async (): Promise<TaggingTarget> => {
        const outcome = await sendMessage('captureTab', {
          tabId: await activeTabAfterMaskingSaved(),
          trigger: 'popup',
        });
        return {
          evidence: outcome.evidence,
          suggestedControls: outcome.suggestedControls,
          ...(outcome.suggestions ? { suggestions: outcome.suggestions } : {}),
          ...(outcome.maskingWarnings ? { maskingWarnings: outcome.maskingWarnings } : {}),
          thumbnailUrl: outcome.thumbnailDataUrl,
        };
      }}
      onOpenReview={async (evidence) => ({
        evidence,
        suggestedControls: evidence.controls,
        thumbnailUrl: await thumbnailOf(evidence),
      })}
      onSaveTagging={async (evidenceId, { filing, ...choice }) => {
        await sendMessage('editEvidence', { evidenceId, ...choice, status: 'ready' });
        if (filing) await fileAgainst(evidenceId, filing);
        show();
      }}
      onOpenDashboard={openDashboard}
      onBlackout={async (evidenceId, rectangles) => {
        const outcome = await sendMessage('redactEvidence', { evidenceId, rectangles });
        return { evidence: outcome.evidence, thumbnailUrl: outcome.thumbnailDataUrl };
      }}
      onCaptureFullPage={captureFullPage}
      onPickElement={async () => {
        await sendMessage('startElementPicker', {
          tabId: await activeTabAfterMaskingSaved(),
          trigger: 'popup',
        });
        // The picker is in the page now: get out of the way so the user can point at it.
        window.close();
      }}
      onCancelCapture={() => void activeTabId().then((tabId) => sendMessage('cancelCapture', { tabId }))}
      masking={{
        // Until the setting is read the box claims nothing: unticked and disabled.
        enabled: masking?.settings.enabled ?? false,
        locked: masking?.enabled === 'locked',
        pending: masking === null,
        onChange: async (enabled) => {
          const saving = sendMessage('saveMaskingSettings', { enabled });
          maskingSaved = saving;
          await saving;
        },
      }}
      coverage={(captureFor) =>
        coverage ? (
          <CoverageInFrameworks
            inScope={inScope}
            onOpenEntry={(framework, entryId) => openDashboard(`framework/${framework}/${entryId}`)}
            catalogue={DEFAULT_CATALOGUE}
            data={coverage}
            today={today()}
            onOpenControl={(controlId) => openDashboard(`control/${controlId}`)}
            onOpenSection={openDashboard}
            onCaptureFor={captureFor}
          />
        ) : (
          <CoveragePending />
        )
      }
    />,
    document.getElementById('app')!,
  );
}

show();
