import type { CatalogueItem } from '@/utils/catalogue/types';
import type { ControlCoverage } from '@/utils/coverage/types';
import type { ControlState } from '@/utils/isms/types';
import { IMPLEMENTATION_LABELS } from '@/utils/isms/labels';
import { commonText, soaText } from '@/utils/text';
import type { Ref } from 'preact';
import { StatusBadge } from '../coverage/StatusBadge';
import { ClauseDocuments, type ControlledDocumentSummary } from './ClauseDocuments';
import { ControlStateForm } from './ControlStateForm';

export interface SoaRowProps {
  item: CatalogueItem;
  state: ControlState | undefined;
  control: ControlCoverage | undefined;
  /** Documents tagged with this item (shown on clauses). */
  documents: readonly ControlledDocumentSummary[];
  open: boolean;
  onToggle: () => void;
}

function decisionText(item: CatalogueItem, state: ControlState | undefined, applicable: boolean): string {
  if (item.kind === 'clause') return soaText.mandatory;
  if (state === undefined) return soaText.noDecision;
  return applicable ? soaText.applicable : soaText.excluded;
}

/** One control of the SoA: its decision, implementation, owner, cadence, coverage and the Edit button. */
export function SoaRow({ item, state, control, documents, open, onToggle }: SoaRowProps) {
  const applicable = control?.applicable ?? true;
  return (
    <tr data-control-id={item.id} class={open ? 'editing' : undefined}>
      <th scope="row">
        <strong>{item.id}</strong> {item.title}
        {item.kind === 'clause' && (
          <ClauseDocuments documents={documents} required={item.documentedInformationRequired} />
        )}
      </th>
      <td>
        {decisionText(item, state, applicable)}
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
          onClick={onToggle}
        >
          {open ? commonText.close : commonText.edit}
        </button>
      </td>
    </tr>
  );
}

export interface SoaEditorRowProps {
  item: CatalogueItem;
  state: ControlState | undefined;
  knownIds: ReadonlySet<string>;
  rowRef: Ref<HTMLTableRowElement>;
  onSave: (state: Omit<ControlState, 'updatedAt'>) => Promise<void>;
  onClose: () => void;
}

/** The row under an opened control that holds its edit form. */
export function SoaEditorRow({ item, state, knownIds, rowRef, onSave, onClose }: SoaEditorRowProps) {
  return (
    <tr class="editor-row" ref={rowRef}>
      <td colSpan={7}>
        <ControlStateForm
          key={item.id}
          item={item}
          state={state}
          knownIds={knownIds}
          onSave={onSave}
          onClose={onClose}
        />
      </td>
    </tr>
  );
}
