import type { InclusionReason } from '@/utils/risk/soa-reasons';
import { OTHER_REASON_KINDS } from '@/utils/risk/soa-reasons';
import type { Risk } from '@/utils/risk/types';
import { commonText, riskText, soaReasonText } from '@/utils/text';

type OtherKind = (typeof OTHER_REASON_KINDS)[number];

export interface InclusionReasonsProps {
  controlId: string;
  /** Open risks of the register this control treats: reasons the form shows but does not edit. */
  treatingRisks: readonly Risk[];
  reasons: readonly InclusionReason[];
  onChange: (reasons: InclusionReason[]) => void;
  onWriteJustification: () => void;
}

/**
 * Why a control is in the SoA: the risks it treats (from the register, read-only here) and the legal,
 * regulatory or contractual requirements and business decisions recorded on the row, each with its reference.
 */
export function InclusionReasons(props: InclusionReasonsProps) {
  const { controlId, treatingRisks, reasons, onChange } = props;
  const prefix = `reasons-${controlId.replace(/\W/g, '-')}`;
  return (
    <fieldset class="inclusion-reasons" data-testid="inclusion-reasons">
      <legend>{soaReasonText.heading}</legend>
      {treatingRisks.length === 0 ? (
        <p class="hint">{soaReasonText.noRisks}</p>
      ) : (
        <ul class="reason-list" aria-label={soaReasonText.risksLabel}>
          {treatingRisks.map((risk) => (
            <li key={risk.id}>
              {soaReasonText.treats} <a href="#risks">{risk.id}</a> {risk.title}
            </li>
          ))}
        </ul>
      )}
      {reasons.map((reason, index) => (
        <div class="form-row" key={index}>
          <label>
            {soaReasonText.kind}
            <select
              value={reason.kind}
              onChange={(event) =>
                onChange(
                  reasons.map((entry, at) =>
                    at === index ? { ...entry, kind: event.currentTarget.value as OtherKind } : entry,
                  ),
                )
              }
            >
              {OTHER_REASON_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {riskText.soa.kinds[kind]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {soaReasonText.reference}
            <input
              id={`${prefix}-${index}`}
              value={reason.reference}
              placeholder={soaReasonText.referencePlaceholder}
              onInput={(event) =>
                onChange(
                  reasons.map((entry, at) =>
                    at === index ? { ...entry, reference: event.currentTarget.value } : entry,
                  ),
                )
              }
            />
          </label>
          <button
            type="button"
            class="link"
            aria-label={soaReasonText.removeReason(index + 1)}
            onClick={() => onChange(reasons.filter((_, at) => at !== index))}
          >
            {commonText.remove}
          </button>
        </div>
      ))}
      <div class="form-actions">
        <button type="button" onClick={() => onChange([...reasons, { kind: 'legal', reference: '' }])}>
          {soaReasonText.addReason}
        </button>
        <button type="button" onClick={props.onWriteJustification}>
          {soaReasonText.writeJustification}
        </button>
      </div>
    </fieldset>
  );
}
