import { describe, expect, it } from 'vitest';
import {
  bundleName,
  bundleSegment,
  isSafeSegment,
  localDay,
  organisationSlug,
  uniqueSegment,
} from './naming';

describe('bundle naming', () => {
  it.each([
    ['Acme GmbH & Co. KG', 'acme-gmbh-co-kg'],
    ['Müller Straße AG', 'muller-strasse-ag'],
    ['  ', 'organisation'],
    ['<script>', 'script'],
    ['株式会社', 'organisation'],
  ])('slugs %j as %j', (name, slug) => {
    expect(organisationSlug(name)).toBe(slug);
  });

  it('names the bundle after the organisation and the bagging day', () => {
    expect(bundleName('Acme GmbH', '2025-04-02')).toBe('isms-evidence_acme-gmbh_2025-04-02');
    expect(() => bundleName('Acme', '2025-4-2')).toThrow('YYYY-MM-DD');
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it.each([
    ['EV-20250110-ABCDEF', true],
    ['table-1.csv', true],
    ['..', false],
    ['.hidden', false],
    ['a/b', false],
    ['a b', false],
    ['name.', false],
    ['100%.png', false],
  ])('%j is a safe segment: %s', (segment, safe) => {
    expect(isSafeSegment(segment)).toBe(safe);
  });

  it.each([
    ['Policy v2.pdf', 'Policy_v2.pdf'],
    ["=cmd|' /C calc'!A0.csv", 'cmd_C_calc_A0.csv'],
    ['../../evil<script>.html', 'evil_script.html'],
    ['Prüfbericht.pdf', 'Prufbericht.pdf'],
    ['报告.pdf', 'file.pdf'],
    ['....', 'file'],
    ['nul\u0000byte.txt', 'nul_byte.txt'],
    ['stamped.png', 'stamped.png'],
  ])('bundles the stored name %j as %j', (name, segment) => {
    expect(bundleSegment(name)).toBe(segment);
    expect(isSafeSegment(bundleSegment(name))).toBe(true);
  });

  it('keeps long names within a segment, extension kept, and makes taken names unique', () => {
    const long = bundleSegment(`${'x '.repeat(200)}.xlsx`);
    expect(long).toHaveLength(128);
    expect(long.endsWith('.xlsx')).toBe(true);
    expect(uniqueSegment('a.txt', new Set(['a.txt', 'a-2.txt']))).toBe('a-3.txt');
    expect(uniqueSegment('b', new Set())).toBe('b');
  });
});
