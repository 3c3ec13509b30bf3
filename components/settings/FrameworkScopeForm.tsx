import { useEffect, useState } from 'preact/hooks';
import { MAPPED_FRAMEWORK_IDS, type MappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import { MAPPED_FRAMEWORKS } from '@/utils/crosswalk/frameworks';
import type { EffectiveFrameworks } from '@/utils/settings/frameworks';
import { frameworkSettingsText as t } from '@/utils/text';
import { ManagedNote } from './ManagedNote';

export interface FrameworkScopeFormProps {
  scope: EffectiveFrameworks;
  onSave: (optional: MappedFrameworkId[]) => Promise<void>;
}

const optionalOf = (scope: EffectiveFrameworks) =>
  MAPPED_FRAMEWORK_IDS.filter((id) => scope.inScope.includes(id));

/** Which frameworks are in scope: ISO always, SOC 2 and NIST CSF 2.0 when turned on. */
export function FrameworkScopeForm({ scope, onSave }: FrameworkScopeFormProps) {
  const [chosen, setChosen] = useState<MappedFrameworkId[]>(optionalOf(scope));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  // A choice saved elsewhere (another window, a new policy) replaces the boxes; a reload of the same does not.
  const key = scope.inScope.join(' ');
  useEffect(() => setChosen(MAPPED_FRAMEWORK_IDS.filter((id) => key.split(' ').includes(id))), [key]);
  const locked = scope.management === 'locked';

  async function submit(event: Event) {
    event.preventDefault();
    setMessage('');
    setError('');
    try {
      await onSave(chosen);
      setMessage(t.saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <form
      class="settings-form"
      onSubmit={submit}
      aria-labelledby="frameworks-heading"
      data-testid="framework-scope"
    >
      <h2 id="frameworks-heading">{t.heading}</h2>
      <p class="hint">{t.intro}</p>
      <label>
        <input type="checkbox" checked disabled />
        {t.iso}
      </label>
      {MAPPED_FRAMEWORKS.map((framework) => (
        <p key={framework.id} class="framework-option">
          <label>
            <input
              type="checkbox"
              data-testid={`framework-${framework.id}`}
              checked={chosen.includes(framework.id)}
              disabled={locked}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setChosen((current) =>
                  MAPPED_FRAMEWORK_IDS.filter((id) => (id === framework.id ? on : current.includes(id))),
                );
              }}
            />
            {t[framework.id]}
          </label>
          <span class="hint"> {framework.mappingBasis}</span>
        </p>
      ))}
      <ManagedNote management={scope.management} testId="frameworks-managed" />
      <button type="submit" data-testid="frameworks-save" disabled={locked}>
        {t.save}
      </button>
      {message && (
        <p role="status" class="saved">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
