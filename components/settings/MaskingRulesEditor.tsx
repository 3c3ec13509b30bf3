import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILT_IN_RULES } from '@/utils/masking/builtins';
import type { MaskingRule } from '@/utils/masking/types';
import { isPolicyRule, type EffectiveMasking } from '@/utils/settings/effective';
import { maskingEditorText } from '@/utils/text';
import { ManagedNote } from './ManagedNote';
import { MaskingRuleForm } from './MaskingRuleForm';
import { MaskingRuleRow } from './MaskingRuleRow';

export interface MaskingChange {
  enabled: boolean;
  rules: MaskingRule[];
}

export interface MaskingRulesEditorProps {
  masking: EffectiveMasking;
  /** A real CSS selector parser; throws on an invalid selector. */
  parseSelector: (selector: string) => void;
  /** Saves through the background, which checks the rules and the policy again. */
  onSave: (change: MaskingChange) => Promise<void>;
  newId?: () => string;
}

const BUILT_IN_IDS = new Set(BUILT_IN_RULES.map((rule) => rule.id));
const randomId = () => `custom-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Masking on or off, each built-in pattern switchable, and the user's own patterns and selectors. */
export function MaskingRulesEditor({
  masking,
  parseSelector,
  onSave,
  newId = randomId,
}: MaskingRulesEditorProps) {
  const [enabled, setEnabled] = useState(masking.settings.enabled);
  const [rules, setRules] = useState(masking.settings.rules);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const rulesLocked = masking.rules === 'locked';
  // A policy change (or a save from another window) replaces the list; the same values keep the messages.
  const shown = useRef(JSON.stringify(masking.settings));
  useEffect(() => {
    const incoming = JSON.stringify(masking.settings);
    if (incoming === shown.current) return;
    shown.current = incoming;
    setEnabled(masking.settings.enabled);
    setRules(masking.settings.rules);
  }, [masking]);

  /** Forms show a refusal beside their fields (`inForm`); switches and removals in the alert below the list. */
  async function save(change: MaskingChange, done: string, inForm = true) {
    setMessage('');
    setError('');
    try {
      await onSave(change);
      setEnabled(change.enabled);
      setRules(change.rules);
      setMessage(done);
    } catch (failure) {
      if (!inForm) setError(failure instanceof Error ? failure.message : String(failure));
      throw failure;
    }
  }
  const quietly = (change: MaskingChange, done: string) => save(change, done, false).catch(() => {});
  const replace = (id: string, next: MaskingRule | null) =>
    rules.flatMap((rule) => (rule.id !== id ? [rule] : next ? [next] : []));

  const builtIns = rules.filter((rule) => BUILT_IN_IDS.has(rule.id));
  const fromPolicy = rules.filter(isPolicyRule);
  const own = rules.filter((rule) => !BUILT_IN_IDS.has(rule.id) && !isPolicyRule(rule));
  const row = (rule: MaskingRule, editable: boolean) => (
    <MaskingRuleRow
      key={rule.id}
      rule={rule}
      locked={rulesLocked}
      onToggle={(on) =>
        quietly(
          { enabled, rules: replace(rule.id, { ...rule, enabled: on }) },
          maskingEditorText.ruleSwitched(rule.name, on),
        )
      }
      {...(editable
        ? {
            onEdit: () => setEditing(rule.id),
            onRemove: () =>
              quietly({ enabled, rules: replace(rule.id, null) }, maskingEditorText.ruleRemoved(rule.name)),
          }
        : {})}
    />
  );

  return (
    <section class="masking-editor" aria-labelledby="masking-heading" data-testid="masking-editor">
      <h3 id="masking-heading">{maskingEditorText.heading}</h3>
      <p class="hint">{maskingEditorText.intro}</p>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="settings-masking-enabled"
          checked={enabled}
          disabled={masking.enabled === 'locked'}
          onChange={(event) =>
            quietly(
              { enabled: event.currentTarget.checked, rules },
              maskingEditorText.maskingSwitched(event.currentTarget.checked),
            )
          }
        />
        {maskingEditorText.enabled}
      </label>
      <ManagedNote management={masking.enabled} testId="masking-enabled-managed" />
      {rulesLocked && (
        <p class="hint" data-testid="masking-rules-locked">
          {maskingEditorText.rulesLocked}
        </p>
      )}
      <h4>{maskingEditorText.builtIns}</h4>
      <ul class="rule-list">{builtIns.map((rule) => row(rule, false))}</ul>
      {fromPolicy.length > 0 && (
        <>
          <h4>
            {maskingEditorText.organisationRules}{' '}
            <ManagedNote management={rulesLocked ? 'locked' : 'default'} />
          </h4>
          <ul class="rule-list">{fromPolicy.map((rule) => row(rule, false))}</ul>
        </>
      )}
      <h4>{maskingEditorText.ownRules}</h4>
      {own.length === 0 && <p class="hint">{maskingEditorText.noneYet}</p>}
      <ul class="rule-list" data-testid="own-rules">
        {own.map((rule) =>
          editing === rule.id ? (
            <li key={rule.id}>
              <MaskingRuleForm
                rule={rule}
                parseSelector={parseSelector}
                onCancel={() => setEditing(null)}
                onSubmit={async (edited) => {
                  await save(
                    {
                      enabled,
                      rules: replace(rule.id, {
                        ...edited,
                        id: rule.id,
                        enabled: rule.enabled,
                      }),
                    },
                    maskingEditorText.ruleSaved(edited.name),
                  );
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            row(rule, !rulesLocked)
          ),
        )}
      </ul>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" class="saved">
          {message}
        </p>
      )}
      {!rulesLocked && (
        <MaskingRuleForm
          parseSelector={parseSelector}
          onSubmit={(rule) =>
            save(
              { enabled, rules: [...rules, { ...rule, id: newId(), enabled: true }] },
              maskingEditorText.ruleAdded(rule.name),
            )
          }
        />
      )}
    </section>
  );
}
