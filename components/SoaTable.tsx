import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchItems } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { COVERAGE_STATUSES, type CoverageResult, type CoverageStatus } from '@/utils/coverage/types';
import type { DocumentControl } from '@/utils/evidence/types';
import type { ControlState } from '@/utils/isms/types';
import { ControlStateForm } from './ControlStateForm';
import { IMPLEMENTATION_LABELS } from './labels';
import { STATUS_META, StatusBadge } from './StatusBadge';

export interface SoaTableProps {
  catalogue: Catalogue;
  controlStates: readonly ControlState[];
  coverage: CoverageResult;
  /** A control to open for editing (from the #control/ID route). */
  openControlId: string | null;
  onSave: (state: Omit<ControlState, 'updatedAt'>) => Promise<void>;
  onDownloadCsv: () => void;
  /** Stage 1 documents under document control, shown on the clauses they are tagged with. */
  documents?: readonly ControlledDocumentSummary[];
}

export interface ControlledDocumentSummary {
  evidenceId: string;
  title: string;
  controls: readonly string[];
  document: DocumentControl;
}

const DECISIONS = {
  '': 'Any decision',
  applicable: 'Applicable',
  excluded: 'Excluded',
  undecided: 'No decision recorded',
  unjustified: 'Excluded without justification',
} as const;
type DecisionFilter = keyof typeof DECISIONS;

/** The Statement of Applicability: every control with its decision and coverage, filterable, edited in place. */
export function SoaTable(props: SoaTableProps) {
  const { catalogue, controlStates, coverage, openControlId, onSave, onDownloadCsv } = props;
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState('');
  const [status, setStatus] = useState<CoverageStatus | ''>('');
  const [decision, setDecision] = useState<DecisionFilter>('');
  const [editing, setEditing] = useState<string | null>(openControlId);
  const editorRow = useRef<HTMLTableRowElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const lastEdited = useRef<string | null>(null);

  const knownIds = useMemo(() => new Set(catalogue.items.map((item) => item.id)), [catalogue]);
  const states = useMemo(
    () => new Map(controlStates.map((state) => [state.controlId, state])),
    [controlStates],
  );
  const coverageById = useMemo(
    () => new Map(coverage.controls.map((control) => [control.controlId, control])),
    [coverage],
  );
  const undecided = catalogue.items.filter((item) => item.kind === 'control' && !states.has(item.id)).length;

  useEffect(() => {
    if (openControlId === null) return;
    // Show the control whatever the filters were, and put the keyboard in its form.
    setQuery('');
    setTheme('');
    setStatus('');
    setDecision('');
    setEditing(openControlId);
  }, [openControlId]);

  useEffect(() => {
    const row = editorRow.current;
    if (editing === null || !row) {
      // Back to the row's Edit button, so the keyboard does not fall to the top of the page.
      const previous = lastEdited.current;
      if (previous !== null) {
        const rowOf = [...(table.current?.querySelectorAll<HTMLElement>('tr[data-control-id]') ?? [])].find(
          (candidate) => candidate.dataset.controlId === previous,
        );
        rowOf?.querySelector<HTMLElement>('button')?.focus();
      }
      return;
    }
    lastEdited.current = editing;
    row.scrollIntoView?.({ block: 'center' });
    row.querySelector<HTMLElement>('input:not([disabled]), textarea, select')?.focus();
  }, [editing]);

  const found = query.trim() === '' ? catalogue.items : searchItems(catalogue, query);
  const rows = found.filter((item) => {
    const state = states.get(item.id);
    const control = coverageById.get(item.id);
    if (theme !== '' && item.theme !== theme) return false;
    if (status !== '' && control?.status !== status) return false;
    if (decision === 'applicable') return control?.applicable ?? true;
    if (decision === 'excluded') return control?.applicable === false;
    if (decision === 'undecided') return item.kind === 'control' && state === undefined;
    if (decision === 'unjustified') return control?.missingJustification === true;
    return true;
  });

  return (
    <div class="soa" data-testid="soa-table">
      <div class="soa-toolbar">
        <div class="filters" role="search" aria-label="Filter the Statement of Applicability">
          <label>
            Search
            <input
              type="search"
              placeholder="ID or words, e.g. A.8.13 or backup"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <label>
            Theme
            <select value={theme} onChange={(event) => setTheme(event.currentTarget.value)}>
              <option value="">All themes</option>
              {catalogue.themes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Coverage
            <select
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as CoverageStatus | '')}
            >
              <option value="">Any coverage</option>
              {COVERAGE_STATUSES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {STATUS_META[candidate].label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Decision
            <select
              value={decision}
              onChange={(event) => setDecision(event.currentTarget.value as DecisionFilter)}
            >
              {Object.entries(DECISIONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="button" onClick={onDownloadCsv} data-testid="download-soa">
          Download CSV
        </button>
      </div>
      <p class="hint" role="status">
        {rows.length} of {catalogue.items.length} items shown
        {undecided > 0 && ` · ${undecided} Annex A controls have no recorded decision yet`}
      </p>
      <div class="table-scroll">
        <table class="data soa-table" ref={table}>
          <caption class="visually-hidden">Statement of Applicability</caption>
          <thead>
            <tr>
              <th scope="col">Control</th>
              <th scope="col">Decision</th>
              <th scope="col">Implementation</th>
              <th scope="col">Owner</th>
              <th scope="col">Cadence</th>
              <th scope="col">Coverage</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const state = states.get(item.id);
              const control = coverageById.get(item.id);
              const open = editing === item.id;
              const applicable = control?.applicable ?? true;
              return [
                <tr key={item.id} data-control-id={item.id} class={open ? 'editing' : undefined}>
                  <th scope="row">
                    <strong>{item.id}</strong> {item.title}
                    {item.kind === 'clause' && (
                      <ClauseDocuments
                        documents={(props.documents ?? []).filter((entry) =>
                          entry.controls.includes(item.id),
                        )}
                        required={item.documentedInformationRequired}
                      />
                    )}
                  </th>
                  <td>
                    {item.kind === 'clause'
                      ? 'Mandatory'
                      : state === undefined
                        ? 'No decision'
                        : applicable
                          ? 'Applicable'
                          : 'Excluded'}
                    {control?.missingJustification && (
                      <span class="tag warning">
                        <span aria-hidden="true">! </span>no justification
                      </span>
                    )}
                  </td>
                  <td>{state ? IMPLEMENTATION_LABELS[state.implementation] : '—'}</td>
                  <td>{state?.owner || '—'}</td>
                  <td>
                    {control?.cadenceDays ?? item.cadenceDays} days
                    {state?.cadenceDays != null && <span class="tag">override</span>}
                  </td>
                  <td>{control && <StatusBadge status={control.status} />}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open}
                      aria-label={`${open ? 'Close' : 'Edit'} ${item.id}`}
                      onClick={() => setEditing(open ? null : item.id)}
                    >
                      {open ? 'Close' : 'Edit'}
                    </button>
                  </td>
                </tr>,
                open && (
                  <tr key={`${item.id}-editor`} class="editor-row" ref={editorRow}>
                    <td colSpan={7}>
                      <ControlStateForm
                        key={item.id}
                        item={item}
                        state={state}
                        knownIds={knownIds}
                        onSave={onSave}
                        onClose={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p class="hint">No control matches these filters.</p>}
    </div>
  );
}

/** Document control of a clause's documented information: version, approver, approval date. */
function ClauseDocuments({
  documents,
  required,
}: {
  documents: readonly ControlledDocumentSummary[];
  required: boolean;
}) {
  if (documents.length === 0) {
    return required ? (
      <span class="hint clause-documents" data-testid="clause-documents">
        {' '}
        · no controlled document yet
      </span>
    ) : null;
  }
  return (
    <ul class="hint clause-documents" data-testid="clause-documents">
      {documents.map(({ evidenceId, title, document }) => (
        <li key={evidenceId}>
          {title || evidenceId} — version {document.version}, approved by {document.approver} on{' '}
          {document.approvalDate}
        </li>
      ))}
    </ul>
  );
}
