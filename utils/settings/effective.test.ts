import { describe, expect, it } from 'vitest';
import type { MappingRule, Settings } from '../isms/types';
import { withBuiltIns } from '../masking/builtins';
import type { MaskingSettings } from '../masking/types';
import {
  effectiveMappingRules,
  effectiveMasking,
  effectiveSettings,
  maskingLockProblem,
  settingsLockProblem,
} from './effective';
import { parsePolicy, type ManagedPolicy } from './policy';

const local: Settings = { id: 'settings', capturer: 'Alice', organisation: 'Alice’s team' };
const blank: Settings = { id: 'settings', capturer: '', organisation: '' };

describe('effectiveSettings', () => {
  it('keeps local values when there is no policy', () => {
    expect(effectiveSettings(local, {})).toEqual({
      settings: local,
      organisation: 'local',
      capturer: 'local',
      notes: [],
    });
  });

  it('applies a locked organisation over the local one, and refuses saving another', () => {
    const effective = effectiveSettings(local, { organisation: 'Northwind', locked: ['organisation'] });
    expect(effective.settings.organisation).toBe('Northwind');
    expect(effective.organisation).toBe('locked');
    expect(settingsLockProblem({ capturer: 'Alice', organisation: 'Other' }, effective)).toBe(
      'Not saved: your organisation sets the organisation (set to “Northwind”) by policy, and it cannot be changed here.',
    );
    expect(settingsLockProblem({ capturer: 'Bob', organisation: 'Northwind' }, effective)).toBeNull();
  });

  it('treats an unlocked organisation as a default the user may override', () => {
    const policy = { organisation: 'Northwind' };
    expect(effectiveSettings(blank, policy).settings.organisation).toBe('Northwind');
    expect(effectiveSettings(local, policy).settings.organisation).toBe('Alice’s team');
    expect(effectiveSettings(local, policy).organisation).toBe('default');
    expect(
      settingsLockProblem({ capturer: 'A', organisation: 'X' }, effectiveSettings(local, policy)),
    ).toBeNull();
  });

  it('takes the capturer from policy when the source is policy, and says so when no name came', () => {
    const pushed = effectiveSettings(local, { capturerSource: 'policy', capturer: 'Grace Kim' });
    expect(pushed.settings.capturer).toBe('Grace Kim');
    expect(pushed.capturer).toBe('locked');
    expect(settingsLockProblem({ capturer: 'Mallory', organisation: local.organisation }, pushed)).toMatch(
      /capturer name \(set to “Grace Kim”\)/,
    );
    const missing = effectiveSettings(local, { capturerSource: 'policy' });
    expect(missing.settings.capturer).toBe('Alice');
    expect(missing.capturer).toBe('local');
    expect(missing.notes[0]).toMatch(/no name was set for you/);
    // Source `user` ignores a pushed name.
    expect(effectiveSettings(local, { capturerSource: 'user', capturer: 'Grace' }).settings.capturer).toBe(
      'Alice',
    );
  });
});

describe('effectiveMasking', () => {
  const stored: MaskingSettings = {
    ...withBuiltIns(undefined),
    enabled: false,
    rules: [
      ...withBuiltIns(undefined).rules,
      { id: 'own', name: 'Own', enabled: true, kind: 'pattern', pattern: 'secret-\\d+' },
    ],
  };
  const policy: ManagedPolicy = parsePolicy({
    maskingEnabled: true,
    maskingBuiltIns: { email: false },
    maskingRules: [{ id: 'salary', name: 'Salaries', kind: 'selector', selector: 'td.salary' }],
  }).policy;

  it('uses policy values as defaults until the user saves their own', () => {
    const fresh = effectiveMasking(undefined, policy);
    expect(fresh.settings.enabled).toBe(true);
    expect(fresh.settings.rules.find((r) => r.id === 'email')?.enabled).toBe(false);
    expect(fresh.settings.rules.at(-1)?.id).toBe('policy:salary');
    expect([fresh.enabled, fresh.rules]).toEqual(['default', 'default']);
    const own = effectiveMasking(stored, policy);
    expect(own.settings.enabled).toBe(false);
    expect(own.settings.rules.find((r) => r.id === 'email')?.enabled).toBe(true);
    expect(own.settings.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['own', 'policy:salary']));
  });

  it('locks exactly the policy’s rules and switch, and refuses changes to them', () => {
    const locked = effectiveMasking(stored, { ...policy, locked: ['maskingEnabled', 'maskingRules'] });
    expect(locked.settings.enabled).toBe(true);
    expect(locked.settings.rules.map((r) => r.id)).not.toContain('own');
    expect(locked.settings.rules.find((r) => r.id === 'email')?.enabled).toBe(false);
    expect(maskingLockProblem({ enabled: false }, locked)).toBe(
      'Not saved: your organisation keeps masking on by policy.',
    );
    expect(maskingLockProblem({ enabled: true, rules: [] }, locked)).toMatch(
      /sets the masking rules by policy/,
    );
    expect(maskingLockProblem({ enabled: true }, locked)).toBeNull();
    expect(maskingLockProblem({ enabled: true, rules: locked.settings.rules }, locked)).toBeNull();
  });
});

describe('effectiveMappingRules', () => {
  const own: MappingRule = {
    id: 'own',
    kind: 'url',
    pattern: '*x*',
    controls: ['A.5.1'],
    enabled: true,
    builtIn: false,
  };
  const { policy } = parsePolicy({
    mappingRules: [{ id: 'veeam', kind: 'url', pattern: '*veeam*', controls: ['A.8.13'] }],
  });

  it('adds the policy’s rules, or uses only them when locked', () => {
    expect(effectiveMappingRules([own], policy).map((r) => r.id)).toEqual(['own', 'policy:veeam']);
    expect(effectiveMappingRules([own], { ...policy, locked: ['mappingRules'] }).map((r) => r.id)).toEqual([
      'policy:veeam',
    ]);
    expect(effectiveMappingRules([own], { locked: ['mappingRules'] })).toEqual([own]);
  });
});
