import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { errorText } from '@/utils/isms/labels';
import type { FractionRect } from '@/utils/redaction/rectangles';
import type { FilingTarget } from '@/utils/requests/list-view';
import { dashboardText, popupText, requestText } from '@/utils/text';
import { CaptureButtons } from './CaptureButtons';
import { CaptureTagging } from './CaptureTagging';
import { DueRequests } from './DueRequests';
import { MaskingToggle } from './MaskingToggle';
import { ReviewQueue } from './ReviewQueue';
import { ShortcutHint } from './ShortcutHint';
import type { TaggingChoice } from './TaggingPanel';
import type { Suggestion } from '@/utils/rules/suggest';

export interface TaggingTarget {
  evidence: EvidenceRecord;
  suggestedControls: string[];
  /** Why each control is suggested (a capture just taken; absent when a stored capture is reviewed). */
  suggestions?: Suggestion[];
  thumbnailUrl: string;
  /** The request the capture was started for: the tagging opens with it chosen. */
  filing?: FilingTarget;
  /** What masking could not scan in this capture (frames of other origins), said before the user saves. */
  maskingWarnings?: string[];
}

export interface PopupAppProps {
  catalogue: Catalogue;
  /** Null until read from storage: the capture buttons and hints never wait for it. */
  capturer: string | null;
  needsReview: readonly EvidenceRecord[];
  /**
   * Requests assigned to the capturer that are due (each open sample item on its own): listed below the
   * capture area once read, and offered in the tagging view. Absent or empty shows nothing.
   */
  dueRequests?: readonly FilingTarget[];
  /** Every unanswered request of the capturer, offered in the tagging view; defaults to the due ones. */
  filingTargets?: readonly FilingTarget[];
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
  masking?: {
    enabled: boolean;
    locked?: boolean;
    /** Still being read; the switch shows disabled in its place. */
    pending?: boolean;
    onChange: (enabled: boolean) => Promise<void>;
  };
  /** Blacks out areas of a capture's screenshot; resolves with the record and its new thumbnail. */
  onBlackout?: (
    evidenceId: string,
    rectangles: FractionRect[],
  ) => Promise<{ evidence: EvidenceRecord; thumbnailUrl: string }>;
  /** The coverage summary, rendered below the capture area. */
  children?: ComponentChildren;
  /** The coverage summary, given a way to start a capture tagged for one control (its gap list). */
  coverage?: (captureFor: (controlId: string) => void) => ComponentChildren;
}

/** The last outcome the popup shows: an error, or the sentence saying what a save did. */
function Messages({ error, saved }: { error: string; saved: string }) {
  return (
    <>
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
    </>
  );
}

/** The toolbar popup: capture, tag the capture just taken, review what shortcuts saved. */
export function PopupApp(props: PopupAppProps) {
  const { catalogue, capturer, needsReview, onOpenReview, onSaveTagging, onOpenDashboard, masking } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [tagging, setTagging] = useState<TaggingTarget | null>(null);
  const [saved, setSaved] = useState('');
  const showFailure = (failure: unknown) => setError(errorText(failure));
  const clearMessages = () => {
    setError('');
    setSaved('');
  };

  async function run(action: () => Promise<TaggingTarget>) {
    setBusy(true);
    clearMessages();
    try {
      setTagging(await action());
    } catch (failure) {
      showFailure(failure);
    } finally {
      setBusy(false);
    }
  }

  /** A capture started from a gap: the tagging opens with that control ticked first. */
  function captureFor(controlId: string) {
    void run(async () => {
      const target = await props.onCapture();
      const first = (ids: readonly string[]) => [controlId, ...ids.filter((id) => id !== controlId)];
      return {
        ...target,
        evidence: { ...target.evidence, controls: first(target.evidence.controls) },
        suggestedControls: first(target.suggestedControls),
      };
    });
  }

  /** A capture started for a request: the tagging opens with that request chosen and its controls ticked. */
  function captureForRequest(filing: FilingTarget) {
    void run(async () => ({ ...(await props.onCapture()), filing }));
  }

  async function save(choice: TaggingChoice) {
    if (!tagging) return;
    await onSaveTagging(tagging.evidence.id, choice);
    const sentence = popupText.savedWith(tagging.evidence.id, choice.controls);
    setSaved(choice.filing ? `${sentence} ${requestText.popup.filed(choice.filing.label)}` : sentence);
    setTagging(null);
  }
  const dueRequests = props.dueRequests ?? [];

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{dashboardText.productName}</h1>
        <button type="button" class="link" onClick={() => onOpenDashboard()}>
          {popupText.dashboard}
        </button>
      </header>
      <section class="capture-area" aria-label={popupText.capture}>
        <CaptureButtons
          busy={busy}
          run={run}
          onCapture={props.onCapture}
          onCaptureFullPage={props.onCaptureFullPage}
          onCancelCapture={props.onCancelCapture}
          onPickElement={props.onPickElement}
          onPickStart={clearMessages}
          onPickFailed={showFailure}
        />
        {masking && (
          <MaskingToggle
            key={masking.pending ? 'pending' : 'read'}
            pending={masking.pending}
            enabled={masking.enabled}
            locked={masking.locked}
            onChange={masking.onChange}
            onFailed={showFailure}
          />
        )}
        <ShortcutHint capturer={capturer} onOpenSettings={() => onOpenDashboard('settings')} />
        <Messages error={error} saved={saved} />
      </section>
      {tagging && (
        <CaptureTagging
          key={tagging.evidence.id}
          catalogue={catalogue}
          tagging={tagging}
          onSave={save}
          onBlackout={props.onBlackout}
          onBlackedOut={setTagging}
          filingTargets={props.filingTargets ?? dueRequests}
        />
      )}
      {!tagging && needsReview.length > 0 && (
        <ReviewQueue needsReview={needsReview} onOpen={(evidence) => run(() => onOpenReview(evidence))} />
      )}
      {!tagging && dueRequests.length > 0 && (
        <DueRequests targets={dueRequests} busy={busy} onCaptureFor={captureForRequest} />
      )}
      {props.children}
      {props.coverage?.(captureFor)}
    </main>
  );
}
