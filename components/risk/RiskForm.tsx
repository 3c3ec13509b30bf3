import { useMemo, useState } from 'preact/hooks';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { errorText } from '@/utils/isms/labels';
import { riskLevel } from '@/utils/risk/criteria';
import { riskFormProblems } from '@/utils/risk/risk-form';
import {
  RISK_STATUSES,
  TREATMENT_OPTIONS,
  type Risk,
  type RiskCriteria,
  type RiskStatus,
  type ScalePoint,
  type TreatmentOption,
} from '@/utils/risk/types';
import { commonText, riskScreenText, riskText } from '@/utils/text';
import { ControlPicker } from '../soa/ControlPicker';
import { LevelTag } from './LevelTag';

export interface RiskFormProps {
  catalogue: Catalogue;
  criteria: RiskCriteria;
  /** The risk as stored, or a blank one for a new risk. */
  risk: Risk;
  isNew: boolean;
  /** IDs already in the register: a new risk may not take one. */
  takenIds: ReadonlySet<string>;
  /** Resolves when the background saved it; rejects with the sentence to show. */
  onSave: (risk: Risk) => Promise<void>;
  onCancel: () => void;
}

function ScaleSelect(props: {
  label: string;
  points: readonly ScalePoint[];
  value: number | null;
  optional?: boolean;
  onChange: (value: number | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value === null ? '' : String(props.value)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(value === '' ? null : Number(value));
        }}
      >
        {props.optional && <option value="">{riskScreenText.form.notAssessed}</option>}
        {props.points.map((point) => (
          <option key={point.value} value={String(point.value)}>
            {riskScreenText.scalePoint(point.value, point.name)}
          </option>
        ))}
      </select>
    </label>
  );
}

function TextField(props: { label: string; value: string; onInput: (value: string) => void; rows?: number }) {
  return (
    <label>
      {props.label}
      {props.rows ? (
        <textarea
          rows={props.rows}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      ) : (
        <input value={props.value} onInput={(event) => props.onInput(event.currentTarget.value)} />
      )}
    </label>
  );
}

/** Every field of a register entry after ISO/IEC 27005: description, levels, treatment, acceptance, review. */
export function RiskForm({ catalogue, criteria, risk, isNew, takenIds, onSave, onCancel }: RiskFormProps) {
  const [draft, setDraft] = useState<Risk>(risk);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const annexA = useMemo(
    () => ({ ...catalogue, items: catalogue.items.filter((item) => item.kind === 'control') }),
    [catalogue],
  );
  const controlIds = useMemo(() => new Set(annexA.items.map((item) => item.id)), [annexA]);
  const set =
    <K extends keyof Risk>(field: K) =>
    (value: Risk[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));
  const acceptance = draft.acceptance ?? { acceptedBy: '', acceptedAt: '', acceptedUntil: null };
  const setAcceptance = (change: Partial<typeof acceptance>) =>
    setDraft((current) => {
      const next = { ...acceptance, ...change };
      const empty = next.acceptedBy.trim() === '' && next.acceptedAt === '' && next.acceptedUntil === null;
      return { ...current, acceptance: empty ? null : next };
    });
  const inherent = riskLevel(criteria, draft.likelihood, draft.impact);
  const residual =
    draft.residualLikelihood !== null && draft.residualImpact !== null
      ? riskLevel(criteria, draft.residualLikelihood, draft.residualImpact)
      : null;
  const formId = `risk-form-${draft.id.replace(/\W/g, '-') || 'new'}`;

  async function submit(event: Event) {
    event.preventDefault();
    const found = riskFormProblems(criteria, draft, controlIds, isNew ? takenIds : new Set());
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave({ ...draft, id: draft.id.trim() });
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="risk-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{riskScreenText.form.heading(!isNew, draft.id)}</h3>
      <div class="form-row">
        {isNew ? (
          <TextField label={riskText.fields.id} value={draft.id} onInput={set('id')} />
        ) : (
          <p>
            <strong>{riskText.fields.id}</strong> {draft.id}
          </p>
        )}
        <TextField label={riskScreenText.form.titleRequired} value={draft.title} onInput={set('title')} />
        <TextField label={riskText.fields.owner} value={draft.owner} onInput={set('owner')} />
        <label>
          {riskText.fields.status}
          <select
            value={draft.status}
            onChange={(event) => set('status')(event.currentTarget.value as RiskStatus)}
          >
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {riskText.statuses[status]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{riskScreenText.form.description}</legend>
        <div class="form-row">
          <TextField label={riskText.fields.asset} value={draft.asset} onInput={set('asset')} rows={2} />
          <TextField label={riskText.fields.threat} value={draft.threat} onInput={set('threat')} rows={2} />
          <TextField
            label={riskText.fields.vulnerability}
            value={draft.vulnerability}
            onInput={set('vulnerability')}
            rows={2}
          />
          <TextField
            label={riskText.fields.consequence}
            value={draft.consequence}
            onInput={set('consequence')}
            rows={2}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{riskScreenText.form.inherent}</legend>
        <div class="form-row">
          <ScaleSelect
            label={riskText.fields.likelihood}
            points={criteria.likelihood}
            value={draft.likelihood}
            onChange={(value) => set('likelihood')(value ?? 1)}
          />
          <ScaleSelect
            label={riskText.fields.impact}
            points={criteria.impact}
            value={draft.impact}
            onChange={(value) => set('impact')(value ?? 1)}
          />
          <p aria-live="polite">
            {riskScreenText.form.level} <LevelTag level={inherent} />
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>{riskScreenText.form.treatmentHeading}</legend>
        <label>
          {riskText.fields.treatment}
          <select
            value={draft.treatment ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set('treatment')(value === '' ? null : (value as TreatmentOption));
            }}
          >
            <option value="">{riskScreenText.form.noTreatment}</option>
            {TREATMENT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {riskText.treatments[option]}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{riskScreenText.form.controlsHint}</p>
        <ul class="chips" aria-label={riskScreenText.form.treatingControls}>
          {draft.controls.map((controlId) => (
            <li key={controlId} class="chip">
              <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
              <button
                type="button"
                class="link"
                aria-label={commonText.removeItem(controlId)}
                onClick={() => set('controls')(draft.controls.filter((candidate) => candidate !== controlId))}
              >
                {commonText.remove}
              </button>
            </li>
          ))}
        </ul>
        <ControlPicker
          catalogue={annexA}
          selected={draft.controls}
          onAdd={(controlId) => set('controls')([...draft.controls, controlId])}
        />
      </fieldset>
      <fieldset>
        <legend>{riskScreenText.form.residual}</legend>
        <div class="form-row">
          <ScaleSelect
            label={riskScreenText.form.residualLikelihood}
            points={criteria.likelihood}
            value={draft.residualLikelihood}
            optional
            onChange={set('residualLikelihood')}
          />
          <ScaleSelect
            label={riskScreenText.form.residualImpact}
            points={criteria.impact}
            value={draft.residualImpact}
            optional
            onChange={set('residualImpact')}
          />
          <p aria-live="polite">
            {riskScreenText.form.level} <LevelTag level={residual} />
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>{riskScreenText.form.acceptance}</legend>
        <div class="form-row">
          <TextField
            label={riskScreenText.form.acceptedBy}
            value={acceptance.acceptedBy}
            onInput={(acceptedBy) => setAcceptance({ acceptedBy })}
          />
          <label>
            {riskScreenText.form.acceptedOn}
            <input
              type="date"
              value={acceptance.acceptedAt}
              onInput={(event) => setAcceptance({ acceptedAt: event.currentTarget.value })}
            />
          </label>
          <label>
            {riskScreenText.form.acceptedUntil}
            <input
              type="date"
              value={acceptance.acceptedUntil ?? ''}
              onInput={(event) => setAcceptance({ acceptedUntil: event.currentTarget.value || null })}
            />
          </label>
          <label>
            {riskScreenText.form.nextReview}
            <input
              type="date"
              value={draft.nextReview ?? ''}
              onInput={(event) => set('nextReview')(event.currentTarget.value || null)}
            />
          </label>
        </div>
      </fieldset>
      <TextField label={riskText.fields.notes} value={draft.notes} onInput={set('notes')} rows={2} />
      {problems.length > 0 && (
        <div role="alert" class="error" data-testid="risk-problems">
          <p>{commonText.notSaved}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? commonText.saving : riskScreenText.form.save(draft.id)}
        </button>
        <button type="button" onClick={onCancel}>
          {commonText.cancel}
        </button>
      </div>
    </form>
  );
}
