import { useState } from 'preact/hooks';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import {
  FINDING_GRADES,
  FINDING_SOURCES,
  FINDING_STATUSES,
  type Finding,
  type FindingGrade,
  type FindingSource,
  type FindingStatus,
} from '@/utils/isms/types';
import { validateFinding } from '@/utils/isms/validate';
import { ControlPicker } from '../soa/ControlPicker';
import { errorText, FINDING_STATUS_LABELS, GRADE_LABELS, SOURCE_LABELS } from '@/utils/isms/labels';
import { commonText, findingsText } from '@/utils/text';

export type FindingInput = Omit<Finding, 'createdAt' | 'updatedAt'>;

export interface FindingFormProps {
  catalogue: Catalogue;
  /** The finding to edit, or null for a new one. */
  finding: Finding | null;
  /** The identifier a new finding gets. */
  newId: string;
  /** Resolves when the background saved it; rejects with the sentence to show. */
  onSave: (finding: FindingInput) => Promise<void>;
  onCancel: () => void;
}

/** Evidence IDs typed one per line or separated by commas or spaces, without repeats. */
export function parseEvidenceIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

/** An audit finding with everything an auditor asks when it is closed: root cause, correction, evidence. */
export function FindingForm({ catalogue, finding, newId, onSave, onCancel }: FindingFormProps) {
  const id = finding?.id ?? newId;
  const [grade, setGrade] = useState<FindingGrade>(finding?.grade ?? 'minor');
  const [source, setSource] = useState<FindingSource>(finding?.source ?? 'internal-audit');
  const [status, setStatus] = useState<FindingStatus>(finding?.status ?? 'open');
  const [controls, setControls] = useState<string[]>(finding?.controls ?? []);
  const [description, setDescription] = useState(finding?.description ?? '');
  const [rootCause, setRootCause] = useState(finding?.rootCause ?? '');
  const [correctiveAction, setCorrectiveAction] = useState(finding?.correctiveAction ?? '');
  const [dueDate, setDueDate] = useState(finding?.dueDate ?? '');
  const [evidenceText, setEvidenceText] = useState((finding?.evidenceIds ?? []).join('\n'));
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const knownIds = new Set(catalogue.items.map((item) => item.id));

  async function submit(event: Event) {
    event.preventDefault();
    const input: FindingInput = {
      id,
      grade,
      source,
      controls,
      description: description.trim(),
      rootCause: rootCause.trim(),
      correctiveAction: correctiveAction.trim(),
      dueDate: dueDate.trim() === '' ? null : dueDate.trim(),
      status,
      evidenceIds: parseEvidenceIds(evidenceText),
    };
    const found = validateFinding(input, knownIds);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(input);
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="finding-form" onSubmit={submit} noValidate aria-labelledby="finding-form-heading">
      <h3 id="finding-form-heading">{findingsText.formHeading(finding !== null, id)}</h3>
      <div class="form-row">
        <label>
          {findingsText.columns.grade}
          <select value={grade} onChange={(event) => setGrade(event.currentTarget.value as FindingGrade)}>
            {FINDING_GRADES.map((value) => (
              <option key={value} value={value}>
                {GRADE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {findingsText.columns.source}
          <select value={source} onChange={(event) => setSource(event.currentTarget.value as FindingSource)}>
            {FINDING_SOURCES.map((value) => (
              <option key={value} value={value}>
                {SOURCE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {findingsText.columns.status}
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as FindingStatus)}>
            {FINDING_STATUSES.map((value) => (
              <option key={value} value={value}>
                {FINDING_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {findingsText.dueDate}
          <input type="date" value={dueDate} onInput={(event) => setDueDate(event.currentTarget.value)} />
        </label>
      </div>
      <label>
        {findingsText.descriptionRequired}
        <textarea
          rows={3}
          value={description}
          required
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </label>
      <fieldset>
        <legend>{findingsText.linkedControls}</legend>
        {controls.length === 0 && <p class="hint">{findingsText.noControlLinked}</p>}
        <ul class="chips">
          {controls.map((controlId) => (
            <li key={controlId} class="chip">
              <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
              <button
                type="button"
                class="link"
                aria-label={commonText.removeItem(controlId)}
                onClick={() =>
                  setControls((current) => current.filter((candidate) => candidate !== controlId))
                }
              >
                {commonText.remove}
              </button>
            </li>
          ))}
        </ul>
        <ControlPicker
          catalogue={catalogue}
          selected={controls}
          onAdd={(controlId) => setControls((current) => [...current, controlId])}
        />
      </fieldset>
      <label>
        {findingsText.rootCause}{' '}
        {grade !== 'observation' && <span class="hint">{findingsText.rootCauseRequired}</span>}
        <textarea rows={2} value={rootCause} onInput={(event) => setRootCause(event.currentTarget.value)} />
      </label>
      <label>
        {findingsText.correctiveAction}{' '}
        {grade === 'major' && <span class="hint">{findingsText.majorRequired}</span>}
        <textarea
          rows={2}
          value={correctiveAction}
          onInput={(event) => setCorrectiveAction(event.currentTarget.value)}
        />
      </label>
      <label>
        {findingsText.evidenceOfFix}
        {grade === 'major' && <span class="hint"> {findingsText.majorRequired}</span>}
        <textarea
          rows={2}
          value={evidenceText}
          onInput={(event) => setEvidenceText(event.currentTarget.value)}
        />
      </label>
      {problems.length > 0 && (
        <div role="alert" class="error" data-testid="finding-problems">
          <p>{commonText.notSaved}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? commonText.saving : findingsText.save(id)}
        </button>
        <button type="button" onClick={onCancel}>
          {commonText.cancel}
        </button>
      </div>
    </form>
  );
}
