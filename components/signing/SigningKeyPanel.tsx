import { useState } from 'preact/hooks';
import { signingText as t } from '@/utils/text';

/** What the panel shows of one key: never the private half. */
export interface SigningKeyDisplay {
  groupedFingerprint: string;
  algorithm: string;
  status: 'current' | 'retired';
  createdAt: string;
  retiredAt: string | null;
  /** Whether the organisation's policy pins this key; `no-pins` (or absent) when it pins none. */
  pin?: 'pinned' | 'not-pinned' | 'no-pins';
}

interface Props {
  keys: readonly SigningKeyDisplay[];
  /** Writes text to the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
}

/** The installation's signing key fingerprint with a copy button, and the keys it replaced. */
export function SigningKeyPanel({ keys, copyText }: Props) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const current = keys.find((key) => key.status === 'current');
  const retired = keys.filter((key) => key.status === 'retired');
  const copy = (text: string) =>
    copyText(text).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  return (
    <section class="panel" data-testid="signing-key-panel">
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      {current ? (
        <dl>
          <dt>{t.fingerprint}</dt>
          <dd>
            <code data-testid="signing-fingerprint">{current.groupedFingerprint}</code>{' '}
            <button type="button" onClick={() => void copy(current.groupedFingerprint)}>
              {t.copy}
            </button>
          </dd>
          <dt>{t.algorithm}</dt>
          <dd data-testid="signing-algorithm">{current.algorithm}</dd>
          <dt>{t.created}</dt>
          <dd>{current.createdAt}</dd>
        </dl>
      ) : (
        <p>{t.noKey}</p>
      )}
      {current?.pin && current.pin !== 'no-pins' && (
        <p data-testid="signing-pin" class={current.pin === 'not-pinned' ? 'warning' : undefined}>
          {t.pin[current.pin]}
        </p>
      )}
      {copyState !== 'idle' && <p role="status">{copyState === 'copied' ? t.copied : t.copyFailed}</p>}
      {retired.length > 0 && (
        <>
          <h3>{t.previousKeys}</h3>
          <ul data-testid="retired-keys">
            {retired.map((key) => (
              <li key={key.groupedFingerprint}>
                <code>{key.groupedFingerprint}</code> {key.algorithm} · {t.retired} {key.retiredAt}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
