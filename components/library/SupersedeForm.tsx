import { useState } from 'preact/hooks';
import { errorText } from './labels';

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
      setError('Give the ID of the newer evidence that replaces this one.');
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
      aria-label={`Supersede ${evidenceId}`}
    >
      <label>
        Replaced by (evidence ID)
        <input
          data-testid="superseded-by"
          placeholder="EV-20261127-ABCDEF"
          value={newer}
          onInput={(event) => setNewer(event.currentTarget.value)}
        />
      </label>
      <label>
        Note <span class="hint">(optional)</span>
        <input value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Mark as superseded'}
      </button>
    </form>
  );
}
