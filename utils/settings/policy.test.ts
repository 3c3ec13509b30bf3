import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../masking/builtins';
import { compileRules } from '../masking/match';
import { parsePolicy } from './policy';

const root = path.resolve(__dirname, '../..');
const json = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  additionalProperties?: unknown;
}

/** The subset of JSON Schema Chrome checks policy values against; unknown keys are errors, as in Chrome. */
function schemaErrors(value: unknown, schema: Schema, at = '$'): string[] {
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const actual = typeOf(value);
  const expected = schema.type === 'integer' ? 'number' : schema.type;
  if (actual !== expected) return [`${at}: ${actual}, expected ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} not in enum`];
  if (actual === 'array')
    return (value as unknown[]).flatMap((v, i) => schemaErrors(v, schema.items!, `${at}[${i}]`));
  if (actual !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    const property = schema.properties?.[key];
    return property ? schemaErrors(v, property, `${at}.${key}`) : [`${at}.${key}: not in the schema`];
  });
}

const FIREFOX_ID = 'isms-evidence-collector@isms-evidence-collector.org';

describe('the managed-storage schema and the documented policy files', () => {
  const schema = json('public/managed-schema.json') as Schema;
  const chrome = (
    json('docs/deployment/chrome-policy.json') as { '3rdparty': { extensions: Record<string, unknown> } }
  )['3rdparty'].extensions;
  const firefox = (
    json('docs/deployment/firefox-policies.json') as {
      policies: { '3rdparty': { Extensions: Record<string, unknown> } };
    }
  ).policies['3rdparty'].Extensions;

  it('is an object schema Chrome accepts: no additionalProperties at the top, one type per schema', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const walk = (node: Schema): void => {
      expect(typeof node.type).toBe('string');
      Object.values(node.properties ?? {}).forEach(walk);
      if (node.items) walk(node.items);
    };
    walk(schema);
  });

  it('names the built-in masking patterns it lets an administrator switch', () => {
    expect(Object.keys(schema.properties!.maskingBuiltIns!.properties!).sort()).toEqual(
      BUILT_IN_RULES.map((rule) => rule.id).sort(),
    );
  });

  it('validates both example files, which carry the same values for one extension each', () => {
    expect(Object.keys(chrome)).toEqual(['<extension-id>']);
    expect(Object.keys(firefox)).toEqual([FIREFOX_ID]);
    const values = chrome['<extension-id>'];
    expect(schemaErrors(values, schema)).toEqual([]);
    expect(firefox[FIREFOX_ID]).toEqual(values);
    const { policy, problems } = parsePolicy(values);
    expect(problems).toEqual([]);
    expect(policy.organisation).toBe('Northwind Finance Ltd');
    expect(policy.locked).toEqual(['organisation', 'maskingEnabled']);
    // The example's own rules work: the patterns compile and match what they promise.
    const { patterns, problems: ruleProblems } = compileRules(policy.maskingRules!);
    expect(ruleProblems).toEqual([]);
    expect(patterns[0]!.regex.test('Employee NW-004211')).toBe(true);
  });

  it('would catch a value the schema refuses', () => {
    expect(schemaErrors({ capturerSource: 'ldap' }, schema)).toEqual(['$.capturerSource: ldap not in enum']);
    expect(schemaErrors({ locked: 'organisation' }, schema)).toEqual(['$.locked: string, expected array']);
    expect(schemaErrors({ organisaton: 'typo' }, schema)).toEqual(['$.organisaton: not in the schema']);
  });
});

describe('parsePolicy', () => {
  it('reads no policy as an empty one (Chrome answers {} when none is set)', () => {
    expect(parsePolicy({})).toEqual({ policy: {}, problems: [] });
    expect(parsePolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('ignores each malformed value with a sentence and keeps the rest (Firefox checks nothing)', () => {
    const { policy, problems } = parsePolicy({
      organisation: '  Acme  ',
      capturerSource: 'ldap',
      maskingEnabled: 'yes',
      maskingRules: [{ id: 'x', name: 'X', kind: 'pattern' }],
      mappingRules: [{ id: 'm', kind: 'url', pattern: '*admin*', controls: ['A.8.2'] }],
      locked: ['organisation', 'everything'],
    });
    expect(policy).toEqual({
      organisation: 'Acme',
      mappingRules: [
        {
          id: 'policy:m',
          kind: 'url',
          pattern: '*admin*',
          controls: ['A.8.2'],
          enabled: true,
          builtIn: false,
        },
      ],
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('The policy value “capturerSource” was ignored: it must be "user" or "policy".');
  });

  it('prefixes the ids of policy rules so that they never collide with a user’s own', () => {
    const { policy } = parsePolicy({
      maskingRules: [
        { id: 'salary', name: 'Salaries', kind: 'selector', selector: 'td.salary', enabled: false },
      ],
    });
    expect(policy.maskingRules).toEqual([
      { id: 'policy:salary', name: 'Salaries', kind: 'selector', selector: 'td.salary', enabled: false },
    ]);
  });
});
