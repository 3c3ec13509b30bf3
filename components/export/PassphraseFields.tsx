import { useState } from 'preact/hooks';
import { exportText } from '@/utils/text';

export interface PassphraseFieldsProps {
  disabled: boolean;
  /** null = no encryption; '' = encryption chosen but the passphrase is not usable yet. */
  onChange: (password: string | null) => void;
}

const MIN_LENGTH = 10;

/** Optional AES-256 passphrase, typed twice, with what it costs the recipient. */
export function PassphraseFields({ disabled, onChange }: PassphraseFieldsProps) {
  const [enabled, setEnabled] = useState(false);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const report = (on: boolean, a: string, b: string) =>
    onChange(on ? (a.length >= MIN_LENGTH && a === b ? a : '') : null);
  return (
    <fieldset disabled={disabled} class="passphrase">
      <legend>{exportText.encryption}</legend>
      <label class="control-choice">
        <input
          type="checkbox"
          data-testid="encrypt"
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.currentTarget.checked);
            report(event.currentTarget.checked, first, second);
          }}
        />
        {exportText.encrypt}
      </label>
      {enabled && (
        <>
          <p class="hint" data-testid="encrypt-warning">
            {exportText.encryptWarning}
          </p>
          <label>
            {exportText.passphraseMin(MIN_LENGTH)}
            <input
              type="password"
              autocomplete="new-password"
              data-testid="passphrase"
              value={first}
              onInput={(event) => {
                setFirst(event.currentTarget.value);
                report(true, event.currentTarget.value, second);
              }}
            />
          </label>
          <label>
            {exportText.repeatPassphrase}
            <input
              type="password"
              autocomplete="new-password"
              data-testid="passphrase-repeat"
              value={second}
              onInput={(event) => {
                setSecond(event.currentTarget.value);
                report(true, first, event.currentTarget.value);
              }}
            />
          </label>
          {second !== '' && first !== second && <p class="error">{exportText.passphrasesDiffer}</p>}
        </>
      )}
    </fieldset>
  );
}
