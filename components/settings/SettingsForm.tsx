import { useEffect, useRef, useState } from 'preact/hooks';
import type { MappingRule, Settings } from '@/utils/isms/types';
import type { Management } from '@/utils/settings/effective';
import { settingsText } from '@/utils/text';
import { ManagedNote } from './ManagedNote';

/** What the administrator's policy manages, and its sentences (ignored values, a missing pushed name). */
export interface SettingsPolicy {
  organisation: Management;
  capturer: Management;
  notes: string[];
  /** The organisation's rules that suggest controls (shown by the settings page, read-only). */
  mappingRules?: readonly MappingRule[];
  mappingRulesManagement?: Management;
}

export interface SettingsFormProps {
  settings: Settings;
  policy?: SettingsPolicy;
  onSave: (settings: Omit<Settings, 'id'>) => Promise<void>;
}

const NO_POLICY: SettingsPolicy = { organisation: 'local', capturer: 'local', notes: [] };

/** Who captures and for which organisation: stamped on every capture and named in every bundle. */
export function SettingsForm({ settings, policy = NO_POLICY, onSave }: SettingsFormProps) {
  const [capturer, setCapturer] = useState(settings.capturer);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  // Values changed elsewhere (a new policy, another window) replace the fields; a reload of the same values does not.
  const shown = useRef(settings);
  useEffect(() => {
    if (shown.current.capturer === settings.capturer && shown.current.organisation === settings.organisation)
      return;
    shown.current = settings;
    setCapturer(settings.capturer);
    setOrganisation(settings.organisation);
  }, [settings]);
  const capturerLocked = policy.capturer === 'locked';
  const organisationLocked = policy.organisation === 'locked';

  async function submit(event: Event) {
    event.preventDefault();
    setMessage('');
    setError('');
    if (capturer.trim() === '') {
      setError(settingsText.nameMissing);
      return;
    }
    try {
      await onSave({ capturer: capturer.trim(), organisation: organisation.trim() });
      setMessage(settingsText.saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <form class="settings-form" onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{settingsText.heading}</h2>
      {policy.notes.map((note) => (
        <p key={note} class="hint" data-testid="policy-note">
          {note}
        </p>
      ))}
      <label>
        {settingsText.yourName}
        <input
          data-testid="settings-capturer"
          value={capturer}
          disabled={capturerLocked}
          aria-describedby={capturerLocked ? 'capturer-managed' : undefined}
          onInput={(event) => setCapturer(event.currentTarget.value)}
        />
      </label>
      <span id="capturer-managed">
        <ManagedNote management={policy.capturer} testId="capturer-managed" />
      </span>
      <label>
        {settingsText.organisation}
        <input
          data-testid="settings-organisation"
          value={organisation}
          disabled={organisationLocked}
          aria-describedby={policy.organisation !== 'local' ? 'organisation-managed' : undefined}
          onInput={(event) => setOrganisation(event.currentTarget.value)}
        />
      </label>
      <span id="organisation-managed">
        <ManagedNote management={policy.organisation} testId="organisation-managed" />
      </span>
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
      <button type="submit" class="primary" disabled={capturerLocked && organisationLocked}>
        {settingsText.save}
      </button>
    </form>
  );
}
