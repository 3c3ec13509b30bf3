import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import type { Catalogue } from '../catalogue/types';
import { computeCoverage } from '../coverage/coverage';
import { evidence, item, plan, state } from '@/tests/support/coverage-data';
import { parseCsv } from '../csv/csv';
import { SOA_CSV_HEADER, soaCsv, soaCsvFileName } from './soa-csv';

const catalogue: Catalogue = {
  framework: 'Test',
  version: '1',
  themes: [
    { id: 'technological', name: 'Technological' },
    { id: 'clauses', name: 'Clauses' },
  ],
  items: [
    item('5.2', 'clauses', 365),
    item('A.8.13', 'technological', 30),
    item('A.8.14', 'technological', 365),
  ],
};

describe('soaCsv', () => {
  it('writes every item: decision, justification, cadence source, coverage, and formulas neutralised', () => {
    const states = [
      state('A.8.13', { owner: 'Ops, Backup team', cadenceDays: 7, notes: '=HYPERLINK("x")' }),
      state('A.8.14', {
        applicable: false,
        justification: 'Single site, "no" redundancy',
        implementation: 'not-started',
      }),
    ];
    const coverage = computeCoverage({
      catalogue,
      controlStates: states,
      evidence: [evidence('EV-1', ['A.8.13'], '2025-06-28')],
      plan: plan(),
      today: '2025-06-30',
    });
    const text = soaCsv(catalogue, states, coverage);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Ops, Backup team"');
    expect(parseCsv(text)).toEqual([
      [...SOA_CSV_HEADER],
      [
        '5.2',
        'Item 5.2',
        'Clauses',
        'Yes',
        '',
        'No decision recorded',
        '',
        '365',
        'Catalogue default (365 days)',
        '',
        'Missing',
        '0',
        '',
        '',
      ],
      [
        'A.8.13',
        'Item A.8.13',
        'Technological',
        'Yes',
        '',
        'Implemented',
        'Ops, Backup team',
        '7',
        'Override',
        `'=HYPERLINK("x")`,
        'Covered',
        '1',
        '2025-06-28',
        '2025-01-01T00:00:00.000Z',
      ],
      [
        'A.8.14',
        'Item A.8.14',
        'Technological',
        'No',
        'Single site, "no" redundancy',
        'Not started',
        '',
        '365',
        'Catalogue default (365 days)',
        '',
        'Not applicable',
        '0',
        '',
        '2025-01-01T00:00:00.000Z',
      ],
    ]);
  });

  it('lists the whole ISO/IEC 27001:2022 catalogue even with nothing recorded', () => {
    const rows = parseCsv(soaCsv(DEFAULT_CATALOGUE, [], null));
    expect(rows).toHaveLength(DEFAULT_CATALOGUE.items.length + 1);
    expect(rows.find((row) => row[0] === 'A.8.13')?.slice(0, 6)).toEqual([
      'A.8.13',
      'Information backup',
      'Technological',
      'Yes',
      '',
      'No decision recorded',
    ]);
  });
});

describe('soaCsvFileName', () => {
  it.each([
    ['Example Ltd', 'soa_Example-Ltd_2025-06-30.csv'],
    ['Müller & Söhne / IT', 'soa_Muller-Sohne-IT_2025-06-30.csv'],
    ['../../etc', 'soa_etc_2025-06-30.csv'],
    ['', 'soa_organisation_2025-06-30.csv'],
  ])('%j → %s', (organisation, expected) => {
    expect(soaCsvFileName(organisation, '2025-06-30')).toBe(expected);
  });
});
