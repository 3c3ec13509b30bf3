import { useState } from 'preact/hooks';
import { commonText, signingText as t } from '@/utils/text';

/** What the panel shows of one key: never the private half. */
export interface SigningKeyDisplay {
  groupedFingerprint: string;
  algorithm: string;
  status: 'current' | 'retired';
  createdAt: string;
  retiredAt: string | null;
  /** Whether the organisation's policy pins this key; `no-pins` (or absent) when it pins none. */
  pin?: 'pinned' | 'not-pinned' | 'no-pins';
  /** The bundles this key signed (from the custody log's exports); null when none, absent when not read. */
  signed?: { count: number; first: string; last: string } | null;
}

interface Props {
  keys: readonly SigningKeyDisplay[];
  /** Writes text to the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** Retires the current key and makes a new one; resolves with the new fingerprint (grouped). Absent: no button. */
  onRotate?: ((reason: string) => Promise<string>) | undefined;
}

/** The installation's signing key fingerprint with a copy button, and the keys it replaced. */
export function SigningKeyPanel({ keys, copyText, onRotate }: Props) {
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
          {current.signed !== undefined && (
            <>
              <dt>{t.signedHeading}</dt>
              <dd data-testid="signing-current-signed">{t.signed(current.signed)}</dd>
            </>
          )}
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
      {current && onRotate && <RotateKey onRotate={onRotate} />}
      {retired.length > 0 && (
        <>
          <h3>{t.previousKeys}</h3>
          <ul data-testid="retired-keys">
            {retired.map((key) => (
              <li key={key.groupedFingerprint} data-testid="retired-key">
                <code>{key.groupedFingerprint}</code> {key.algorithm} ·{' '}
                {t.inUse(key.createdAt, key.retiredAt)}
                {key.signed !== undefined && <> · {t.signed(key.signed)}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The rotate button, and the confirmation it opens: what rotation does, an optional reason, confirm or cancel. */
function RotateKey({ onRotate }: { onRotate: (reason: string) => Promise<string> }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  function rotate() {
    setBusy(true);
    onRotate(reason.trim())
      .then(
        (fingerprint) => {
          setOutcome({ ok: true, text: t.rotated(fingerprint) });
          setConfirming(false);
          setReason('');
        },
        (failure: unknown) =>
          setOutcome({
            ok: false,
            text: t.rotateFailed(failure instanceof Error ? failure.message : String(failure)),
          }),
      )
      .finally(() => setBusy(false));
  }

  return (
    <>
      {!confirming && (
        <button
          type="button"
          data-testid="signing-rotate"
          onClick={() => {
            setOutcome(null);
            setConfirming(true);
          }}
        >
          {t.rotate}
        </button>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="signing-rotate-title"
          aria-describedby="signing-rotate-explained"
          data-testid="signing-rotate-dialog"
          class="confirm"
        >
          <h3 id="signing-rotate-title">{t.rotateTitle}</h3>
          <p id="signing-rotate-explained">{t.rotateExplained}</p>
          <label>
            {t.rotateReason} <span class="hint">{t.rotateReasonHint}</span>
            <input
              type="text"
              data-testid="signing-rotate-reason"
              value={reason}
              maxLength={500}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="danger"
            data-testid="signing-rotate-confirm"
            disabled={busy}
            onClick={rotate}
          >
            {busy ? t.rotating : t.rotateConfirm}
          </button>{' '}
          <button type="button" class="link" disabled={busy} onClick={() => setConfirming(false)}>
            {commonText.cancel}
          </button>
        </div>
      )}
      {outcome && (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          class={outcome.ok ? undefined : 'error'}
          data-testid="signing-rotate-outcome"
        >
          {outcome.text}
        </p>
      )}
    </>
  );
}
