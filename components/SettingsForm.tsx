import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/isms/types';

export interface SettingsFormProps {
  settings: Settings;
  onSave: (settings: Omit<Settings, 'id'>) => Promise<void>;
}

/** Who captures and for which organisation: stamped on every capture and named in every bundle. */
export function SettingsForm({ settings, onSave }: SettingsFormProps) {
  const [capturer, setCapturer] = useState(settings.capturer);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setMessage('');
    setError('');
    if (capturer.trim() === '') {
      setError('Enter your name: it is stamped on every capture so auditors know who took it.');
      return;
    }
    try {
      await onSave({ capturer: capturer.trim(), organisation: organisation.trim() });
      setMessage('Settings saved.');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <form class="settings-form" onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <label>
        Your name (stamped on captures as the capturer)
        <input
          data-testid="settings-capturer"
          value={capturer}
          onInput={(event) => setCapturer(event.currentTarget.value)}
        />
      </label>
      <label>
        Organisation (named in exported bundles)
        <input
          data-testid="settings-organisation"
          value={organisation}
          onInput={(event) => setOrganisation(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" class="saved">
          {message}
        </p>
      )}
      <button type="submit" class="primary">
        Save settings
      </button>
    </form>
  );
}
