import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { errorText } from '@/utils/isms/labels';
import { formFields, requestFromForm, type RequestFormFields } from '@/utils/requests/request-form';
import type { AuditRequest } from '@/utils/requests/types';
import { commonText, requestText } from '@/utils/text';

export interface RequestFormProps {
  catalogue: Catalogue;
  /** The request being edited, or null for a new one. */
  request: AuditRequest | null;
  /** The audit a new request starts in. */
  audit: string;
  onSave: (request: AuditRequest) => Promise<void>;
  onCancel: () => void;
}

const TEXT_FIELDS: readonly (keyof RequestFormFields)[] = [
  'reference',
  'audit',
  'controls',
  'owner',
  'population',
];

/** Creates or edits one request by hand; statuses and filed evidence survive an edit. */
export function RequestForm({ catalogue, request, audit, onSave, onCancel }: RequestFormProps) {
  const [fields, setFields] = useState<RequestFormFields>(() => formFields(request, audit));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const text = requestText.form;
  const set = (name: keyof RequestFormFields) => (event: { currentTarget: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.currentTarget.value }));

  async function submit(event: Event) {
    event.preventDefault();
    const result = requestFromForm(fields, request, catalogue);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await onSave(result.request);
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="request-form" data-testid="request-form" onSubmit={submit}>
      <h3>{request ? text.editHeading(request.reference) : text.newHeading}</h3>
      {TEXT_FIELDS.map((name) => (
        <label key={name} class="form-row">
          {text[name]}
          <input type="text" name={name} value={fields[name]} onInput={set(name)} />
        </label>
      ))}
      <label class="form-row">
        {text.text}
        <textarea name="text" rows={2} value={fields.text} onInput={set('text')} />
      </label>
      <label class="form-row">
        {text.dueDate}
        <input type="date" name="dueDate" value={fields.dueDate} onInput={set('dueDate')} />
      </label>
      <label class="form-row">
        {text.items}
        <textarea name="items" rows={3} value={fields.items} onInput={set('items')} />
      </label>
      {problems.length > 0 && (
        <ul role="alert" class="error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="save-request" disabled={busy}>
          {busy ? commonText.saving : text.save}
        </button>
        <button type="button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
