import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { parseCsv } from '../csv/csv';
import { DEFAULT_RISK_CRITERIA } from './criteria';
import { importReady, MAX_IMPORT_ROWS, previewRiskImport } from './risk-import';
import { riskRegisterCsv } from './risk-csv';
import type { Risk } from './types';

const now = '2026-06-01T10:00:00.000Z';
const context = (existing: Risk[] = []) => ({
  criteria: DEFAULT_RISK_CRITERIA,
  catalogue: DEFAULT_CATALOGUE,
  existing,
  now,
});
const header = 'Risk ID,Title,Owner,Likelihood,Impact,Treatment,Controls';
const preview = (lines: string[], existing: Risk[] = []) =>
  previewRiskImport([header, ...lines].join('\r\n'), context(existing));

describe('previewRiskImport', () => {
  it('maps headers by name and alias and reads levels by number or name', () => {
    const result = preview([
      'R-1,Backups fail,Ops,3,Major,Modify,A.8.13; a8.14',
      'R-2,Phishing,IT,likely,4,,',
    ]);
    expect(result.problems).toEqual([]);
    expect(result.mapping.map((entry) => entry.column)).toEqual([
      'ID',
      'Title',
      'Owner',
      'Likelihood',
      'Impact',
      'Treatment',
      'Controls',
    ]);
    expect(result.added).toMatchObject([
      { id: 'R-1', likelihood: 3, impact: 4, treatment: 'modify', controls: ['A.8.13', 'A.8.14'] },
      { id: 'R-2', likelihood: 4, impact: 4, treatment: null, controls: [] },
    ]);
    expect(importReady(result)).toBe(true);
  });

  it('refuses a header without the required columns, on line 1, and reads no row', () => {
    const result = previewRiskImport('Name,Score\r\nBackups,12\r\n', context());
    expect(result.problems).toEqual([
      { line: 1, message: expect.stringContaining('“ID”, “Likelihood”, “Impact”') },
    ]);
    expect(result.added).toEqual([]);
    expect(importReady(result)).toBe(false);
  });

  it('gives each bad row its line and a specific reason, and keeps the good rows out until all are fixed', () => {
    const result = preview([
      'R-1,Backups,Ops,7,3,Modify,A.8.13',
      'R-2,Leaks,Ops,2,2,Modify,A.9.99',
      'R-1,Again,Ops,2,2,Modify,',
      'R-4,=HYPERLINK("x"),Ops,2,2,Keep,',
      'R-5,Fine,Ops,2,2,Modify,A.8.1',
    ]);
    expect(result.problems).toEqual([
      { line: 2, message: expect.stringContaining('“Likelihood” is “7”, which is not on the scale') },
      { line: 3, message: '“A.9.99” is not an Annex A control of ISO/IEC 27001:2022.' },
      { line: 4, message: 'R-1 is already on line 2; each risk ID appears once.' },
      { line: 5, message: '“Treatment” is “keep”; use one of Modify, Retain, Avoid, Share.' },
      {
        line: 5,
        message: expect.stringContaining('“Title” starts with "=", which a spreadsheet runs as a formula'),
      },
    ]);
    expect(importReady(result)).toBe(false);
  });

  it('refuses a clause where an Annex A control is expected', () => {
    expect(preview(['R-1,Policy,Ops,2,2,Modify,9.2']).problems).toEqual([
      { line: 2, message: '“9.2” is not an Annex A control of ISO/IEC 27001:2022.' },
    ]);
  });

  it('refuses a stated level the criteria do not give', () => {
    const text =
      'ID,Title,Likelihood,Impact,Inherent score,Inherent level\r\nR-1,A,3,3,12,Medium\r\nR-2,B,3,3,9,Medium\r\n';
    expect(previewRiskImport(text, context()).problems).toEqual([
      {
        line: 2,
        message:
          '“Inherent score” says “12” but the criteria give 9 (Medium) for this likelihood and impact.',
      },
    ]);
  });

  it('reads its own export back unchanged, neutralised cells included', () => {
    const risk: Risk = {
      id: 'R-7',
      title: '=1+1 looks like a formula',
      asset: 'Payroll',
      threat: '-',
      vulnerability: 'Old OS',
      consequence: 'Outage',
      owner: 'Ops',
      likelihood: 4,
      impact: 5,
      treatment: 'retain',
      controls: ['A.8.8'],
      residualLikelihood: 3,
      residualImpact: 4,
      acceptance: { acceptedBy: 'CEO', acceptedAt: '2026-02-01', acceptedUntil: '2027-02-01' },
      nextReview: '2026-12-01',
      status: 'monitored',
      notes: 'line one\nline two',
      updatedAt: now,
    };
    const csv = riskRegisterCsv(DEFAULT_RISK_CRITERIA, [risk]);
    expect(parseCsv(csv)[1]?.[1]).toBe("'=1+1 looks like a formula");
    const result = previewRiskImport(csv, context());
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual([risk]);
    expect(previewRiskImport(csv, context([risk]))).toMatchObject({ added: [], changed: [], unchanged: 1 });
  });

  it('updates by ID on re-import and lists what changed', () => {
    const first = preview(['R-1,Backups,Ops,3,3,Modify,A.8.13', 'R-2,Phishing,IT,2,4,Modify,A.6.3']).added;
    const again = preview(
      ['R-1,Backups,Ops,4,3,Modify,A.8.13; A.5.30', 'R-2,Phishing,IT,2,4,Modify,A.6.3', 'R-3,New,IT,1,1,,'],
      first,
    );
    expect(again.added.map((risk) => risk.id)).toEqual(['R-3']);
    expect(again.unchanged).toBe(1);
    expect(again.changed).toHaveLength(1);
    expect(again.changed[0]).toMatchObject({
      before: { likelihood: 3 },
      after: { likelihood: 4 },
      fields: ['likelihood', 'controls'],
    });
  });

  it('reads 10,000 rows and refuses one more', () => {
    const rows = Array.from(
      { length: MAX_IMPORT_ROWS },
      (_, index) => `R-${index + 1},Risk ${index + 1},Ops,${(index % 5) + 1},3,Modify,A.8.13`,
    );
    const result = preview(rows);
    expect(result.problems).toEqual([]);
    expect(result.added).toHaveLength(MAX_IMPORT_ROWS);
    expect(result.added[9_999]).toMatchObject({ id: 'R-10000', likelihood: 5 });
    const tooMany = preview([...rows, 'R-10001,One more,Ops,1,1,,']);
    expect(tooMany.problems).toEqual([{ line: 0, message: expect.stringContaining('10001 risks') }]);
    expect(tooMany.added).toEqual([]);
  });

  it('reports malformed CSV as a problem instead of throwing', () => {
    const result = previewRiskImport('ID,Title\r\n"R-1,open quote\r\n', context());
    expect(result.problems).toEqual([{ line: 0, message: expect.stringContaining('never closed') }]);
  });
});
