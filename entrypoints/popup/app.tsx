import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { TaggingTarget } from '@/components/popup/PopupApp';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { sendMessage } from '@/platform/messaging';
import type { CaptureOutcome, CaptureProgress } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { readArtifact } from '@/storage/evidence-repository';
import { popupText, teamSyncText } from '@/utils/text';
import { SyncStatusLine } from '@/components/team-store/SyncStatusLine';
import { readTeamStoreView } from '@/platform/team-store-settings';
import { hasOriginPermission } from '@/platform/origin-permission';
import { readSyncOverview } from '@/storage/sync-queue';
import { syncStatusLine } from '@/utils/team-store/sync-view';
import type { FilingTarget } from '@/utils/requests/list-view';
import { NOTHING_READ, PopupView, type PopupActions, type StoredParts } from './view';
import { readStoredParts } from './stored-parts';

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

/** What the tagging view opens on after a capture: the record, its suggestions and its thumbnail. */
function taggingTarget(outcome: CaptureOutcome): TaggingTarget {
  return {
    evidence: outcome.evidence,
    suggestedControls: outcome.suggestedControls,
    ...(outcome.suggestions ? { suggestions: outcome.suggestions } : {}),
    ...(outcome.maskingWarnings ? { maskingWarnings: outcome.maskingWarnings } : {}),
    thumbnailUrl: outcome.thumbnailDataUrl,
  };
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
    return taggingTarget(outcome);
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

async function fileAgainst(evidenceId: string, filing: FilingTarget): Promise<void> {
  const { audit, reference, item } = filing;
  await sendMessage('fileAgainstRequest', { audit, reference, item, evidenceId });
}

const actions: PopupActions = {
  onCapture: async (): Promise<TaggingTarget> => {
    const outcome = await sendMessage('captureTab', {
      tabId: await activeTabAfterMaskingSaved(),
      trigger: 'popup',
    });
    return taggingTarget(outcome);
  },
  onOpenReview: async (evidence) => ({
    evidence,
    suggestedControls: evidence.controls,
    thumbnailUrl: await thumbnailOf(evidence),
  }),
  onSaveTagging: async (evidenceId, { filing, ...choice }) => {
    await sendMessage('editEvidence', { evidenceId, ...choice, status: 'ready' });
    if (filing) await fileAgainst(evidenceId, filing);
    readParts();
  },
  onOpenDashboard: openDashboard,
  onBlackout: async (evidenceId, rectangles) => {
    const outcome = await sendMessage('redactEvidence', { evidenceId, rectangles });
    return { evidence: outcome.evidence, thumbnailUrl: outcome.thumbnailDataUrl };
  },
  onCaptureFullPage: captureFullPage,
  onPickElement: async () => {
    await sendMessage('startElementPicker', {
      tabId: await activeTabAfterMaskingSaved(),
      trigger: 'popup',
    });
    // The picker is in the page now: get out of the way so the user can point at it.
    window.close();
  },
  onCancelCapture: () => void activeTabId().then((tabId) => sendMessage('cancelCapture', { tabId })),
  onMaskingChange: async (enabled) => {
    const saving = sendMessage('saveMaskingSettings', { enabled });
    maskingSaved = saving;
    await saving;
  },
  onOpenEntry: (framework, entryId) => openDashboard(`framework/${framework}/${entryId}`),
};

let parts: StoredParts = NOTHING_READ;

function paint() {
  render(<PopupView parts={parts} actions={actions} />, document.getElementById('app')!);
}

/** Reads every stored part again; the popup paints as each one arrives. */
function readParts() {
  readStoredParts(getDatabase(), (key, value) => {
    parts = { ...parts, [key]: value };
    paint();
  });
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

/**
 * Reads the stored parts and takes over the static shell the popup's HTML already shows: the same markup, so
 * Preact keeps its nodes and nothing moves. Each part repaints as it arrives.
 */
export function start() {
  readParts(); // the reads go first: the database works while the popup renders
  paint();
  void showSyncLine(getDatabase()).catch(() => undefined);
}
