import { describe, expect, it } from 'vitest';
import {
  compareControlIds,
  DEFAULT_CATALOGUE,
  findItem,
  itemsByTheme,
  normaliseControlId,
  searchItems,
} from './catalogue';
import { ISO27001_2022 } from './iso27001-2022';
import type { Catalogue } from './types';

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);

describe('the ISO/IEC 27001:2022 catalogue', () => {
  const controls = ISO27001_2022.items.filter((item) => item.kind === 'control');
  const clauses = ISO27001_2022.items.filter((item) => item.kind === 'clause');

  it('is the default catalogue', () => {
    expect(DEFAULT_CATALOGUE).toBe(ISO27001_2022);
    expect(DEFAULT_CATALOGUE.framework).toBe('ISO/IEC 27001');
    expect(DEFAULT_CATALOGUE.version).toBe('2022');
  });

  it.each([
    ['organizational', 37],
    ['people', 8],
    ['physical', 14],
    ['technological', 34],
  ])('has the Annex A count of theme %s', (theme, count) => {
    expect(controls.filter((item) => item.theme === theme)).toHaveLength(count);
  });

  it('has 93 Annex A controls with unique identifiers', () => {
    expect(controls).toHaveLength(93);
    const allIds = ids(ISO27001_2022.items);
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const control of controls) expect(control.id).toMatch(/^A\.[5-8]\.\d{1,2}$/);
  });

  it('has the clauses 4 to 10, all in the clauses theme', () => {
    const clauseIds = ids(clauses);
    for (const id of ['4.1', '4.3', '5.2', '6.1.2', '6.1.3', '7.5', '8.1', '9.2', '9.3', '10.2']) {
      expect(clauseIds).toContain(id);
    }
    for (const clause of clauses) {
      expect(clause.theme).toBe('clauses');
      expect(Number(clause.id.split('.')[0])).toBeGreaterThanOrEqual(4);
      expect(Number(clause.id.split('.')[0])).toBeLessThanOrEqual(10);
    }
  });

  it('marks the clauses that require documented information', () => {
    const required = ids(clauses.filter((clause) => clause.documentedInformationRequired));
    expect(required).toEqual(expect.arrayContaining(['4.3', '5.2', '6.1.3', '9.2', '9.3', '10.2']));
    expect(required).not.toContain('4.1');
    expect(controls.some((control) => control.documentedInformationRequired)).toBe(false);
  });

  it('lists every theme an item uses', () => {
    const themeIds = new Set(ISO27001_2022.themes.map((theme) => theme.id));
    for (const item of ISO27001_2022.items) expect(themeIds.has(item.theme)).toBe(true);
  });

  it('gives every item a positive cadence and a label', () => {
    for (const item of ISO27001_2022.items) {
      expect(item.cadenceDays).toBeGreaterThan(0);
      expect(item.cadenceLabel).not.toBe('');
    }
  });

  it.each([
    ['A.8.13', 30],
    ['A.8.7', 30],
    ['A.8.8', 30],
    ['A.5.18', 91],
    ['A.8.2', 91],
    ['A.8.32', 91],
    ['A.5.26', 91],
    ['A.5.15', 365],
    ['A.5.20', 365],
    ['A.5.1', 365],
    ['9.3', 365],
  ])('derives the default cadence of %s from the evidence map', (id, days) => {
    expect(findItem(ISO27001_2022, id)?.cadenceDays).toBe(days);
  });

  it('splits evidence hints and example sources on semicolons', () => {
    const backup = findItem(ISO27001_2022, 'A.8.13');
    expect(backup?.exampleSources).toContain('Veeam');
    expect(backup?.exampleSources.length).toBeGreaterThan(1);
    expect(findItem(ISO27001_2022, '6.1.3')?.evidenceHints).toEqual([
      'risk treatment process and plan',
      'Statement of Applicability',
    ]);
    expect(findItem(ISO27001_2022, 'A.5.25')?.evidenceHints.join(' ')).toContain('post-incident reviews');
    expect(findItem(ISO27001_2022, 'A.5.2')?.cadenceLabel).toBe('annual review');
  });
});

describe('normaliseControlId and findItem', () => {
  it.each([
    ['a8.13', 'A.8.13'],
    [' A 8.13 ', 'A.8.13'],
    ['A.8.13', 'A.8.13'],
    ['9.2', '9.2'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseControlId(input)).toBe(expected);
  });

  it('finds items by any spelling of their id and returns undefined for unknown ids', () => {
    expect(findItem(ISO27001_2022, 'a5.15')?.title).toBe('Access control');
    expect(findItem(ISO27001_2022, 'A.9.1')).toBeUndefined();
  });
});

describe('itemsByTheme', () => {
  it('groups items in theme order and keeps empty themes', () => {
    const groups = itemsByTheme(ISO27001_2022);
    expect([...groups.keys()]).toEqual(['organizational', 'people', 'physical', 'technological', 'clauses']);
    expect(groups.get('people')).toHaveLength(8);
    const small: Catalogue = { ...ISO27001_2022, items: [] };
    expect(itemsByTheme(small).get('physical')).toEqual([]);
  });
});

describe('compareControlIds', () => {
  it('sorts naturally, clauses before Annex A', () => {
    const shuffled = ['A.5.10', 'A.8.1', '10.1', 'A.5.2', '9.2', '6.1.3', '6.1', 'A.5.1', 'A.7.14', 'A.7.4'];
    expect([...shuffled].sort(compareControlIds)).toEqual([
      '6.1',
      '6.1.3',
      '9.2',
      '10.1',
      'A.5.1',
      'A.5.2',
      'A.5.10',
      'A.7.4',
      'A.7.14',
      'A.8.1',
    ]);
    expect(compareControlIds('A.5.2', 'A.5.2')).toBe(0);
  });

  it('keeps the catalogue in natural order', () => {
    const catalogueIds = ids(ISO27001_2022.items);
    expect([...catalogueIds].sort(compareControlIds)).toEqual(catalogueIds);
  });
});

describe('searchItems', () => {
  it.each([
    ['A.8.13', ['A.8.13']],
    ['a8.13', ['A.8.13']],
    ['5.15', ['A.5.15']],
    ['9.2', ['9.2']],
  ])('finds the exact id for %j first', (query, expectedFirst) => {
    expect(ids(searchItems(ISO27001_2022, query)).slice(0, expectedFirst.length)).toEqual(expectedFirst);
  });

  it('ranks the exact id before id prefixes', () => {
    expect(ids(searchItems(ISO27001_2022, 'A.8.1'))).toEqual([
      'A.8.1',
      'A.8.10',
      'A.8.11',
      'A.8.12',
      'A.8.13',
      'A.8.14',
      'A.8.15',
      'A.8.16',
      'A.8.17',
      'A.8.18',
      'A.8.19',
    ]);
  });

  it('finds clauses by prefix and reads a bare number as an Annex A id too', () => {
    expect(ids(searchItems(ISO27001_2022, '6.1'))).toEqual(['A.6.1', '6.1.1', '6.1.2', '6.1.3']);
  });

  it('matches title words, all of them, case-insensitively and by word start', () => {
    expect(ids(searchItems(ISO27001_2022, 'backup'))).toEqual(['A.8.13']);
    expect(ids(searchItems(ISO27001_2022, 'Information BACKUP'))).toEqual(['A.8.13']);
    expect(ids(searchItems(ISO27001_2022, 'crypto'))).toEqual(['A.8.24']);
    expect(ids(searchItems(ISO27001_2022, 'management review'))).toEqual(['9.3', 'A.5.22']);
    expect(ids(searchItems(ISO27001_2022, 'incident'))).toEqual(['A.5.24', 'A.5.26', 'A.5.27']);
  });

  it('does not match a word in the middle of a title word', () => {
    expect(ids(searchItems(ISO27001_2022, 'ackup'))).toEqual([]);
    expect(ids(searchItems(ISO27001_2022, 'backup nonsenseword'))).toEqual([]);
  });

  it('lists every item for an empty query', () => {
    expect(searchItems(ISO27001_2022, '  ')).toHaveLength(ISO27001_2022.items.length);
  });
});
