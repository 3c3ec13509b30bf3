import type { CatalogueItem } from '@/utils/catalogue/types';
import type { ControlCoverage } from '@/utils/coverage/types';
import type { ControlState } from '@/utils/isms/types';
import { IMPLEMENTATION_LABELS } from '@/utils/isms/labels';
import { commonText, soaReasonText, soaText } from '@/utils/text';
import type { Risk } from '@/utils/risk/types';
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
  /** Open risks of the register this control treats; undefined where the register is not loaded. */
  treatingRisks?: readonly Risk[];
  /** The register holds a risk: only then is an applicable control without any reason a gap. */
  registerInUse?: boolean;
}

function decisionText(item: CatalogueItem, state: ControlState | undefined, applicable: boolean): string {
  if (item.kind === 'clause') return soaText.mandatory;
  if (state === undefined) return soaText.noDecision;
  return applicable ? soaText.applicable : soaText.excluded;
}

/** One control of the SoA: its decision, implementation, owner, cadence, coverage and the Edit button. */
export function SoaRow(props: SoaRowProps) {
  const { item, state, control, documents, open, onToggle, treatingRisks = [] } = props;
  const applicable = control?.applicable ?? true;
  const riskIds = treatingRisks.map((risk) => risk.id);
  const others = state?.reasons?.length ?? 0;
  const isControl = item.kind === 'control';
  const contradiction = isControl && !applicable && riskIds.length > 0;
  const noReason = isControl && applicable && props.registerInUse && riskIds.length + others === 0;
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
        {contradiction && (
          <span class="tag warning" data-testid="soa-contradiction">
            <span aria-hidden="true">! </span>
            {soaReasonText.contradiction(riskIds)}
          </span>
        )}
        {noReason && (
          <span class="tag warning" data-testid="soa-no-reason">
            <span aria-hidden="true">! </span>
            {soaReasonText.noReason}
          </span>
        )}
        {applicable && riskIds.length + others > 0 && (
          <span class="hint reason-summary"> {soaReasonText.reasonsSummary(riskIds, others)}</span>
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
  treatingRisks?: readonly Risk[];
}

/** The row under an opened control that holds its edit form. */
export function SoaEditorRow(props: SoaEditorRowProps) {
  const { item, state, knownIds, rowRef, onSave, onClose, treatingRisks = [] } = props;
  return (
    <tr class="editor-row" ref={rowRef}>
      <td colSpan={7}>
        <ControlStateForm
          key={item.id}
          item={item}
          state={state}
          knownIds={knownIds}
          treatingRisks={treatingRisks}
          onSave={onSave}
          onClose={onClose}
        />
      </td>
    </tr>
  );
}
