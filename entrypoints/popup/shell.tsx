import { render } from 'preact';
import { NOTHING_READ, PopupView, type PopupActions } from './view';

const inert = () => Promise.reject(new Error('The popup is still loading.'));

/** Every action present (each one shapes the markup, e.g. a button shows only with its action), none live. */
const SHELL_ACTIONS: Required<PopupActions> = {
  onCapture: inert,
  onOpenReview: inert,
  onSaveTagging: inert,
  onOpenDashboard: () => undefined,
  onBlackout: inert,
  onCaptureFullPage: inert,
  onPickElement: inert,
  onCancelCapture: () => undefined,
  onMaskingChange: inert,
  onOpenEntry: () => undefined,
};

/**
 * The popup before anything is read, rendered into `container`: what its HTML holds from the first byte
 * (scripts/popup-shell.mjs puts it there at build time) and what the live popup's first render produces.
 */
export function renderShell(container: Element): void {
  render(<PopupView parts={NOTHING_READ} actions={SHELL_ACTIONS} />, container);
}
