import { useState } from 'preact/hooks';
import { commonText, popupText } from '@/utils/text';
import type { TaggingTarget } from './PopupApp';

export interface CaptureButtonsProps {
  busy: boolean;
  /** Runs a capture that ends in tagging (busy state and errors are the popup's). */
  run: (action: () => Promise<TaggingTarget>) => Promise<void>;
  onCapture: () => Promise<TaggingTarget>;
  onCaptureFullPage?:
    ((onProgress: (tilesDone: number, tilesPlanned: number) => void) => Promise<TaggingTarget>) | undefined;
  onCancelCapture?: (() => void) | undefined;
  onPickElement?: (() => Promise<void>) | undefined;
  /** Clears the last message before the picker opens; reports a picker that did not open. */
  onPickStart: () => void;
  onPickFailed: (failure: unknown) => void;
}

function CaptureProgress({
  done,
  planned,
  onCancel,
}: {
  done: number;
  planned: number;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <p role="status" class="hint" data-testid="capture-progress">
      {planned > 0 ? popupText.capturingTile(done, planned) : popupText.preparingPage}{' '}
      {onCancel && (
        <button type="button" class="link" data-testid="cancel-capture" onClick={() => onCancel()}>
          {commonText.cancel}
        </button>
      )}
    </p>
  );
}

/** Visible-area, full-page and element captures, and the full page's tile progress while it runs. */
export function CaptureButtons(props: CaptureButtonsProps) {
  const { busy, run, onCapture, onCaptureFullPage, onCancelCapture, onPickElement } = props;
  const [progress, setProgress] = useState<{ done: number; planned: number } | null>(null);

  const captureFullPage = (capture: NonNullable<CaptureButtonsProps['onCaptureFullPage']>) =>
    run(async () => {
      setProgress({ done: 0, planned: 0 });
      try {
        return await capture((done, planned) => setProgress({ done, planned }));
      } finally {
        setProgress(null);
      }
    });

  const pickElement = async (pick: () => Promise<void>) => {
    props.onPickStart();
    try {
      await pick();
    } catch (failure) {
      props.onPickFailed(failure);
    }
  };

  return (
    <>
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
          onClick={() => captureFullPage(onCaptureFullPage)}
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
          onClick={() => pickElement(onPickElement)}
        >
          {popupText.captureElement}
        </button>
      )}
      {progress && (
        <CaptureProgress done={progress.done} planned={progress.planned} onCancel={onCancelCapture} />
      )}
    </>
  );
}
