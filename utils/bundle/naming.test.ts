import { describe, expect, it } from 'vitest';
import { bundleName, isSafeSegment, localDay, organisationSlug } from './naming';

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
});
