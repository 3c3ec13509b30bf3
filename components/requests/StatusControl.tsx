import { useState } from 'preact/hooks';
import { errorText } from '@/utils/isms/labels';
import { requestText } from '@/utils/text';
import { REQUEST_STATUSES, type RequestStatus } from '@/utils/requests/types';

export interface StatusControlProps {
  /** What the status is of: "R-14" or "R-14 (item 2 of 5)". */
  label: string;
  status: RequestStatus;
  comment: string;
  onApply: (status: RequestStatus, comment: string) => Promise<void>;
}

/** A status picker with the auditor's comment; "returned" is refused without one (the background checks too). */
export function StatusControl({ label, status, comment, onApply }: StatusControlProps) {
  const [chosen, setChosen] = useState<RequestStatus>(status);
  const [text, setText] = useState(status === 'returned' ? comment : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const text_ = requestText.detail;

  async function apply(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onApply(chosen, text);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="request-status" onSubmit={apply} aria-label={text_.statusFor(label)}>
      <label>
        <span class="visually-hidden">{text_.statusFor(label)}</span>
        <select
          data-testid="status-select"
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value as RequestStatus)}
        >
          {REQUEST_STATUSES.map((id) => (
            <option key={id} value={id}>
              {requestText.status[id]}
            </option>
          ))}
        </select>
      </label>
      {chosen === 'returned' && (
        <label>
          {text_.comment}
          <input
            type="text"
            data-testid="status-comment"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
      )}
      <button type="submit" data-testid="status-apply" disabled={busy}>
        {text_.apply}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
