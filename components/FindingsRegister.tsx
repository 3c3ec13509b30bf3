import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { Finding, FindingGrade } from '@/utils/isms/types';
import { FindingForm, type FindingInput } from './FindingForm';
import { errorText, FINDING_STATUS_LABELS, GRADE_LABELS, SOURCE_LABELS } from './labels';

export interface FindingsRegisterProps {
  catalogue: Catalogue;
  findings: readonly Finding[];
  /** YYYY-MM-DD, to mark overdue findings. */
  today: string;
  onSave: (finding: FindingInput) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

/** 'F-001', 'F-002' …: one more than the highest number in use. */
export function nextFindingId(findings: readonly Pick<Finding, 'id'>[]): string {
  let highest = 0;
  for (const finding of findings) {
    const number = /^F-(\d+)$/.exec(finding.id)?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  return `F-${String(highest + 1).padStart(3, '0')}`;
}

const GRADE_ICONS: Record<FindingGrade, string> = { major: '✗', minor: '!', observation: 'i' };
type StatusFilter = 'unresolved' | 'closed' | 'all';

function byUrgency(left: Finding, right: Finding): number {
  const closed = Number(left.status === 'closed') - Number(right.status === 'closed');
  if (closed !== 0) return closed;
  const due =
    (left.dueDate ?? '9999') < (right.dueDate ?? '9999') ? -1 : left.dueDate === right.dueDate ? 0 : 1;
  return due || left.id.localeCompare(right.id, 'en', { numeric: true });
}

/** Observations and nonconformities from audits, with their correction, in one register. */
export function FindingsRegister({ catalogue, findings, today, onSave, onDelete }: FindingsRegisterProps) {
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const [filter, setFilter] = useState<StatusFilter>('unresolved');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const unresolved = findings.filter((finding) => finding.status !== 'closed');
  const openMajors = unresolved.filter((finding) => finding.grade === 'major').length;
  const overdue = (finding: Finding) =>
    finding.status !== 'closed' && finding.dueDate !== null && finding.dueDate < today;
  const shown = findings
    .filter((finding) =>
      filter === 'all'
        ? true
        : filter === 'closed'
          ? finding.status === 'closed'
          : finding.status !== 'closed',
    )
    .sort(byUrgency);

  async function save(input: FindingInput) {
    await onSave(input);
    setEditing(null);
    setError('');
    setMessage(`Saved finding ${input.id}.`);
  }

  async function remove(id: string) {
    setMessage('');
    setError('');
    try {
      await onDelete(id);
      setConfirming(null);
      setMessage(`Deleted finding ${id}.`);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div class="findings" data-testid="findings-register">
      <p>
        {unresolved.length} unresolved {unresolved.length === 1 ? 'finding' : 'findings'}
        {openMajors > 0 && (
          <strong class="error">
            {' '}
            · {openMajors} major {openMajors === 1 ? 'nonconformity blocks' : 'nonconformities block'}{' '}
            certification
          </strong>
        )}
        {unresolved.some(overdue) && ` · ${unresolved.filter(overdue).length} overdue`}
      </p>
      <div class="filters">
        <label>
          Show
          <select value={filter} onChange={(event) => setFilter(event.currentTarget.value as StatusFilter)}>
            <option value="unresolved">Open and in progress</option>
            <option value="closed">Closed</option>
            <option value="all">All findings</option>
          </select>
        </label>
        <button
          type="button"
          class="primary"
          onClick={() => {
            setMessage('');
            setEditing('new');
          }}
          disabled={editing !== null}
        >
          New finding
        </button>
      </div>
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
      {editing !== null && (
        <FindingForm
          key={editing === 'new' ? 'new' : editing.id}
          catalogue={catalogue}
          finding={editing === 'new' ? null : editing}
          newId={nextFindingId(findings)}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {shown.length === 0 ? (
        <p class="hint">No finding to show.</p>
      ) : (
        <div class="table-scroll">
          <table class="data findings-table">
            <caption class="visually-hidden">Findings register</caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Grade</th>
                <th scope="col">Source</th>
                <th scope="col">Controls</th>
                <th scope="col">Description</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((finding) => (
                <tr key={finding.id} data-finding-id={finding.id}>
                  <th scope="row">{finding.id}</th>
                  <td class={`grade grade-${finding.grade}`}>
                    <span aria-hidden="true">{GRADE_ICONS[finding.grade]} </span>
                    {GRADE_LABELS[finding.grade]}
                  </td>
                  <td>{SOURCE_LABELS[finding.source]}</td>
                  <td>{finding.controls.join(', ') || '—'}</td>
                  <td class="description">{finding.description}</td>
                  <td>
                    {finding.dueDate ?? '—'}
                    {overdue(finding) && (
                      <span class="tag warning">
                        <span aria-hidden="true">! </span>overdue
                      </span>
                    )}
                  </td>
                  <td>{FINDING_STATUS_LABELS[finding.status]}</td>
                  <td class="actions">
                    {confirming === finding.id ? (
                      <span role="group" aria-label={`Confirm deleting ${finding.id}`}>
                        Delete {finding.id}?{' '}
                        <button type="button" onClick={() => void remove(finding.id)}>
                          Delete
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          aria-label={`Edit ${finding.id}`}
                          disabled={editing !== null}
                          onClick={() => {
                            setMessage('');
                            setEditing(finding);
                          }}
                        >
                          Edit
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={`Delete ${finding.id}`}
                          onClick={() => setConfirming(finding.id)}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
