import { describe, expect, it } from 'vitest';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';
import { internalAuditsCsv, managementReviewsCsv } from './records-files';
import { bundledIsmsRecords, readInternalAuditsCsv, readManagementReviewsCsv } from './records-read';

const AUDITS = 'data/internal-audits.csv';
const REVIEWS = 'data/management-reviews.csv';

/** The writer's file with one cell of one row replaced, as a spreadsheet edit or another writer would. */
function edited(csv: string, find: string, replace: string): string {
  if (!csv.includes(find)) throw new Error(`${find} is not in the file`);
  return csv.replace(find, replace);
}

describe('reading internal-audits.csv back', () => {
  it('gives back what the writer wrote, formula guard undone', () => {
    const audit = internalAudit({ title: '=1+1', findingIds: ['F-1', 'F-2'], notes: 'two\nlines, "quoted"' });
    const read = readInternalAuditsCsv(internalAuditsCsv([audit]));
    expect(read).toEqual({ internalAudits: [{ ...audit, createdAt: audit.updatedAt }], problems: [] });
  });

  it('finds columns by name, in any order', () => {
    const csv = internalAuditsCsv([internalAudit()]);
    const [header, row] = csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const swapped = [header!, row!]
      .map((cells) => [cells[1], cells[0], ...cells.slice(2)].join(','))
      .join('\r\n');
    expect(readInternalAuditsCsv(swapped).internalAudits.map((audit) => audit.id)).toEqual(['IA-1']);
  });

  it('names a missing column on line 1 and restores no row of that file', () => {
    const csv = edited(internalAuditsCsv([internalAudit()]), 'Auditor independent,', 'Independent auditor,');
    expect(readInternalAuditsCsv(csv)).toEqual({
      internalAudits: [],
      problems: [
        `${AUDITS} line 1: the column “Auditor independent” is missing, so no row of this file is restored.`,
      ],
    });
  });

  it('says where a quoted cell is never closed', () => {
    const read = readInternalAuditsCsv(`${internalAuditsCsv([])}IA-1,"never closed\r\n`);
    expect(read.internalAudits).toEqual([]);
    expect(read.problems).toEqual([
      `${AUDITS} cannot be read: CSV is malformed: a quoted field opened on line 2 is never closed.`,
    ]);
  });

  it('names each bad cell of a row by its line and keeps the good rows', () => {
    const csv = internalAuditsCsv([
      internalAudit(),
      internalAudit({ id: 'IA-2' }),
      internalAudit({ id: 'IA-3' }),
      internalAudit({ id: 'IA-4' }),
    ]);
    const rows = csv.split('\r\n');
    rows[2] = rows[2]!.replace(',yes,', ',maybe,');
    rows[3] = `${rows[3]},extra`;
    rows[4] = rows[4]!.replace('2025-05-12T17:00:00.000Z', 'last Tuesday');
    const read = readInternalAuditsCsv(rows.join('\r\n'));
    expect(read.internalAudits.map((audit) => audit.id)).toEqual(['IA-1']);
    expect(read.problems).toEqual([
      `${AUDITS} line 3: “Auditor independent” is “maybe”; write yes or no.`,
      `${AUDITS} line 4: the row has 15 cells where the header has 14; a comma is probably unquoted.`,
      `${AUDITS} line 5: “Updated at” is “last Tuesday”; write a UTC time such as 2025-05-12T17:00:00.000Z.`,
    ]);
  });

  it('reads a completed audit without its date as the form would refuse it', () => {
    const csv = edited(internalAuditsCsv([internalAudit()]), ',2025-05-12,', ',,');
    expect(readInternalAuditsCsv(csv).problems).toEqual([
      `${AUDITS} line 2: A completed audit needs the date it was completed.`,
    ]);
  });
});

describe('reading management-reviews.csv back', () => {
  it('gives back inputs, attendees and actions, a " | " inside a description included', () => {
    const review = managementReview({
      attendees: ['Chief Executive', 'ISMS manager', '@Ops lead'],
      coveredInputs: ['previous-actions', 'risk-assessment'],
      actions: [
        { description: 'Restore test | quarterly', owner: 'Ops', dueDate: '2025-06-30', status: 'done' },
        { description: '-1 open seats', owner: 'HR', dueDate: '2025-08-01', status: 'open' },
      ],
    });
    expect(readManagementReviewsCsv(managementReviewsCsv([review]))).toEqual({
      managementReviews: [{ ...review, createdAt: review.updatedAt }],
      problems: [],
    });
  });

  it('names an action line that is not in the written form, and an unknown action status', () => {
    const csv = managementReviewsCsv([managementReview(), managementReview({ id: 'MR-2' })]);
    const once = edited(csv, 'Head of IT | due 2025-07-31 | open', 'Head of IT by July');
    const twice = edited(once, 'Head of IT | due 2025-07-31 | open', 'Head of IT | due 2025-07-31 | someday');
    const read = readManagementReviewsCsv(twice);
    expect(read.managementReviews).toEqual([]);
    expect(read.problems).toEqual([
      `${REVIEWS} line 2: action 1 “Quote a second backup site | Head of IT by July” is not “description | owner | due YYYY-MM-DD | status”.`,
      `${REVIEWS} line 3: Action 1: choose open, in progress or done.`,
    ]);
  });

  it('a bundle with neither table has no records; one with only one table reads that one', () => {
    expect(bundledIsmsRecords(new Map())).toBeUndefined();
    const only = bundledIsmsRecords(new Map([[REVIEWS, managementReviewsCsv([managementReview()])]]));
    expect(only?.internalAudits).toEqual([]);
    expect(only?.managementReviews.map((review) => review.id)).toEqual(['MR-1']);
  });
});
