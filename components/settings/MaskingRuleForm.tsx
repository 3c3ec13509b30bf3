import { useState } from 'preact/hooks';
import type { MaskingRule, PatternRule, SelectorRule } from '@/utils/masking/types';
import { patternProblem, selectorProblem } from '@/utils/masking/validate';
import { commonText, maskingEditorText } from '@/utils/text';

/** A rule as the form describes it; the editor gives it an id and switches it on. */
export type MaskingRuleDraft = Omit<PatternRule, 'id' | 'enabled'> | Omit<SelectorRule, 'id' | 'enabled'>;

export interface MaskingRuleFormProps {
  /** The rule being edited, or undefined to add one. */
  rule?: MaskingRule;
  /** A real CSS selector parser (the page's querySelector); throws on an invalid selector. */
  parseSelector: (selector: string) => void;
  onSubmit: (rule: MaskingRuleDraft) => Promise<void>;
  onCancel?: () => void;
}

/** Adds or edits one custom rule: a text pattern (regular expression) or a CSS selector. */
export function MaskingRuleForm({ rule, parseSelector, onSubmit, onCancel }: MaskingRuleFormProps) {
  const [kind, setKind] = useState<MaskingRule['kind']>(rule?.kind ?? 'pattern');
  const [name, setName] = useState(rule?.name ?? '');
  const [pattern, setPattern] = useState(rule?.kind === 'pattern' ? rule.pattern : '');
  const [caseless, setCaseless] = useState(rule?.kind === 'pattern' && (rule.flags ?? '').includes('i'));
  const [selector, setSelector] = useState(rule?.kind === 'selector' ? rule.selector : '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const prefix = rule ? `edit-${rule.id}` : 'new-rule';

  async function submit(event: Event) {
    event.preventDefault();
    const problem =
      name.trim() === ''
        ? maskingEditorText.nameMissing
        : kind === 'pattern'
          ? patternProblem(pattern, caseless ? 'i' : '')
          : selectorProblem(selector.trim(), parseSelector);
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setBusy(true);
    try {
      await onSubmit(
        kind === 'pattern'
          ? { kind: 'pattern', name: name.trim(), pattern, ...(caseless ? { flags: 'i' } : {}) }
          : { kind: 'selector', name: name.trim(), selector: selector.trim() },
      );
      if (!rule) {
        setName('');
        setPattern('');
        setSelector('');
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="masking-rule-form" onSubmit={submit} aria-label={maskingEditorText.formLabel(rule?.name)}>
      <fieldset>
        <legend>{maskingEditorText.formLegend(rule?.name)}</legend>
        <div role="radiogroup" aria-label={maskingEditorText.matchesLabel}>
          <label class="inline">
            <input
              type="radio"
              name={`${prefix}-kind`}
              checked={kind === 'pattern'}
              onChange={() => setKind('pattern')}
            />
            {maskingEditorText.textPattern}
          </label>
          <label class="inline">
            <input
              type="radio"
              name={`${prefix}-kind`}
              checked={kind === 'selector'}
              onChange={() => setKind('selector')}
            />
            {maskingEditorText.pageElements}
          </label>
        </div>
        <label>
          {maskingEditorText.name}
          <input
            data-testid={`${prefix}-name`}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        {kind === 'pattern' ? (
          <>
            <label>
              {maskingEditorText.regularExpression}{' '}
              <span class="hint">{maskingEditorText.regularExpressionHint}</span>
              <input
                data-testid={`${prefix}-pattern`}
                spellcheck={false}
                value={pattern}
                onInput={(e) => setPattern(e.currentTarget.value)}
              />
            </label>
            <label class="inline">
              <input
                type="checkbox"
                checked={caseless}
                onChange={(e) => setCaseless(e.currentTarget.checked)}
              />
              {maskingEditorText.ignoreCase}
            </label>
          </>
        ) : (
          <label>
            {maskingEditorText.cssSelector} <span class="hint">{maskingEditorText.cssSelectorHint}</span>
            <input
              data-testid={`${prefix}-selector`}
              spellcheck={false}
              value={selector}
              onInput={(e) => setSelector(e.currentTarget.value)}
            />
          </label>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {maskingEditorText.submit(rule !== undefined)}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {commonText.cancel}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
