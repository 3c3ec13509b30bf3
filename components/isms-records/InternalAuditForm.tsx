import { useState } from 'preact/hooks';
import { errorText } from '@/utils/isms/labels';
import {
  INTERNAL_AUDIT_STATUSES,
  type InternalAudit,
  type InternalAuditInput,
  type InternalAuditStatus,
} from '@/utils/isms-records/types';
import { commonText, ismsRecordsText } from '@/utils/text';
import { idList } from '@/utils/isms-records/validate';
import { ProblemList } from './ProblemList';

const text = ismsRecordsText.screen;

export interface InternalAuditFormProps {
  audit: InternalAudit | null;
  newId: string;
  /** Resolves when the background saved it; rejects with the sentences to show. */
  onSave: (audit: InternalAuditInput) => Promise<void>;
  onCancel: () => void;
}

/** One audit of the programme: scope, criteria, auditor and independence, dates, report and findings. */
export function InternalAuditForm({ audit, newId, onSave, onCancel }: InternalAuditFormProps) {
  const id = audit?.id ?? newId;
  const [title, setTitle] = useState(audit?.title ?? '');
  const [scope, setScope] = useState(audit?.scope ?? '');
  const [criteria, setCriteria] = useState(audit?.criteria ?? '');
  const [auditor, setAuditor] = useState(audit?.auditor ?? '');
  const [independent, setIndependent] = useState(audit?.auditorIndependent ?? false);
  const [independenceNote, setIndependenceNote] = useState(audit?.independenceNote ?? '');
  const [plannedDate, setPlannedDate] = useState(audit?.plannedDate ?? '');
  const [completedDate, setCompletedDate] = useState(audit?.completedDate ?? '');
  const [status, setStatus] = useState<InternalAuditStatus>(audit?.status ?? 'planned');
  const [report, setReport] = useState(audit?.reportEvidenceId ?? '');
  const [findings, setFindings] = useState((audit?.findingIds ?? []).join(' '));
  const [notes, setNotes] = useState(audit?.notes ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave({
        id,
        title,
        scope,
        criteria,
        auditor,
        auditorIndependent: independent,
        independenceNote,
        plannedDate,
        completedDate: completedDate.trim() === '' ? null : completedDate,
        status,
        reportEvidenceId: report.trim() === '' ? null : report.trim(),
        findingIds: idList(findings),
        notes,
      });
      setProblems([]);
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="finding-form" onSubmit={submit} noValidate aria-labelledby="audit-form-heading">
      <h3 id="audit-form-heading">{text.auditForm(audit !== null, id)}</h3>
      <label>
        {text.title}
        <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </label>
      <label>
        {text.scope}
        <textarea rows={2} value={scope} onInput={(event) => setScope(event.currentTarget.value)} />
      </label>
      <label>
        {text.criteria}
        <textarea rows={2} value={criteria} onInput={(event) => setCriteria(event.currentTarget.value)} />
      </label>
      <div class="form-row">
        <label>
          {text.auditor}
          <input value={auditor} onInput={(event) => setAuditor(event.currentTarget.value)} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={independent}
            onChange={(event) => setIndependent(event.currentTarget.checked)}
          />{' '}
          {text.independent}
        </label>
      </div>
      <label>
        {text.independenceNote}
        <input value={independenceNote} onInput={(event) => setIndependenceNote(event.currentTarget.value)} />
      </label>
      <div class="form-row">
        <label>
          {text.plannedDate}
          <input
            type="date"
            value={plannedDate}
            onInput={(event) => setPlannedDate(event.currentTarget.value)}
          />
        </label>
        <label>
          {text.completedDate}
          <input
            type="date"
            value={completedDate}
            onInput={(event) => setCompletedDate(event.currentTarget.value)}
          />
        </label>
        <label>
          {text.status}
          <select
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as InternalAuditStatus)}
          >
            {INTERNAL_AUDIT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {ismsRecordsText.auditStatuses[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {text.reportId}
        <input value={report} onInput={(event) => setReport(event.currentTarget.value)} />
      </label>
      <label>
        {text.findingIds}
        <input value={findings} onInput={(event) => setFindings(event.currentTarget.value)} />
      </label>
      <label>
        {text.notes}
        <textarea rows={2} value={notes} onInput={(event) => setNotes(event.currentTarget.value)} />
      </label>
      <ProblemList problems={problems} testId="audit-problems" />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? commonText.saving : text.saveAudit(id)}
        </button>
        <button type="button" onClick={onCancel}>
          {commonText.cancel}
        </button>
      </div>
    </form>
  );
}
