import { useState } from 'preact/hooks';
import { errorText } from '@/utils/isms/labels';
import { criteriaProblems, risksOffScale } from '@/utils/risk/criteria-check';
import { combine } from '@/utils/risk/criteria';
import { withMatrixCell, withMethod, withScaleLength, type ScaleName } from '@/utils/risk/criteria-edit';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { commonText, riskScreenText, riskText } from '@/utils/text';

export interface RiskCriteriaPanelProps {
  criteria: RiskCriteria;
  risks: readonly Risk[];
  onSave: (criteria: RiskCriteria) => Promise<void>;
}

const SCALE_LENGTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The organisation's risk criteria (clause 6.1.2 a): the named scales, how they combine into a score,
 * the named levels, the acceptance threshold, the level Stage 2 wants evidence for and the review interval.
 */
export function RiskCriteriaPanel({ criteria, risks, onSave }: RiskCriteriaPanelProps) {
  const [draft, setDraft] = useState<RiskCriteria>(criteria);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const offScale = risksOffScale(draft, risks);

  async function submit(event: Event) {
    event.preventDefault();
    setSaved('');
    const found = criteriaProblems(draft);
    if (offScale.length > 0) found.push(riskScreenText.criteria.offScale(offScale.map((risk) => risk.id)));
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(draft);
      setSaved(riskScreenText.criteria.saved);
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  function scaleFields(scale: ScaleName, label: string) {
    return (
      <fieldset>
        <legend>{riskScreenText.criteria.scale(label)}</legend>
        <label>
          {riskScreenText.criteria.points}
          <select
            value={String(draft[scale].length)}
            onChange={(event) => setDraft(withScaleLength(draft, scale, Number(event.currentTarget.value)))}
          >
            {SCALE_LENGTHS.map((length) => (
              <option key={length} value={String(length)}>
                {length}
              </option>
            ))}
          </select>
        </label>
        <div class="form-row">
          {draft[scale].map((point, index) => (
            <label key={point.value}>
              {riskScreenText.criteria.pointName(label, point.value)}
              <input
                value={point.name}
                onInput={(event) => {
                  const name = event.currentTarget.value;
                  setDraft({
                    ...draft,
                    [scale]: draft[scale].map((candidate, at) =>
                      at === index ? { ...candidate, name } : candidate,
                    ),
                  });
                }}
              />
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  return (
    <section class="risk-criteria" aria-labelledby="risk-criteria-heading">
      <h2 id="risk-criteria-heading">{riskScreenText.criteria.heading}</h2>
      <p class="hint">{riskScreenText.criteria.intro}</p>
      <form onSubmit={submit} noValidate aria-labelledby="risk-criteria-heading">
        {scaleFields('likelihood', riskText.fields.likelihood)}
        {scaleFields('impact', riskText.fields.impact)}
        <fieldset>
          <legend>{riskScreenText.criteria.combination}</legend>
          <label class="inline">
            <input
              type="radio"
              name="risk-combination"
              checked={draft.combination.method === 'product'}
              onChange={() => setDraft(withMethod(draft, 'product'))}
            />{' '}
            {riskScreenText.criteria.product}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="risk-combination"
              checked={draft.combination.method === 'matrix'}
              onChange={() => setDraft(withMethod(draft, 'matrix'))}
            />{' '}
            {riskScreenText.criteria.matrix}
          </label>
          <div class="table-scroll">
            <table class="data risk-matrix" data-testid="risk-matrix">
              <caption>{riskScreenText.criteria.matrixCaption}</caption>
              <thead>
                <tr>
                  <td />
                  {draft.impact.map((point) => (
                    <th key={point.value} scope="col">
                      {riskScreenText.scalePoint(point.value, point.name)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {draft.likelihood.map((row) => (
                  <tr key={row.value}>
                    <th scope="row">{riskScreenText.scalePoint(row.value, row.name)}</th>
                    {draft.impact.map((column) => {
                      const score = combine(draft, row.value, column.value);
                      return (
                        <td key={column.value}>
                          {draft.combination.method === 'matrix' ? (
                            <input
                              type="number"
                              class="matrix-cell"
                              aria-label={riskScreenText.criteria.cell(row.name, column.name)}
                              value={score === null ? '' : String(score)}
                              onInput={(event) =>
                                setDraft(
                                  withMatrixCell(
                                    draft,
                                    row.value,
                                    column.value,
                                    Number(event.currentTarget.value),
                                  ),
                                )
                              }
                            />
                          ) : (
                            (score ?? commonText.none)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        <fieldset>
          <legend>{riskScreenText.criteria.levels}</legend>
          <div class="form-row">
            {draft.bands.map((band, index) => (
              <div key={band.id} class="band">
                <label>
                  {riskScreenText.criteria.levelName(index + 1)}
                  <input
                    value={band.name}
                    onInput={(event) => {
                      const name = event.currentTarget.value;
                      setDraft({
                        ...draft,
                        bands: draft.bands.map((b, at) => (at === index ? { ...b, name } : b)),
                      });
                    }}
                  />
                </label>
                <label>
                  {riskScreenText.criteria.fromScore(band.name)}
                  <input
                    type="number"
                    value={String(band.minScore)}
                    onInput={(event) => {
                      const minScore = Number(event.currentTarget.value);
                      setDraft({
                        ...draft,
                        bands: draft.bands.map((b, at) => (at === index ? { ...b, minScore } : b)),
                      });
                    }}
                  />
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="form-row">
          <label>
            {riskScreenText.criteria.threshold}
            <input
              type="number"
              value={String(draft.acceptanceThreshold)}
              onInput={(event) =>
                setDraft({ ...draft, acceptanceThreshold: Number(event.currentTarget.value) })
              }
            />
          </label>
          <label>
            {riskScreenText.criteria.stage2Level}
            <select
              value={draft.evidenceBandId}
              onChange={(event) => setDraft({ ...draft, evidenceBandId: event.currentTarget.value })}
            >
              {draft.bands.map((band) => (
                <option key={band.id} value={band.id}>
                  {riskScreenText.criteria.andAbove(band.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {riskScreenText.criteria.reviewInterval}
            <input
              type="number"
              min={1}
              value={String(draft.reviewIntervalMonths)}
              onInput={(event) =>
                setDraft({ ...draft, reviewIntervalMonths: Number(event.currentTarget.value) })
              }
            />
          </label>
        </div>
        {offScale.length > 0 && problems.length === 0 && (
          <p class="warning">{riskScreenText.criteria.offScale(offScale.map((risk) => risk.id))}</p>
        )}
        {problems.length > 0 && (
          <div role="alert" class="error" data-testid="criteria-problems">
            <p>{commonText.notSaved}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {saved && (
          <p role="status" class="saved">
            {saved}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? commonText.saving : riskScreenText.criteria.save}
          </button>
        </div>
      </form>
    </section>
  );
}
