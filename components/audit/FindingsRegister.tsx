import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { Finding, FindingGrade } from '@/utils/isms/types';
import { FindingForm, type FindingInput } from './FindingForm';
import { errorText, FINDING_STATUS_LABELS, GRADE_LABELS, SOURCE_LABELS } from '@/utils/isms/labels';
import { commonText, findingsText } from '@/utils/text';

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
    setMessage(findingsText.saved(input.id));
  }

  async function remove(id: string) {
    setMessage('');
    setError('');
    try {
      await onDelete(id);
      setConfirming(null);
      setMessage(findingsText.deleted(id));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div class="findings" data-testid="findings-register">
      <p>
        {findingsText.unresolved(unresolved.length)}
        {openMajors > 0 && <strong class="error">{findingsText.majorsBlock(openMajors)}</strong>}
        {unresolved.some(overdue) && findingsText.overdueCount(unresolved.filter(overdue).length)}
      </p>
      <div class="filters">
        <label>
          {findingsText.show}
          <select value={filter} onChange={(event) => setFilter(event.currentTarget.value as StatusFilter)}>
            <option value="unresolved">{findingsText.filterUnresolved}</option>
            <option value="closed">{findingsText.filterClosed}</option>
            <option value="all">{findingsText.filterAll}</option>
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
          {findingsText.newFinding}
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
        <p class="hint">{findingsText.nothingToShow}</p>
      ) : (
        <div class="table-scroll">
          <table class="data findings-table">
            <caption class="visually-hidden">{findingsText.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{findingsText.columns.id}</th>
                <th scope="col">{findingsText.columns.grade}</th>
                <th scope="col">{findingsText.columns.source}</th>
                <th scope="col">{findingsText.columns.controls}</th>
                <th scope="col">{findingsText.columns.description}</th>
                <th scope="col">{findingsText.columns.due}</th>
                <th scope="col">{findingsText.columns.status}</th>
                <th scope="col">
                  <span class="visually-hidden">{commonText.actions}</span>
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
                  <td>{finding.controls.join(', ') || commonText.none}</td>
                  <td class="description">{finding.description}</td>
                  <td>
                    {finding.dueDate ?? commonText.none}
                    {overdue(finding) && (
                      <span class="tag warning">
                        <span aria-hidden="true">! </span>
                        {findingsText.overdue}
                      </span>
                    )}
                  </td>
                  <td>{FINDING_STATUS_LABELS[finding.status]}</td>
                  <td class="actions">
                    {confirming === finding.id ? (
                      <span role="group" aria-label={findingsText.confirmDelete(finding.id)}>
                        {findingsText.deleteQuestion(finding.id)}{' '}
                        <button type="button" onClick={() => void remove(finding.id)}>
                          {commonText.delete}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          {findingsText.keep}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          aria-label={commonText.editItem(finding.id)}
                          disabled={editing !== null}
                          onClick={() => {
                            setMessage('');
                            setEditing(finding);
                          }}
                        >
                          {commonText.edit}
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={commonText.deleteItem(finding.id)}
                          onClick={() => setConfirming(finding.id)}
                        >
                          {commonText.delete}
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
