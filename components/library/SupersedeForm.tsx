import { useState } from 'preact/hooks';
import { errorText } from './labels';
import { commonText, evidenceText } from '@/utils/text';

export interface SupersedeFormProps {
  evidenceId: string;
  onSupersede: (supersededBy: string, note: string) => Promise<void>;
}

/** Marks this evidence as replaced by a newer capture (it leaves coverage, stays in the log). */
export function SupersedeForm({ evidenceId, onSupersede }: SupersedeFormProps) {
  const [newer, setNewer] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const id = newer.trim().toUpperCase();
    if (!id) {
      setError(evidenceText.needNewerId);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSupersede(id, note.trim());
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="supersede-form"
      data-testid="supersede-form"
      onSubmit={submit}
      aria-label={evidenceText.supersedeLabel(evidenceId)}
    >
      <label>
        {evidenceText.replacedBy}
        <input
          data-testid="superseded-by"
          placeholder={evidenceText.replacedByExample}
          value={newer}
          onInput={(event) => setNewer(event.currentTarget.value)}
        />
      </label>
      <label>
        {evidenceText.note} <span class="hint">{evidenceText.optional}</span>
        <input value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? commonText.saving : evidenceText.markSuperseded}
      </button>
    </form>
  );
}
