import { describe, expect, it } from 'vitest';
import { effectiveFrameworks, frameworkScopeRow, frameworksLockProblem } from './frameworks';
import { parsePolicy } from './policy';

describe('frameworks in scope', () => {
  it('has ISO alone until SOC 2 or CSF is turned on, and ISO cannot be turned off', () => {
    expect(effectiveFrameworks(undefined, {})).toEqual({ inScope: ['iso27001'], management: 'local' });
    expect(effectiveFrameworks(frameworkScopeRow(['nist-csf', 'soc2', 'iso27001']), {}).inScope).toEqual([
      'iso27001',
      'soc2',
      'nist-csf',
    ]);
    expect(effectiveFrameworks(frameworkScopeRow([]), {}).inScope).toEqual(['iso27001']);
  });

  it('ignores a framework it does not know in a stored row', () => {
    const row = { id: 'frameworks' as const, optional: ['soc2', 'pci-dss'] as never };
    expect(effectiveFrameworks(row, {}).inScope).toEqual(['iso27001', 'soc2']);
  });

  it('takes the organisation’s policy as a default the user may override, or as locked', () => {
    const { policy } = parsePolicy({ frameworks: ['soc2'] });
    expect(effectiveFrameworks(undefined, policy)).toEqual({
      inScope: ['iso27001', 'soc2'],
      management: 'default',
    });
    expect(effectiveFrameworks(frameworkScopeRow([]), policy).inScope).toEqual(['iso27001']);

    const locked = parsePolicy({ frameworks: ['soc2'], locked: ['frameworks'] }).policy;
    const effective = effectiveFrameworks(frameworkScopeRow(['nist-csf']), locked);
    expect(effective).toEqual({ inScope: ['iso27001', 'soc2'], management: 'locked' });
    expect(frameworksLockProblem(['soc2'], effective)).toBeNull();
    expect(frameworksLockProblem([], effective)).toMatch(/sets the frameworks in scope by policy/);
  });

  it('ignores a policy value that names an unknown framework, with a sentence', () => {
    const { policy, problems } = parsePolicy({ frameworks: ['soc2', 'hipaa'] });
    expect(policy.frameworks).toBeUndefined();
    expect(problems).toEqual([
      'The policy value “frameworks” was ignored: it must be a list of soc2, nist-csf.',
    ]);
  });
});
