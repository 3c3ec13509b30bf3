import { useState } from 'preact/hooks';
import { ControlPicker } from '@/components/soa/ControlPicker';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { documentControlProblems, effectiveDateProblem } from '@/utils/evidence/checks';
import type { LibraryRow } from '@/utils/evidence/library-types';
import { DocumentControlFields, type DocumentControlDraft } from './DocumentControlFields';
import { errorText } from './labels';
import type { EvidenceChange } from './types';
import { NotesAndDateFields } from '../audit/NotesAndDateFields';
import { commonText, evidenceText } from '@/utils/text';

export interface EvidenceEditFormProps {
  catalogue: Catalogue;
  record: LibraryRow;
  onSave: (change: EvidenceChange) => Promise<void>;
}

/** Corrects controls, notes, effective date, review status and document control; only changes are sent. */
export function EvidenceEditForm({ catalogue, record, onSave }: EvidenceEditFormProps) {
  const [controls, setControls] = useState<string[]>(record.controls);
  const [notes, setNotes] = useState(record.notes);
  const [effectiveDate, setEffectiveDate] = useState(record.effectiveDate);
  const [status, setStatus] = useState<LibraryRow['status']>(record.status);
  const [document, setDocument] = useState<DocumentControlDraft>(
    record.document
      ? { enabled: true, ...record.document }
      : { enabled: false, version: '', approver: '', approvalDate: '' },
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const problems = [
      effectiveDateProblem(effectiveDate),
      ...(document.enabled ? documentControlProblems(document) : []),
    ];
    const problem = problems.filter(Boolean).join(' ');
    if (problem) {
      setError(problem);
      return;
    }
    const change = changes();
    if (Object.keys(change).length === 0) {
      setSaved(evidenceText.nothingChanged);
      return;
    }
    setSaving(true);
    setError('');
    setSaved('');
    try {
      await onSave(change);
      setSaved(evidenceText.savedToLog);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSaving(false);
    }
  }

  function changes(): EvidenceChange {
    const change: EvidenceChange = {};
    if (controls.join() !== record.controls.join()) change.controls = controls;
    if (notes.trim() !== record.notes) change.notes = notes.trim();
    if (effectiveDate !== record.effectiveDate) change.effectiveDate = effectiveDate;
    if (status !== record.status && (status === 'ready' || status === 'needs-review')) change.status = status;
    const before = record.document ? JSON.stringify(record.document) : null;
    const after = document.enabled
      ? {
          version: document.version.trim(),
          approver: document.approver.trim(),
          approvalDate: document.approvalDate,
        }
      : null;
    if (before !== (after && JSON.stringify(after))) change.document = after;
    return change;
  }

  return (
    <form
      class="evidence-edit"
      data-testid="evidence-edit"
      onSubmit={submit}
      aria-label={evidenceText.editLabel(record.id)}
    >
      <fieldset>
        <legend>{evidenceText.controlsShown}</legend>
        {controls.length === 0 && <p class="hint">{evidenceText.noControlYet}</p>}
        <ul class="chosen-controls">
          {controls.map((controlId) => (
            <li key={controlId}>
              <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}{' '}
              <button
                type="button"
                class="link"
                aria-label={commonText.removeItem(controlId)}
                onClick={() => setControls((current) => current.filter((id) => id !== controlId))}
              >
                {evidenceText.remove}
              </button>
            </li>
          ))}
        </ul>
        <ControlPicker
          catalogue={catalogue}
          selected={controls}
          onAdd={(controlId) =>
            setControls((current) => (current.includes(controlId) ? current : [...current, controlId]))
          }
        />
      </fieldset>
      <NotesAndDateFields
        notes={notes}
        onNotes={setNotes}
        effectiveDate={effectiveDate}
        onEffectiveDate={setEffectiveDate}
        testIds={{ notes: 'edit-notes', effectiveDate: 'edit-effective-date' }}
        rows={3}
        dateHint={evidenceText.dateHint}
      />
      <label>
        {evidenceText.reviewStatus}
        <select
          data-testid="edit-status"
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as LibraryRow['status'])}
        >
          {record.status === 'superseded' && (
            <option value="superseded">{evidenceText.supersededReinstate}</option>
          )}
          <option value="needs-review">{evidenceText.statuses['needs-review']}</option>
          <option value="ready">{evidenceText.statuses.ready}</option>
        </select>
      </label>
      <DocumentControlFields value={document} onChange={setDocument} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {saved && (
        <p role="status" class="saved">
          {saved}
        </p>
      )}
      <button type="submit" class="primary" data-testid="save-edit" disabled={saving}>
        {saving ? commonText.saving : evidenceText.saveChanges}
      </button>
    </form>
  );
}
