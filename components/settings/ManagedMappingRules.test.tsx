import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@/utils/settings/policy';
import { ManagedMappingRules } from './ManagedMappingRules';

const { policy } = parsePolicy({
  mappingRules: [{ id: 'veeam', kind: 'url', pattern: '*veeam*/jobs*', controls: ['A.8.13', 'A.8.15'] }],
});

describe('ManagedMappingRules', () => {
  it('lists the organisation’s rules and says how they apply', () => {
    render(<ManagedMappingRules rules={policy.mappingRules!} management="locked" />);
    const section = screen.getByTestId('managed-mapping-rules');
    expect(section.textContent).toContain('*veeam*/jobs*');
    expect(section.textContent).toContain('→ A.8.13, A.8.15');
    expect(section.textContent).toContain('Only these rules suggest controls');
    expect(section.textContent).toContain('Set by your organisation');
  });

  it('shows nothing when the policy sets no rules', () => {
    render(<ManagedMappingRules rules={[]} management="local" />);
    expect(screen.queryByTestId('managed-mapping-rules')).toBeNull();
  });
});
