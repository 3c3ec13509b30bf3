import type { MappingRule } from '@/utils/isms/types';
import type { Management } from '@/utils/settings/effective';
import { ManagedNote } from './ManagedNote';

export interface ManagedMappingRulesProps {
  rules: readonly MappingRule[];
  /** `locked`: only these rules suggest controls; `default`: they come after the built-in ones. */
  management: Management;
}

/** The organisation's rules that suggest controls for captures: shown, never edited here. */
export function ManagedMappingRules({ rules, management }: ManagedMappingRulesProps) {
  if (rules.length === 0) return null;
  return (
    <section
      class="managed-mapping-rules"
      aria-labelledby="managed-mapping-heading"
      data-testid="managed-mapping-rules"
    >
      <h3 id="managed-mapping-heading">Your organisation’s rules for suggesting controls</h3>
      <ManagedNote management={management} />
      <p class="hint">
        {management === 'locked'
          ? 'Only these rules suggest controls for your captures.'
          : 'These rules suggest controls for your captures, after the built-in ones.'}
      </p>
      <ul class="rule-list">
        {rules.map((rule) => (
          <li key={rule.id} class="rule-row">
            <span>{rule.kind === 'url' ? 'Address matches' : 'Page mentions'}</span>
            <code class="rule-source" title={rule.pattern}>
              {rule.pattern}
            </code>
            <span>→ {rule.controls.join(', ')}</span>
            {!rule.enabled && <span class="hint">(switched off)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
