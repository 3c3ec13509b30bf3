import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { CoverageResult } from '@/utils/coverage/types';
import type { ControlState } from '@/utils/isms/types';
import { filterItems, NO_FILTERS, type SoaFilterValues } from '@/utils/soa/soa-filter';
import { commonText, soaText } from '@/utils/text';
import type { ControlledDocumentSummary } from './ClauseDocuments';
import { SoaFilters } from './SoaFilters';
import { SoaEditorRow, SoaRow } from './SoaRow';
import { useEditorFocus } from './useEditorFocus';
import type { Risk } from '@/utils/risk/types';

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
  /** The risk register: each control shows the risks it treats as reasons, and where they contradict it. */
  risks?: readonly Risk[];
}

function SoaHead() {
  return (
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
  );
}

/** The Statement of Applicability: every control with its decision and coverage, filterable, edited in place. */
export function SoaTable(props: SoaTableProps) {
  const { catalogue, controlStates, coverage, openControlId, onSave, onDownloadCsv } = props;
  const [filters, setFilters] = useState<SoaFilterValues>(NO_FILTERS);
  const [editing, setEditing] = useState<string | null>(openControlId);
  const { editorRow, table } = useEditorFocus(editing);

  const knownIds = useMemo(() => new Set(catalogue.items.map((item) => item.id)), [catalogue]);
  const states = useMemo(
    () => new Map(controlStates.map((state) => [state.controlId, state])),
    [controlStates],
  );
  const coverageById = useMemo(
    () => new Map(coverage.controls.map((control) => [control.controlId, control])),
    [coverage],
  );
  const treating = useMemo(() => {
    const byControl = new Map<string, Risk[]>();
    for (const risk of props.risks ?? []) {
      if (risk.status === 'closed') continue;
      for (const id of risk.controls) byControl.set(id, [...(byControl.get(id) ?? []), risk]);
    }
    return byControl;
  }, [props.risks]);
  const registerInUse = (props.risks?.length ?? 0) > 0;
  const undecided = catalogue.items.filter((item) => item.kind === 'control' && !states.has(item.id)).length;

  useEffect(() => {
    if (openControlId === null) return;
    // Show the control whatever the filters were, and put the keyboard in its form.
    setFilters(NO_FILTERS);
    setEditing(openControlId);
  }, [openControlId]);

  const rows = filterItems(catalogue, filters, states, coverageById);
  const documentsOf = (id: string) => (props.documents ?? []).filter((entry) => entry.controls.includes(id));

  return (
    <div class="soa" data-testid="soa-table">
      <div class="soa-toolbar">
        <SoaFilters
          catalogue={catalogue}
          filters={filters}
          onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
        />
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
          <SoaHead />
          <tbody>
            {rows.map((item) => {
              const state = states.get(item.id);
              const open = editing === item.id;
              return [
                <SoaRow
                  key={item.id}
                  item={item}
                  state={state}
                  control={coverageById.get(item.id)}
                  documents={item.kind === 'clause' ? documentsOf(item.id) : []}
                  open={open}
                  onToggle={() => setEditing(open ? null : item.id)}
                  treatingRisks={treating.get(item.id) ?? []}
                  registerInUse={registerInUse}
                />,
                open && (
                  <SoaEditorRow
                    key={`${item.id}-editor`}
                    item={item}
                    state={state}
                    knownIds={knownIds}
                    rowRef={editorRow}
                    treatingRisks={treating.get(item.id) ?? []}
                    onSave={onSave}
                    onClose={() => setEditing(null)}
                  />
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
