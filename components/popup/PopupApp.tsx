import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { EvidenceRecord } from '@/utils/evidence/types';
import type { FractionRect } from '@/utils/redaction/rectangles';
import { commonText, dashboardText, popupText } from '@/utils/text';
import { TaggingPanel, type TaggingChoice } from './TaggingPanel';

/** The keys of the capture commands (wxt.config.ts), after Alt+Shift: not words, the same in every language. */
const SHORTCUT_KEYS = { visible: 'E', fullPage: 'F', element: 'R' };

export interface TaggingTarget {
  evidence: EvidenceRecord;
  suggestedControls: string[];
  thumbnailUrl: string;
}

export interface PopupAppProps {
  catalogue: Catalogue;
  capturer: string;
  needsReview: readonly EvidenceRecord[];
  onCapture: () => Promise<TaggingTarget>;
  onOpenReview: (evidence: EvidenceRecord) => Promise<TaggingTarget>;
  onSaveTagging: (evidenceId: string, choice: TaggingChoice) => Promise<void>;
  onOpenDashboard: (section?: string) => void;
  /** Full-page capture; reports tiles done of tiles planned while it runs. */
  onCaptureFullPage?: (
    onProgress: (tilesDone: number, tilesPlanned: number) => void,
  ) => Promise<TaggingTarget>;
  onCancelCapture?: () => void;
  /** Opens the element and region picker in the page; the popup closes so the user can pick. */
  onPickElement?: () => Promise<void>;
  /** Masking of secrets in every capture, switched on and off here (not when the organisation locks it). */
  masking?: { enabled: boolean; locked?: boolean; onChange: (enabled: boolean) => Promise<void> };
  /** Blacks out areas of a capture's screenshot; resolves with the record and its new thumbnail. */
  onBlackout?: (
    evidenceId: string,
    rectangles: FractionRect[],
  ) => Promise<{ evidence: EvidenceRecord; thumbnailUrl: string }>;
  /** The coverage summary, rendered below the capture area. */
  children?: ComponentChildren;
}

/** The toolbar popup: capture, tag the capture just taken, review what shortcuts saved. */
export function PopupApp(props: PopupAppProps) {
  const {
    catalogue,
    capturer,
    needsReview,
    onCapture,
    onOpenReview,
    onSaveTagging,
    onOpenDashboard,
    children,
  } = props;
  const { onCaptureFullPage, onCancelCapture, onPickElement, masking, onBlackout } = props;
  const [progress, setProgress] = useState<{ done: number; planned: number } | null>(null);
  const [maskingOn, setMaskingOn] = useState(masking?.enabled ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [tagging, setTagging] = useState<TaggingTarget | null>(null);
  const [saved, setSaved] = useState('');

  async function run(action: () => Promise<TaggingTarget>) {
    setBusy(true);
    setError('');
    setSaved('');
    try {
      setTagging(await action());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function save(choice: TaggingChoice) {
    if (!tagging) return;
    await onSaveTagging(tagging.evidence.id, choice);
    setSaved(popupText.savedWith(tagging.evidence.id, choice.controls));
    setTagging(null);
  }

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{dashboardText.productName}</h1>
        <button type="button" class="link" onClick={() => onOpenDashboard()}>
          {popupText.dashboard}
        </button>
      </header>
      <section class="capture-area" aria-label={popupText.capture}>
        <button
          type="button"
          class="primary capture"
          data-testid="capture-visible"
          disabled={busy}
          onClick={() => run(onCapture)}
        >
          {busy ? popupText.capturing : popupText.captureVisible}
        </button>
        {onCaptureFullPage && (
          <button
            type="button"
            class="capture"
            data-testid="capture-full-page"
            disabled={busy}
            onClick={() =>
              run(async () => {
                setProgress({ done: 0, planned: 0 });
                try {
                  return await onCaptureFullPage((done, planned) => setProgress({ done, planned }));
                } finally {
                  setProgress(null);
                }
              })
            }
          >
            {popupText.fullPage}
          </button>
        )}
        {onPickElement && (
          <button
            type="button"
            class="capture"
            data-testid="capture-element"
            disabled={busy}
            onClick={async () => {
              setError('');
              setSaved('');
              try {
                await onPickElement();
              } catch (failure) {
                setError(failure instanceof Error ? failure.message : String(failure));
              }
            }}
          >
            {popupText.captureElement}
          </button>
        )}
        {progress && (
          <p role="status" class="hint" data-testid="capture-progress">
            {progress.planned > 0
              ? popupText.capturingTile(progress.done, progress.planned)
              : popupText.preparingPage}{' '}
            {onCancelCapture && (
              <button
                type="button"
                class="link"
                data-testid="cancel-capture"
                onClick={() => onCancelCapture()}
              >
                {commonText.cancel}
              </button>
            )}
          </p>
        )}
        {masking && (
          <label class="hint">
            <input
              type="checkbox"
              data-testid="masking-enabled"
              checked={maskingOn}
              disabled={masking.locked === true}
              onChange={async (event) => {
                const enabled = (event.currentTarget as HTMLInputElement).checked;
                setMaskingOn(enabled);
                try {
                  await masking.onChange(enabled);
                } catch (failure) {
                  setMaskingOn(!enabled);
                  setError(failure instanceof Error ? failure.message : String(failure));
                }
              }}
            />{' '}
            {popupText.maskSecrets}
            {masking.locked && popupText.maskingLocked}
          </label>
        )}
        <p class="hint">
          {popupText.shortcuts} <kbd>{popupText.altKey}</kbd>+<kbd>{popupText.shiftKey}</kbd>+
          <kbd>{SHORTCUT_KEYS.visible}</kbd> {popupText.visibleArea} <kbd>{popupText.altKey}</kbd>+
          <kbd>{popupText.shiftKey}</kbd>+<kbd>{SHORTCUT_KEYS.fullPage}</kbd> {popupText.fullPageShortcut}{' '}
          <kbd>{popupText.altKey}</kbd>+<kbd>{popupText.shiftKey}</kbd>+<kbd>{SHORTCUT_KEYS.element}</kbd>{' '}
          {popupText.elementOrRegion} {popupText.capturingAs}{' '}
          <button type="button" class="link" onClick={() => onOpenDashboard('settings')}>
            {capturer}
          </button>
        </p>
        {error && (
          <p role="alert" class="error" data-testid="capture-error">
            {error}
          </p>
        )}
        {saved && (
          <p role="status" class="saved" data-testid="saved-message">
            {saved}
          </p>
        )}
      </section>
      {tagging && (
        <TaggingPanel
          key={tagging.evidence.id}
          catalogue={catalogue}
          evidence={tagging.evidence}
          suggestedControls={tagging.suggestedControls}
          thumbnailUrl={tagging.thumbnailUrl}
          onSave={save}
          {...(onBlackout && tagging.evidence.artifacts.some((artifact) => artifact.role === 'original')
            ? {
                onBlackout: async (rectangles: FractionRect[]) => {
                  const done = await onBlackout(tagging.evidence.id, rectangles);
                  setTagging({ ...tagging, evidence: done.evidence, thumbnailUrl: done.thumbnailUrl });
                },
              }
            : {})}
        />
      )}
      {!tagging && needsReview.length > 0 && (
        <section aria-label={popupText.needsReviewLabel} data-testid="needs-review">
          <h2>{popupText.needsReview(needsReview.length)}</h2>
          <ul class="review-list">
            {needsReview.map((evidence) => (
              <li key={evidence.id}>
                <button type="button" class="review-item" onClick={() => run(() => onOpenReview(evidence))}>
                  <span class="evidence-title">{evidence.title || evidence.url}</span>
                  <span class="hint">
                    {evidence.id} · {new Date(evidence.capturedAt).toLocaleString()} ·{' '}
                    {evidence.controls.join(', ') || popupText.noControls}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {children}
    </main>
  );
}
