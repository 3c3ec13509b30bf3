import type { MappingRule } from '@/utils/isms/types';
import type { Management } from '@/utils/settings/effective';
import { policyText } from '@/utils/text';
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
      <h3 id="managed-mapping-heading">{policyText.mappingRulesHeading}</h3>
      <ManagedNote management={management} />
      <p class="hint">
        {management === 'locked' ? policyText.mappingRulesOnly : policyText.mappingRulesAfter}
      </p>
      <ul class="rule-list">
        {rules.map((rule) => (
          <li key={rule.id} class="rule-row">
            <span>{rule.kind === 'url' ? policyText.addressMatches : policyText.pageMentions}</span>
            <code class="rule-source" title={rule.pattern}>
              {rule.pattern}
            </code>
            <span>→ {rule.controls.join(', ')}</span>
            {!rule.enabled && <span class="hint">{policyText.switchedOff}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
