import { useState } from 'preact/hooks';
import { deletionReasonProblem } from '@/utils/evidence/checks';
import { errorText } from './labels';
import { commonText, evidenceText, teamSyncText } from '@/utils/text';

export interface DeleteEvidenceFormProps {
  evidenceId: string;
  /** The record is already (partly) in a write-once team store: a delete there is a tombstone only. */
  inLockedTeamStore?: boolean;
  onDelete: (reason: string, removeDescription: boolean) => Promise<void>;
}

/** Deletes the bytes for good; asks for the reason the auditor will read and a second click to confirm. */
export function DeleteEvidenceForm({ evidenceId, inLockedTeamStore, onDelete }: DeleteEvidenceFormProps) {
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
    <form
      class="delete-form"
      data-testid="delete-form"
      onSubmit={submit}
      aria-label={evidenceText.deleteLabel(evidenceId)}
    >
      <p class="hint">{evidenceText.deleteExplained}</p>
      {inLockedTeamStore && (
        <p class="warning" role="note" data-testid="delete-team-store-warning">
          {teamSyncText.deleteWarning}
        </p>
      )}
      <label>
        {evidenceText.reason} <span class="hint">{evidenceText.reasonHint}</span>
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
        {evidenceText.removeDescription}
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
        {busy
          ? evidenceText.deleting
          : confirming
            ? evidenceText.deletePermanently(evidenceId)
            : evidenceText.deleteStart}
      </button>
      {confirming && (
        <button type="button" class="link" onClick={() => setConfirming(false)}>
          {commonText.cancel}
        </button>
      )}
    </form>
  );
}
