import { useState } from 'preact/hooks';

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
      <legend>Encryption</legend>
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
        Encrypt the zip with a passphrase (AES-256)
      </label>
      {enabled && (
        <>
          <p class="hint" data-testid="encrypt-warning">
            Encrypted zips open in 7-Zip, WinRAR, Keka, The Unarchiver and similar tools, but not in the
            extractors built into Windows or macOS. Tell the auditor, and send the passphrase by another
            channel than the zip.
          </p>
          <label>
            Passphrase (at least {MIN_LENGTH} characters)
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
            Repeat the passphrase
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
          {second !== '' && first !== second && <p class="error">The passphrases differ.</p>}
        </>
      )}
    </fieldset>
  );
}
