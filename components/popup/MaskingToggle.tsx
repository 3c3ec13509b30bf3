import { useState } from 'preact/hooks';
import { popupText } from '@/utils/text';

export interface MaskingToggleProps {
  enabled: boolean;
  locked?: boolean | undefined;
  /** The setting is still being read: the box shows, disabled, so nothing below it moves when it arrives. */
  pending?: boolean | undefined;
  onChange: (enabled: boolean) => Promise<void>;
  /** A change that could not be saved: the box flips back and the popup says why. */
  onFailed: (failure: unknown) => void;
}

/** Masking of secrets in every capture, switched on and off here (not when the organisation locks it). */
export function MaskingToggle({ enabled, locked, pending, onChange, onFailed }: MaskingToggleProps) {
  const [maskingOn, setMaskingOn] = useState(enabled);
  return (
    <label class="hint">
      <input
        type="checkbox"
        data-testid="masking-enabled"
        checked={maskingOn}
        disabled={locked === true || pending === true}
        onChange={async (event) => {
          const next = (event.currentTarget as HTMLInputElement).checked;
          setMaskingOn(next);
          try {
            await onChange(next);
          } catch (failure) {
            setMaskingOn(!next);
            onFailed(failure);
          }
        }}
      />{' '}
      {popupText.maskSecrets}
      {locked && popupText.maskingLocked}
    </label>
  );
}
