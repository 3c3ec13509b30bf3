import { useState } from 'preact/hooks';
import { deriveCycleDates } from '@/utils/coverage/audit-plan';
import type { AuditPlan } from '@/utils/isms/types';
import { errorText } from '@/utils/isms/labels';
import {
  checkPlan,
  CYCLE_FIELDS,
  DATE_LABELS,
  invalidFields,
  type AuditPlanInput,
  type DateField,
} from '@/utils/coverage/plan-checks';
import { commonText, planText } from '@/utils/text';

export type { AuditPlanInput } from '@/utils/coverage/plan-checks';

export interface AuditPlanFormProps {
  plan: AuditPlan | null;
  /** Organisation from the settings, proposed when the plan names none. */
  defaultOrganisation: string;
  /** Resolves with the background's warnings; rejects with the sentence to show. */
  onSave: (plan: AuditPlanInput) => Promise<string[]>;
}

type Form = Record<DateField | 'certificationBody' | 'organisation' | 'scope', string>;

function toForm(plan: AuditPlan | null, defaultOrganisation: string): Form {
  return {
    certificationBody: plan?.certificationBody ?? '',
    organisation: plan?.organisation || defaultOrganisation,
    scope: plan?.scope ?? '',
    stage1Date: plan?.stage1Date ?? '',
    stage2Date: plan?.stage2Date ?? '',
    windowStart: plan?.windowStart ?? '',
    windowEnd: plan?.windowEnd ?? '',
    certificationDate: plan?.certificationDate ?? '',
    surveillance1Date: plan?.surveillance1Date ?? '',
    surveillance2Date: plan?.surveillance2Date ?? '',
    recertificationDate: plan?.recertificationDate ?? '',
  };
}

const day = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function toPlan(form: Form): AuditPlanInput {
  return {
    certificationBody: form.certificationBody.trim(),
    organisation: form.organisation.trim(),
    scope: form.scope.trim(),
    stage1Date: day(form.stage1Date),
    stage2Date: day(form.stage2Date),
    windowStart: day(form.windowStart),
    windowEnd: day(form.windowEnd),
    certificationDate: day(form.certificationDate),
    surveillance1Date: day(form.surveillance1Date),
    surveillance2Date: day(form.surveillance2Date),
    recertificationDate: day(form.recertificationDate),
  };
}

/**
 * The audit plan: who certifies, the two stages, the operating period and the three-year cycle.
 * Warnings appear while typing; impossible dates refuse the save with the reason.
 */
export function AuditPlanForm({ plan, defaultOrganisation, onSave }: AuditPlanFormProps) {
  const [form, setForm] = useState<Form>(() => toForm(plan, defaultOrganisation));
  const [refused, setRefused] = useState<string[]>([]);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const { errors, warnings } = checkPlan(toPlan(form));
  const cycle = form.certificationDate ? deriveCycleDates(form.certificationDate) : null;
  const invalid = invalidFields(toPlan(form));

  function set(field: keyof Form, value: string) {
    setSaved(null);
    setForm((current) => {
      const next = { ...current, [field]: value };
      if (field !== 'certificationDate') return next;
      // The cycle follows the certification date unless someone changed those dates by hand.
      const before = current.certificationDate ? deriveCycleDates(current.certificationDate) : null;
      const after = deriveCycleDates(value);
      if (after === null) return next;
      for (const cycleField of CYCLE_FIELDS) {
        if (current[cycleField] === '' || current[cycleField] === before?.[cycleField]) {
          next[cycleField] = after[cycleField];
        }
      }
      return next;
    });
  }

  function deriveAll() {
    if (cycle === null) return;
    setSaved(null);
    setForm((current) => ({
      ...current,
      ...Object.fromEntries(CYCLE_FIELDS.map((field) => [field, cycle[field]])),
    }));
  }

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    if (errors.length > 0) {
      setRefused(errors);
      return;
    }
    setRefused([]);
    setSaving(true);
    try {
      setSaved(await onSave(toPlan(form)));
    } catch (failure) {
      setRefused([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  const dateInput = (field: DateField, hint?: string) => (
    <label>
      {DATE_LABELS[field]}
      {hint && <span class="hint"> {hint}</span>}
      <input
        type="date"
        name={field}
        value={form[field]}
        aria-invalid={invalid.has(field) || undefined}
        onInput={(event) => set(field, event.currentTarget.value)}
      />
    </label>
  );

  return (
    <form class="audit-plan-form" onSubmit={submit} noValidate aria-labelledby="plan-heading">
      <h2 id="plan-heading">{planText.heading}</h2>
      <div class="form-row">
        <label>
          {planText.certificationBody}
          <input
            name="certificationBody"
            value={form.certificationBody}
            onInput={(event) => set('certificationBody', event.currentTarget.value)}
          />
        </label>
        <label>
          {planText.organisation}
          <input
            name="organisation"
            value={form.organisation}
            onInput={(event) => set('organisation', event.currentTarget.value)}
          />
        </label>
      </div>
      <label>
        {planText.scope}
        <textarea
          name="scope"
          rows={2}
          value={form.scope}
          onInput={(event) => set('scope', event.currentTarget.value)}
        />
      </label>
      <fieldset>
        <legend>{planText.certificationAudit}</legend>
        <div class="form-row">
          {dateInput('stage1Date', planText.stage1Hint)}
          {dateInput('stage2Date', planText.stage2Hint)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{planText.auditWindow}</legend>
        <div class="form-row">
          {dateInput('windowStart')}
          {dateInput('windowEnd')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{planText.certificationCycle}</legend>
        {dateInput('certificationDate')}
        <p class="hint">{cycle ? planText.validUntil(cycle.expiryDate) : planText.enterCertificationDate}</p>
        <div class="form-row">
          {dateInput('surveillance1Date')}
          {dateInput('surveillance2Date')}
          {dateInput('recertificationDate')}
        </div>
        <button type="button" onClick={deriveAll} disabled={cycle === null}>
          {planText.derive}
        </button>
      </fieldset>
      <div aria-live="polite" data-testid="plan-checks">
        {errors.length > 0 && (
          <ul class="plan-errors error">
            {errors.map((error) => (
              <li key={error}>
                <span aria-hidden="true">✗ </span>
                {error}
              </li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul class="plan-warnings warning" data-testid="plan-warnings">
            {warnings.map((warning) => (
              <li key={warning}>
                <span aria-hidden="true">⚠ </span>
                {warning}
              </li>
            ))}
          </ul>
        )}
      </div>
      {refused.length > 0 && (
        <div role="alert" class="error" data-testid="plan-refused">
          <p>{commonText.notSaved}</p>
          <ul>
            {refused.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <p role="status" class="saved">
          {planText.saved(saved.length)}
        </p>
      )}
      <button type="submit" class="primary" disabled={saving}>
        {saving ? commonText.saving : planText.save}
      </button>
    </form>
  );
}
