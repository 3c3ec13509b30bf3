import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamStoreSaveOutcome } from '@/utils/messages/protocol';
import {
  teamStoreProblems,
  type SavedProbe,
  type TeamStoreFieldsInput,
  type TeamStoreView,
} from '@/utils/team-store/settings-check';
import { teamStoreSettingsText as t } from '@/utils/text';
import { ProbeReport } from './ProbeReport';

export interface TeamStorePanelProps {
  view: TeamStoreView;
  /**
   * Saves and checks the store. Called synchronously from the submit handler, before any `await`: it asks the
   * browser for the endpoint's origin first, which Firefox allows only while the click's gesture lasts.
   */
  onSave: (fields: TeamStoreFieldsInput, secret: string) => Promise<TeamStoreSaveOutcome>;
  onRecheck: () => Promise<TeamStoreSaveOutcome>;
  onAccept: () => Promise<void>;
  onRemove: () => Promise<void>;
}

type TextField = Exclude<keyof TeamStoreFieldsInput, 'pathStyle'>;
const TEXT_FIELDS: readonly { key: TextField; label: string; hint?: string }[] = [
  { key: 'endpoint', label: t.endpoint, hint: t.endpointHint },
  { key: 'region', label: t.region },
  { key: 'bucket', label: t.bucket },
  { key: 'prefix', label: t.prefix },
  { key: 'accessKeyId', label: t.accessKeyId },
];

/** Settings → Team store: where the bucket is, this admin's key, and what the write-once check found. */
export function TeamStorePanel({ view, onSave, onRecheck, onAccept, onRemove }: TeamStorePanelProps) {
  const [fields, setFields] = useState<TeamStoreFieldsInput>(view.fields);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [probe, setProbe] = useState<Omit<SavedProbe, 'target'> | undefined>(view.probe);
  const shown = useRef(view);
  useEffect(() => {
    if (JSON.stringify(shown.current.fields) !== JSON.stringify(view.fields)) setFields(view.fields);
    shown.current = view;
    setProbe(view.probe);
  }, [view]);
  const managed = (key: keyof TeamStoreFieldsInput) => view.managed.includes(key);

  const settle = async (outcome: Promise<TeamStoreSaveOutcome>) => {
    setBusy(true);
    try {
      const result = await outcome;
      if (result.ok) {
        setProbe(result.probe);
        setErrors([]);
      } else setErrors([result.sentence]);
    } catch (failure) {
      setErrors([failure instanceof Error ? failure.message : String(failure)]);
    } finally {
      setBusy(false);
    }
  };

  // No await before onSave: it must ask for the origin while the click's gesture lasts.
  const submit = (event: Event) => {
    event.preventDefault();
    const problems = teamStoreProblems(fields);
    if (!view.secretSet && secret === '') problems.push(t.secretMissing);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const saving = onSave(fields, secret);
    setSecret('');
    void settle(saving);
  };

  return (
    <section class="panel" data-testid="team-store-panel" aria-labelledby="team-store-heading">
      <h2 id="team-store-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form class="settings-form" onSubmit={submit}>
        {TEXT_FIELDS.map(({ key, label, hint }) => (
          <label key={key}>
            {label}
            <input
              data-testid={`team-store-${key}`}
              value={fields[key]}
              disabled={managed(key)}
              placeholder={hint}
              autocomplete="off"
              spellcheck={false}
              onInput={(event) => setFields({ ...fields, [key]: event.currentTarget.value })}
            />
            {managed(key) && <span class="managed-note">{t.managed}</span>}
          </label>
        ))}
        <label class="checkbox">
          <input
            type="checkbox"
            data-testid="team-store-pathStyle"
            checked={fields.pathStyle}
            disabled={managed('pathStyle')}
            onChange={(event) => setFields({ ...fields, pathStyle: event.currentTarget.checked })}
          />
          {t.pathStyle}
          {managed('pathStyle') && <span class="managed-note">{t.managed}</span>}
        </label>
        <label>
          {t.secret}
          <input
            type="password"
            data-testid="team-store-secret"
            value={secret}
            autocomplete="off"
            placeholder={view.secretSet ? '••••••••' : ''}
            onInput={(event) => setSecret(event.currentTarget.value)}
          />
        </label>
        <p class="hint">
          {view.secretSet && <span data-testid="team-store-secret-saved">{t.secretSaved} </span>}
          {t.secretNote}
        </p>
        {errors.length > 0 && (
          <div role="alert" class="error" data-testid="team-store-error">
            {errors.map((error) => (
              <p key={error}>{error}</p>
            ))}
          </div>
        )}
        <p class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="team-store-save">
            {busy ? t.saving : t.save}
          </button>{' '}
          {view.complete && (
            <>
              <button type="button" disabled={busy} onClick={() => void settle(onRecheck())}>
                {t.recheck}
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => void onRemove()}>
                {t.remove}
              </button>
            </>
          )}
        </p>
      </form>
      {probe && (
        <ProbeReport
          probe={probe}
          accepted={view.accepted}
          busy={busy}
          onAccept={() => {
            setBusy(true);
            void onAccept().finally(() => setBusy(false));
          }}
        />
      )}
    </section>
  );
}
