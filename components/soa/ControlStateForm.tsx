import { useRef, useState } from 'preact/hooks';
import type { CatalogueItem } from '@/utils/catalogue/types';
import { IMPLEMENTATION_STATUSES, type ControlState, type ImplementationStatus } from '@/utils/isms/types';
import { validateControlState } from '@/utils/isms/validate';
import { errorText, IMPLEMENTATION_LABELS } from '@/utils/isms/labels';
import { commonText, soaText } from '@/utils/text';
import { controlReasons, justificationFrom, type InclusionReason } from '@/utils/risk/soa-reasons';
import type { Risk } from '@/utils/risk/types';
import { InclusionReasons } from './InclusionReasons';

export interface ControlStateFormProps {
  item: CatalogueItem;
  /** The recorded decision; undefined when none is recorded yet. */
  state: ControlState | undefined;
  knownIds: ReadonlySet<string>;
  /** Open risks of the register that this control treats. */
  treatingRisks?: readonly Risk[];
  /** Resolves when the background saved it; rejects with the sentence to show. */
  onSave: (state: Omit<ControlState, 'updatedAt'>) => Promise<void>;
  onClose: () => void;
}

/** One SoA row: applicability, justification (required when excluded), implementation, owner, cadence, notes. */
export function ControlStateForm(props: ControlStateFormProps) {
  const { item, state, knownIds, onSave, onClose, treatingRisks = [] } = props;
  const mandatory = item.kind === 'clause';
  const [applicable, setApplicable] = useState(mandatory || (state?.applicable ?? true));
  const [reasons, setReasons] = useState<InclusionReason[]>(state?.reasons ?? []);
  const reasonsNow = () => controlReasons(item.id, treatingRisks, reasons);
  // An applicable control's empty justification starts from its reasons; the user may rewrite it.
  const [justification, setJustification] = useState(
    state?.justification ||
      ((state?.applicable ?? true) && !mandatory ? justificationFrom(reasonsNow()) : ''),
  );
  const [implementation, setImplementation] = useState<ImplementationStatus>(
    state?.implementation ?? 'not-started',
  );
  const [owner, setOwner] = useState(state?.owner ?? '');
  const [cadence, setCadence] = useState(
    state?.cadenceDays === null || !state ? '' : String(state.cadenceDays),
  );
  const [notes, setNotes] = useState(state?.notes ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const justificationField = useRef<HTMLTextAreaElement>(null);
  const prefix = `soa-${item.id.replace(/\W/g, '-')}`;
  const justificationMissing = !applicable && justification.trim() === '';

  async function submit(event: Event) {
    event.preventDefault();
    setSaved('');
    const row: Omit<ControlState, 'updatedAt'> = {
      controlId: item.id,
      applicable,
      justification: justification.trim(),
      implementation,
      owner: owner.trim(),
      cadenceDays: cadence.trim() === '' ? null : Number(cadence),
      notes: notes.trim(),
      ...(reasons.length > 0 || state?.reasons
        ? { reasons: reasons.map((reason) => ({ ...reason, reference: reason.reference.trim() })) }
        : {}),
    };
    const found = validateControlState(row, knownIds);
    setProblems(found);
    if (found.length > 0) {
      if (justificationMissing) justificationField.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(row);
      setSaved(soaText.saved(item.id));
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="control-state-form" onSubmit={submit} noValidate aria-label={soaText.formLabel(item.id)}>
      <fieldset>
        <legend>{soaText.applicability}</legend>
        <label class="inline">
          <input
            type="radio"
            name={`${prefix}-applicable`}
            checked={applicable}
            disabled={mandatory}
            onChange={() => setApplicable(true)}
          />{' '}
          {soaText.applicable}
        </label>
        <label class="inline">
          <input
            type="radio"
            name={`${prefix}-applicable`}
            checked={!applicable}
            disabled={mandatory}
            onChange={() => setApplicable(false)}
          />{' '}
          {soaText.excluded}
        </label>
        {mandatory && <p class="hint">{soaText.clausesMandatory}</p>}
      </fieldset>
      {!mandatory && applicable && (
        <InclusionReasons
          controlId={item.id}
          treatingRisks={treatingRisks}
          reasons={reasons}
          onChange={setReasons}
          onWriteJustification={() => setJustification(justificationFrom(reasonsNow()))}
        />
      )}
      <label>
        {soaText.justification} {applicable ? soaText.whyIncluded : soaText.whyExcluded}
        <textarea
          ref={justificationField}
          rows={2}
          value={justification}
          required={!applicable}
          aria-invalid={problems.length > 0 && justificationMissing ? 'true' : undefined}
          onInput={(event) => setJustification(event.currentTarget.value)}
        />
      </label>
      <div class="form-row">
        <label>
          {soaText.implementation}
          <select
            value={implementation}
            onChange={(event) => setImplementation(event.currentTarget.value as ImplementationStatus)}
          >
            {IMPLEMENTATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {IMPLEMENTATION_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {soaText.owner}
          <input value={owner} onInput={(event) => setOwner(event.currentTarget.value)} />
        </label>
        <label>
          {soaText.cadenceInDays}{' '}
          <span class="hint">{soaText.cadenceDefault(item.cadenceDays, item.cadenceLabel)}</span>
          <input
            type="number"
            min={1}
            max={3650}
            step={1}
            inputMode="numeric"
            value={cadence}
            placeholder={String(item.cadenceDays)}
            onInput={(event) => setCadence(event.currentTarget.value)}
          />
        </label>
      </div>
      <label>
        {commonText.notes}
        <textarea rows={2} value={notes} onInput={(event) => setNotes(event.currentTarget.value)} />
      </label>
      {problems.length > 0 && (
        <div role="alert" class="error" data-testid="soa-problems">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {saved && (
        <p role="status" class="saved">
          {saved}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? commonText.saving : soaText.save(item.id)}
        </button>
        <button type="button" onClick={onClose}>
          {commonText.close}
        </button>
      </div>
    </form>
  );
}
