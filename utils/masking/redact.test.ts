import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../page/types';
import { BUILT_IN_RULES } from './builtins';
import { compileRules } from './match';
import { redactHtml, redactText } from './redact';
import { maskingCounts, redactSnapshot } from './redact-snapshot';

const { patterns } = compileRules(BUILT_IN_RULES);
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const EMAIL = 'grace.kim@northwind.example';

const snapshot: PageSnapshot = {
  url: 'https://console.example/users?owner=grace.kim@northwind.example',
  title: `Access keys of ${EMAIL}`,
  viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
  scroll: { x: 0, y: 0 },
  text: `Key ${KEY} belongs to ${EMAIL}\nSalary 123,456`,
  headings: [`Keys of ${EMAIL}`],
  tables: [
    {
      name: 'table-1',
      caption: 'Keys',
      rows: [
        ['Key', 'Owner', 'Salary'],
        [KEY, EMAIL, '123,456'],
      ],
      source: 'table',
      truncated: false,
    },
  ],
  dom: {
    html: `<a href="mailto:${EMAIL}">${EMAIL}</a><td class="salary">123,456</td><td>R&amp;D &lt;3</td>`,
    truncated: false,
    originalBytes: 10,
  },
  notes: [],
  durationMs: 1,
};

describe('redaction', () => {
  it('replaces each match with a fixed marker and counts it per rule', () => {
    const counter = new Map<string, number>();
    expect(redactText(`a ${EMAIL} b ${KEY}`, patterns, [], counter)).toBe('a [masked] b [masked]');
    expect(Object.fromEntries(counter)).toEqual({ email: 1, 'aws-access-key': 1 });
  });

  it('removes literal text of masked elements as written and as escaped in HTML', () => {
    const counter = new Map<string, number>();
    const html = redactHtml(
      '<td>R&amp;D &lt;3</td><td>R&D <3</td>',
      [],
      [{ text: 'R&D <3', ruleId: 'sel' }],
      counter,
    );
    expect(html).toBe('<td>[masked]</td><td>[masked]</td>');
    expect(counter.get('sel')).toBe(2);
    // Too short to remove safely: would blank ordinary words everywhere.
    expect(redactText('ab ab', [], [{ text: 'ab', ruleId: 'sel' }], new Map())).toBe('ab ab');
  });

  it('leaves no secret in any string of the snapshot', () => {
    const literals = [{ text: '123,456', ruleId: 'salary' }];
    const rules = [
      ...BUILT_IN_RULES,
      { id: 'salary', name: 'Salaries', enabled: true, kind: 'selector' as const, selector: '.salary' },
    ];
    const { snapshot: redacted, textMatches } = redactSnapshot(snapshot, rules, literals);
    const everything = JSON.stringify(redacted);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(EMAIL);
    expect(everything).not.toContain('123,456');
    expect(redacted.tables[0]!.rows).toEqual([
      ['Key', 'Owner', 'Salary'],
      ['[masked]', '[masked]', '[masked]'],
    ]);
    expect(redacted.dom.html).toContain('href="mailto:[masked]"');
    expect(redacted.headings).toEqual(['Keys of [masked]']);
    expect(textMatches.get('email')).toBe(7);
    const counts = maskingCounts(rules, new Map([['email', 2]]), textMatches);
    expect(counts.find((c) => c.ruleId === 'email')).toEqual({
      ruleId: 'email',
      name: 'E-mail addresses',
      pixelAreas: 2,
      textMatches: 7,
    });
    expect(counts.find((c) => c.ruleId === 'slack-token')?.textMatches).toBe(0);
  });
});
