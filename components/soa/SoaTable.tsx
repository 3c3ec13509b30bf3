import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchItems } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { COVERAGE_STATUSES, type CoverageResult, type CoverageStatus } from '@/utils/coverage/types';
import type { DocumentControl } from '@/utils/evidence/types';
import type { ControlState } from '@/utils/isms/types';
import { ControlStateForm } from './ControlStateForm';
import { IMPLEMENTATION_LABELS } from '@/utils/isms/labels';
import { STATUS_META, StatusBadge } from '../coverage/StatusBadge';
import { commonText, soaText } from '@/utils/text';

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

const DECISIONS = soaText.decisions;
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
        <div class="filters" role="search" aria-label={soaText.filters}>
          <label>
            {commonText.search}
            <input
              type="search"
              placeholder={commonText.searchPlaceholder}
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <label>
            {commonText.theme}
            <select value={theme} onChange={(event) => setTheme(event.currentTarget.value)}>
              <option value="">{commonText.allThemes}</option>
              {catalogue.themes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {soaText.coverage}
            <select
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as CoverageStatus | '')}
            >
              <option value="">{soaText.anyCoverage}</option>
              {COVERAGE_STATUSES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {STATUS_META[candidate].label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {soaText.decision}
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
          {soaText.downloadCsv}
        </button>
      </div>
      <p class="hint" role="status">
        {soaText.shown(rows.length, catalogue.items.length)}
        {undecided > 0 && soaText.undecided(undecided)}
      </p>
      <div class="table-scroll">
        <table class="data soa-table" ref={table}>
          <caption class="visually-hidden">{soaText.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{commonText.control}</th>
              <th scope="col">{soaText.decision}</th>
              <th scope="col">{soaText.implementation}</th>
              <th scope="col">{soaText.owner}</th>
              <th scope="col">{soaText.cadence}</th>
              <th scope="col">{soaText.coverage}</th>
              <th scope="col">
                <span class="visually-hidden">{commonText.actions}</span>
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
                      ? soaText.mandatory
                      : state === undefined
                        ? soaText.noDecision
                        : applicable
                          ? soaText.applicable
                          : soaText.excluded}
                    {control?.missingJustification && (
                      <span class="tag warning">
                        <span aria-hidden="true">! </span>
                        {soaText.noJustification}
                      </span>
                    )}
                  </td>
                  <td>{state ? IMPLEMENTATION_LABELS[state.implementation] : commonText.none}</td>
                  <td>{state?.owner || commonText.none}</td>
                  <td>
                    {soaText.days(control?.cadenceDays ?? item.cadenceDays)}
                    {state?.cadenceDays != null && <span class="tag">{soaText.override}</span>}
                  </td>
                  <td>{control && <StatusBadge status={control.status} />}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open}
                      aria-label={soaText.edit(open, item.id)}
                      onClick={() => setEditing(open ? null : item.id)}
                    >
                      {open ? commonText.close : commonText.edit}
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
      {rows.length === 0 && <p class="hint">{soaText.noMatch}</p>}
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
        {soaText.noControlledDocument}
      </span>
    ) : null;
  }
  return (
    <ul class="hint clause-documents" data-testid="clause-documents">
      {documents.map(({ evidenceId, title, document }) => (
        <li key={evidenceId}>
          {soaText.controlledDocument(title || evidenceId, document.version, document.approver)}{' '}
          {document.approvalDate}
        </li>
      ))}
    </ul>
  );
}
