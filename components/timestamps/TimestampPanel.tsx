import { useState } from 'preact/hooks';
import type { TimestampSettings } from '@/utils/timestamp/settings';
import { timestampText as t } from '@/utils/text';

/** What the panel shows: the settings in force, what the policy sets, and what still waits for a token. */
export interface TimestampDisplay {
  settings: TimestampSettings;
  managed: { url: boolean; toleranceMinutes: boolean; trustedPem: boolean };
  pending: number;
  lastProblem: string | null;
}

interface Props {
  timestamps: TimestampDisplay;
  /**
   * Saves, asking the browser for the authority's origin first. It is called synchronously from the click,
   * before anything is awaited: the browser shows its permission prompt only during the click's user gesture.
   */
  onSave: (change: TimestampSettings) => Promise<void>;
}

/** The time-stamping authority (RFC 3161): off by default, one origin when on. */
export function TimestampPanel({ timestamps, onSave }: Props) {
  const { settings, managed } = timestamps;
  const [url, setUrl] = useState(settings.url);
  const [tolerance, setTolerance] = useState(String(settings.toleranceMinutes));
  const [trustedPem, setTrustedPem] = useState(settings.trustedPem);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  function submit(event: Event) {
    event.preventDefault();
    const change = { url: url.trim(), toleranceMinutes: Number(tolerance), trustedPem };
    // No await before onSave: it asks for the permission while the click's gesture lasts.
    onSave(change).then(
      () => {
        setError('');
        setMessage(change.url ? t.saved : t.cleared);
      },
      (failure: unknown) => {
        setMessage('');
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }

  return (
    <section class="panel" data-testid="timestamp-panel" aria-labelledby="timestamp-heading">
      <h2 id="timestamp-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form class="settings-form" onSubmit={submit}>
        <label>
          {t.urlLabel}
          <input
            type="url"
            name="timestamp-url"
            value={url}
            placeholder={t.urlPlaceholder}
            disabled={managed.url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <p class="hint">{managed.url ? t.managed : t.urlHint}</p>
        <label>
          {t.toleranceLabel}
          <input
            type="number"
            name="timestamp-tolerance"
            min={1}
            max={1440}
            value={tolerance}
            disabled={managed.toleranceMinutes}
            onInput={(event) => setTolerance(event.currentTarget.value)}
          />
        </label>
        <label>
          {t.trustedLabel}
          <textarea
            name="timestamp-trusted"
            rows={4}
            value={trustedPem}
            disabled={managed.trustedPem}
            onInput={(event) => setTrustedPem(event.currentTarget.value)}
          />
        </label>
        <p class="hint">{t.trustedHint}</p>
        <button type="submit">{url.trim() ? t.save : t.saveOff}</button>
      </form>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{error}</p>}
      {timestamps.pending > 0 && (
        <p data-testid="timestamp-pending">
          {t.pending(timestamps.pending)} {timestamps.lastProblem && t.lastProblem(timestamps.lastProblem)}
        </p>
      )}
    </section>
  );
}
