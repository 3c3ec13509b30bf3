import { useState } from 'preact/hooks';
import { deletionReasonProblem } from '@/utils/evidence/checks';
import { errorText } from './labels';

export interface DeleteEvidenceFormProps {
  evidenceId: string;
  onDelete: (reason: string, removeDescription: boolean) => Promise<void>;
}

/** Deletes the bytes for good; asks for the reason the auditor will read and a second click to confirm. */
export function DeleteEvidenceForm({ evidenceId, onDelete }: DeleteEvidenceFormProps) {
  const [reason, setReason] = useState('');
  const [removeDescription, setRemoveDescription] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const problem = deletionReasonProblem(reason);
    if (problem) {
      setError(problem);
      return;
    }
    if (!confirming) {
      setError('');
      setConfirming(true);
      return;
    }
    setBusy(true);
    try {
      await onDelete(reason.trim(), removeDescription);
    } catch (failure) {
      setError(errorText(failure));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="delete-form" data-testid="delete-form" onSubmit={submit} aria-label={`Delete ${evidenceId}`}>
      <p class="hint">
        Deleting removes the stored images, text and files. A tombstone keeps the ID, the SHA-256 hashes and
        your reason, and the custody log records the deletion, so the chain still verifies.
      </p>
      <label>
        Reason <span class="hint">(required; stays in the custody log)</span>
        <textarea
          data-testid="delete-reason"
          rows={2}
          required
          value={reason}
          onInput={(event) => {
            setReason(event.currentTarget.value);
            setConfirming(false);
          }}
        />
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={removeDescription}
          onChange={(event) => setRemoveDescription(event.currentTarget.checked)}
        />
        Also remove the title, URL and notes (they contain the secret)
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button
        type="submit"
        class={confirming ? 'danger' : undefined}
        data-testid="delete-evidence"
        disabled={busy}
      >
        {busy ? 'Deleting…' : confirming ? `Delete ${evidenceId} permanently` : 'Delete…'}
      </button>
      {confirming && (
        <button type="button" class="link" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      )}
    </form>
  );
}
