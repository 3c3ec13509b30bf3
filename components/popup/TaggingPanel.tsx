import { useState } from 'preact/hooks';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import type { EvidenceRecord } from '@/utils/evidence/types';
import type { FractionRect } from '@/utils/redaction/rectangles';
import { filingTargetKey, type FilingTarget } from '@/utils/requests/list-view';
import { commonText, requestText, taggingText } from '@/utils/text';
import { BlackoutEditor } from './BlackoutEditor';
import { ControlPicker } from '../soa/ControlPicker';
import '../styles/blackout.css';
import { NotesAndDateFields } from '../audit/NotesAndDateFields';
import type { Suggestion } from '@/utils/rules/suggest';

export interface TaggingChoice {
  controls: string[];
  notes: string;
  effectiveDate: string;
  /** The request (or sample item) the capture is filed against; absent when none was chosen. */
  filing?: FilingTarget;
}

export interface TaggingPanelProps {
  catalogue: Catalogue;
  evidence: Pick<
    EvidenceRecord,
    'id' | 'title' | 'url' | 'capturedAt' | 'controls' | 'notes' | 'effectiveDate'
  >;
  suggestedControls: readonly string[];
  /** The reasons behind the suggestions (shown on hover and focus); absent for a stored capture. */
  suggestions?: readonly Suggestion[];
  thumbnailUrl: string;
  onSave: (choice: TaggingChoice) => Promise<void>;
  /** Blacks out areas of the stored images; absent where the capture has no screenshot. */
  onBlackout?: (rectangles: FractionRect[]) => Promise<void>;
  /** Requests the capture can be filed against; the choice is offered only when there are some. */
  filingTargets?: readonly FilingTarget[];
  /** The request chosen before the capture (a capture started for it). */
  initialFiling?: FilingTarget | null;
}

/** Confirms the controls a capture proves, with notes and the day it attests to. */
export function TaggingPanel({
  catalogue,
  evidence,
  suggestedControls,
  suggestions = [],
  thumbnailUrl,
  onSave,
  onBlackout,
  filingTargets = [],
  initialFiling = null,
}: TaggingPanelProps) {
  const [blackingOut, setBlackingOut] = useState(false);
  const [filing, setFiling] = useState<FilingTarget | null>(initialFiling);
  const [offered, setOffered] = useState<string[]>(() =>
    unique([...suggestedControls, ...evidence.controls, ...(initialFiling?.controls ?? [])]),
  );
  const [checked, setChecked] = useState<string[]>(() =>
    unique([...evidence.controls, ...(initialFiling?.controls ?? [])]),
  );
  const [notes, setNotes] = useState(evidence.notes);
  const [effectiveDate, setEffectiveDate] = useState(evidence.effectiveDate);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');

  /** Filing against a request also tags the request's controls, shown ticked before the save. */
  function chooseFiling(key: string) {
    const target = filingTargets.find((candidate) => filingTargetKey(candidate) === key) ?? null;
    setFiling(target);
    if (!target) return;
    setOffered((current) => unique([...current, ...target.controls]));
    setChecked((current) => unique([...current, ...target.controls]));
  }

  const toggle = (controlId: string, on: boolean) =>
    setChecked((current) =>
      on ? unique([...current, controlId]) : current.filter((id) => id !== controlId),
    );

  async function save(event: Event) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
      setError(taggingText.effectiveDateMissing);
      return;
    }
    setSaving(true);
    setError('');
    try {
      await onSave({ controls: checked, notes: notes.trim(), effectiveDate, ...(filing ? { filing } : {}) });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="tagging" data-testid="tagging" onSubmit={save} aria-label={taggingText.label(evidence.id)}>
      <div class="tagging-head">
        {thumbnailUrl && (
          <img
            data-testid="capture-thumbnail"
            src={thumbnailUrl}
            alt={taggingText.screenshotOf(evidence.title)}
          />
        )}
        <div>
          <p class="evidence-id">{evidence.id}</p>
          <p class="evidence-title" title={evidence.url}>
            {evidence.title || evidence.url}
          </p>
        </div>
      </div>
      {onBlackout && thumbnailUrl && (
        <button
          type="button"
          class="link"
          data-testid="blackout-toggle"
          aria-expanded={blackingOut}
          aria-controls="blackout-panel"
          onClick={() => setBlackingOut(!blackingOut)}
        >
          {blackingOut ? taggingText.closeBlackout : taggingText.openBlackout}
        </button>
      )}
      {onBlackout && thumbnailUrl && blackingOut && (
        <div id="blackout-panel">
          <BlackoutEditor
            imageUrl={thumbnailUrl}
            imageAlt={taggingText.screenshotToBlackOut(evidence.title)}
            onApply={onBlackout}
          />
        </div>
      )}
      {filingTargets.length > 0 && (
        <label class="filing-choice">
          {requestText.popup.fileAgainst}
          <select
            data-testid="file-against"
            value={filing ? filingTargetKey(filing) : ''}
            onChange={(event) => chooseFiling(event.currentTarget.value)}
          >
            <option value="">{requestText.popup.none}</option>
            {filingTargets.map((target) => (
              <option key={filingTargetKey(target)} value={filingTargetKey(target)}>
                {requestText.popup.option(target.label, target.text)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend>{taggingText.controlsShown}</legend>
        {offered.length === 0 && <p class="hint">{taggingText.noneSuggested}</p>}
        {offered.map((controlId) => {
          const suggestion = suggestions.find((entry) => entry.controlId === controlId);
          const reasonId = `suggestion-reason-${controlId}`;
          return (
            <label key={controlId} class="control-choice">
              <input
                type="checkbox"
                data-control-id={controlId}
                checked={checked.includes(controlId)}
                onChange={(event) => toggle(controlId, event.currentTarget.checked)}
                {...(suggestion ? { 'aria-describedby': reasonId } : {})}
              />
              <strong>{controlId}</strong> {titleOf(catalogue, controlId)}
              {suggestedControls.includes(controlId) && (
                <span class="tag">
                  {suggestion && !suggestion.preTicked ? taggingText.alsoSuggested : taggingText.suggested}
                </span>
              )}
              {suggestion && (
                <span class="suggestion-reason" id={reasonId} role="tooltip" data-testid="suggestion-reason">
                  {taggingText.suggestionReason(suggestion.reasons, suggestion.preTicked)}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <ControlPicker
        catalogue={catalogue}
        selected={offered}
        onAdd={(controlId) => {
          setOffered((current) => unique([...current, controlId]));
          toggle(controlId, true);
        }}
      />
      <NotesAndDateFields
        notes={notes}
        onNotes={setNotes}
        effectiveDate={effectiveDate}
        onEffectiveDate={setEffectiveDate}
        testIds={{ notes: 'notes', effectiveDate: 'effective-date' }}
        rows={2}
        dateHint={taggingText.dateHint}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" data-testid="save-tagging" disabled={saving}>
        {saving
          ? commonText.saving
          : checked.length === 0
            ? taggingText.saveWithout
            : taggingText.saveWith(checked.length)}
      </button>
    </form>
  );
}

/** An ISO ID as typed ('a8.13') or another framework's exact ID ('A1.2' is SOC 2, not A.1.2). */
function titleOf(catalogue: Catalogue, controlId: string): string {
  return (
    (catalogue.items.find((item) => item.id === controlId) ?? findItem(catalogue, controlId))?.title ?? ''
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
