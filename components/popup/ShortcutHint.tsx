import { popupText } from '@/utils/text';

/** The keys of the capture commands (wxt.config.ts), after Alt+Shift: not words, the same in every language. */
const SHORTCUT_KEYS = { visible: 'E', fullPage: 'F', element: 'R' };

/** The capture shortcuts, and who captures (a link to the settings that name them). */
export function ShortcutHint({
  capturer,
  onOpenSettings,
}: {
  /** Null for the moment before the name is read: the hint renders at once, the name follows. */
  capturer: string | null;
  onOpenSettings: () => void;
}) {
  return (
    <p class="hint">
      {popupText.shortcuts} <kbd>{popupText.altKey}</kbd>+<kbd>{popupText.shiftKey}</kbd>+
      <kbd>{SHORTCUT_KEYS.visible}</kbd> {popupText.visibleArea} <kbd>{popupText.altKey}</kbd>+
      <kbd>{popupText.shiftKey}</kbd>+<kbd>{SHORTCUT_KEYS.fullPage}</kbd> {popupText.fullPageShortcut}{' '}
      <kbd>{popupText.altKey}</kbd>+<kbd>{popupText.shiftKey}</kbd>+<kbd>{SHORTCUT_KEYS.element}</kbd>{' '}
      {popupText.elementOrRegion} {popupText.capturingAs}{' '}
      <button type="button" class="link" onClick={onOpenSettings}>
        {capturer ?? popupText.capturerPending}
      </button>
    </p>
  );
}
