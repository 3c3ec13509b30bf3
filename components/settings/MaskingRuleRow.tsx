import type { MaskingRule } from '@/utils/masking/types';
import { commonText, maskingEditorText } from '@/utils/text';

export interface MaskingRuleRowProps {
  rule: MaskingRule;
  locked: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit?: () => void;
  onRemove?: () => void;
}

/** One rule: its on/off switch, what it matches, and (for the user's own) edit and remove. */
export function MaskingRuleRow({ rule, locked, onToggle, onEdit, onRemove }: MaskingRuleRowProps) {
  const source = rule.kind === 'pattern' ? rule.pattern : rule.selector;
  return (
    <li class="rule-row" data-rule-id={rule.id}>
      <label class="inline">
        <input
          type="checkbox"
          data-testid={`rule-enabled-${rule.id}`}
          checked={rule.enabled}
          disabled={locked}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
        {rule.name}
      </label>
      <span class="hint">
        {rule.kind === 'pattern' ? maskingEditorText.kindPattern : maskingEditorText.kindElements}
      </span>{' '}
      <code class="rule-source" title={source}>
        {source}
      </code>
      {onEdit && (
        <button type="button" class="link" onClick={onEdit} aria-label={commonText.editItem(rule.name)}>
          {commonText.edit}
        </button>
      )}
      {onRemove && (
        <button type="button" class="link" onClick={onRemove} aria-label={commonText.removeItem(rule.name)}>
          {commonText.remove}
        </button>
      )}
    </li>
  );
}
