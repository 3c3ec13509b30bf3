import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { toCsv } from '../csv/csv';
import { BUILT_IN_RULES } from '../rules/built-in-rules';
import { confirmedRequests, MAX_REQUEST_ROWS, previewRequestImport } from './request-import';

const context = { catalogue: DEFAULT_CATALOGUE, rules: BUILT_IN_RULES, audit: 'Stage 2' };

function csv(rows: string[][]): string {
  return toCsv(rows, { neutraliseFormulas: false });
}

const HEADER = ['Ref', 'Evidence requested', 'Controls', 'Due', 'Assigned to', 'Population', 'Sample'];

describe('previewRequestImport', () => {
  it('maps columns by header and alias, reads sample items, and writes nothing until confirmed', () => {
    const preview = previewRequestImport(
      csv([
        HEADER,
        ['R-1', 'Information security policy, approved', 'A.5.1', '2026-03-31', 'ana', '', ''],
        [
          'R-2',
          'Offboarding records for sampled leavers',
          'a 5.11; A.6.5',
          '',
          'ben',
          'Leavers 2025',
          'L-1;L-2;L-3',
        ],
      ]),
      context,
    );
    expect(preview.problems).toEqual([]);
    expect(preview.mapping.map((entry) => entry.column)).toEqual([
      'Reference',
      'Request',
      'Controls',
      'Due date',
      'Owner',
      'Population',
      'Sample items',
    ]);
    const [first, second] = preview.requests.map((entry) => entry.request);
    expect(first).toMatchObject({
      reference: 'R-1',
      audit: 'Stage 2',
      dueDate: '2026-03-31',
      status: 'open',
    });
    expect(second?.controls).toEqual(['A.5.11', 'A.6.5']);
    expect(second?.population).toBe('Leavers 2025');
    expect(second?.items.map((item) => [item.label, item.status])).toEqual([
      ['L-1', 'open'],
      ['L-2', 'open'],
      ['L-3', 'open'],
    ]);
  });

  it('gives each bad row its line number and a sentence saying what to change', () => {
    const preview = previewRequestImport(
      csv([
        HEADER,
        ['', 'No reference here', '', '', '', '', ''],
        ['R-2', 'Fine', '', '', '', '', ''],
        ['R-2', 'Same reference again', '', '', '', '', ''],
        ['R-4', 'Unknown control', 'A.9.99', '', '', '', ''],
        ['R-5', 'Bad date', '', '2026-02-30', '', '', ''],
        ['R-6', '=HYPERLINK("http://evil")', '', '', '', '', ''],
        ['R-7', 'Quoted formula from our own export', '', '', "'-1", '', ''],
      ]),
      context,
    );
    expect(preview.problems.map((problem) => problem.line)).toEqual([2, 4, 5, 6, 7, 7]);
    const messages = preview.problems.map((problem) => problem.message).join('\n');
    expect(messages).toContain('"Reference" is empty');
    expect(messages).toContain('Reference R-2 already appears on line 3');
    expect(messages).toContain('"A.9.99" is not an ISO/IEC 27001:2022 control');
    expect(messages).toContain('"2026-02-30" in "Due date" is not a date');
    expect(messages).toContain('"Request" starts with "="');
    expect(preview.requests.find((entry) => entry.request.reference === 'R-7')?.request.owner).toBe('-1');
    expect(confirmedRequests(preview)).toBeNull();
  });

  it('allows the same reference in two audits but not twice in one', () => {
    const preview = previewRequestImport(
      csv([
        ['Reference', 'Request', 'Audit'],
        ['R-1', 'Backups', 'Stage 2'],
        ['R-1', 'Backups', 'Surveillance year 1'],
      ]),
      context,
    );
    expect(preview.problems).toEqual([]);
    expect(preview.requests).toHaveLength(2);
  });

  it('refuses a file without the required columns on line 1, and a broken CSV as a whole', () => {
    const missing = previewRequestImport(csv([['Owner'], ['ana']]), context);
    expect(missing.problems).toEqual([
      { line: 1, message: expect.stringContaining('"Reference", "Request"') },
    ]);
    const broken = previewRequestImport('Reference,Request\nR-1,"unclosed', context);
    expect(broken.problems[0]?.line).toBe(0);
    expect(broken.requests).toEqual([]);
  });

  it('honours a column the user remapped or ignored in the preview', () => {
    const preview = previewRequestImport(
      csv([
        ['Ref', 'What', 'Notes'],
        ['R-1', 'Restore test', 'x'],
      ]),
      {
        ...context,
        overrides: new Map([
          ['What', 'Request' as const],
          ['Notes', null],
        ]),
      },
    );
    expect(preview.requests[0]?.request.text).toBe('Restore test');
  });

  it('suggests controls from the request text with the capture rules, and adds them only when accepted', () => {
    const preview = previewRequestImport(
      csv([
        ['Reference', 'Request', 'Controls'],
        ['R-1', 'Evidence of backup restore tests for 2 sampled months', ''],
      ]),
      context,
    );
    const [entry] = preview.requests;
    expect(entry?.suggested).toContain('A.8.13');
    expect(confirmedRequests(preview)?.[0]?.controls).toEqual([]);
    expect(confirmedRequests(preview, new Set(['R-1']))?.[0]?.controls).toContain('A.8.13');
  });

  it('reads 2,000 requests, and refuses a file over the limit before reading a row', () => {
    const rows = Array.from({ length: 2000 }, (_, index) => [
      `R-${index + 1}`,
      `Request ${index + 1}`,
      'A.8.13',
    ]);
    const preview = previewRequestImport(csv([['Reference', 'Request', 'Controls'], ...rows]), context);
    expect(preview.problems).toEqual([]);
    expect(confirmedRequests(preview)).toHaveLength(2000);
    const big = Array.from({ length: MAX_REQUEST_ROWS + 1 }, (_, index) => [`R-${index}`, 'x']);
    const refused = previewRequestImport(csv([['Reference', 'Request'], ...big]), context);
    expect(refused.problems).toEqual([{ line: 0, message: expect.stringContaining('Split the list') }]);
  });
});
