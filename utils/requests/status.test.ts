import { describe, expect, it } from 'vitest';
import { dueForCapturer, itemProgress, requestListProgress, sortForWork } from './progress';
import { changeStatus, fileEvidence, RequestChangeError, requestEvidenceIds } from './status';
import type { AuditRequest } from './types';

function request(overrides: Partial<AuditRequest> = {}): AuditRequest {
  return {
    reference: 'R-1',
    text: 'Backup restore tests',
    controls: ['A.8.13'],
    audit: 'Stage 2',
    dueDate: null,
    owner: 'ana',
    status: 'open',
    comment: '',
    population: '',
    items: [],
    evidenceIds: [],
    ...overrides,
  };
}

const sample = request({
  reference: 'R-14',
  population: 'Leavers 2025',
  items: ['L-1', 'L-2', 'L-3'].map((label) => ({ label, status: 'open', comment: '', evidenceIds: [] })),
});

describe('changeStatus', () => {
  it('records from, to and the comment for the custody log, and keeps a returned comment', () => {
    const change = changeStatus(
      request(),
      { item: null },
      'returned',
      'Shows only one month; we asked for two.',
    );
    expect(change.request.status).toBe('returned');
    expect(change.request.comment).toBe('Shows only one month; we asked for two.');
    expect(change.details).toEqual({
      audit: 'Stage 2',
      reference: 'R-1',
      item: null,
      from: 'open',
      to: 'returned',
      comment: 'Shows only one month; we asked for two.',
    });
    const provided = changeStatus(change.request, { item: null }, 'provided');
    expect(provided.request.comment).toBe('Shows only one month; we asked for two.');
    expect(provided.details.from).toBe('returned');
  });

  it('refuses "returned" without a comment and an item the request does not have', () => {
    expect(() => changeStatus(request(), { item: null }, 'returned', '  ')).toThrow(RequestChangeError);
    expect(() => changeStatus(sample, { item: 3 }, 'provided')).toThrow('R-14 has no item 4.');
  });

  it('gives each sample item its own status and provides the request when every item is', () => {
    let current = changeStatus(sample, { item: 1 }, 'provided').request;
    expect(current.items.map((item) => item.status)).toEqual(['open', 'provided', 'open']);
    expect(current.status).toBe('in-progress');
    current = changeStatus(current, { item: 0 }, 'provided').request;
    current = changeStatus(current, { item: 2 }, 'accepted').request;
    expect(current.status).toBe('provided');
    const returned = changeStatus(current, { item: 2 }, 'returned', 'Wrong leaver.');
    expect(returned.request.status).toBe('in-progress');
    expect(returned.request.items[2]?.comment).toBe('Wrong leaver.');
    expect(returned.details.item).toBe(2);
  });
});

describe('fileEvidence', () => {
  it('files evidence against an item once, moving it to in progress', () => {
    const filed = fileEvidence(sample, { item: 1 }, 'ev-1');
    expect(filed?.items[1]).toMatchObject({ status: 'in-progress', evidenceIds: ['ev-1'] });
    expect(filed?.status).toBe('in-progress');
    expect(fileEvidence(filed!, { item: 1 }, 'ev-1')).toBeNull();
    const both = fileEvidence(fileEvidence(filed!, { item: null }, 'ev-2')!, { item: 0 }, 'ev-1')!;
    expect(requestEvidenceIds(both)).toEqual(['ev-2', 'ev-1']);
  });
});

describe('progress', () => {
  const today = '2026-03-10';
  const list = [
    request({ reference: 'R-3', dueDate: '2026-03-20' }),
    request({ reference: 'R-1', dueDate: '2026-03-01', status: 'provided' }),
    request({ reference: 'R-2', dueDate: '2026-03-05', owner: 'ben' }),
    request({ reference: 'R-10', dueDate: '2026-03-05', status: 'returned', comment: 'again' }),
    request({ reference: 'R-4', status: 'accepted' }),
  ];

  it('counts provided and accepted over the total and the overdue ones', () => {
    expect(requestListProgress(list, today)).toEqual({ provided: 2, total: 5, overdue: 2 });
  });

  it('lists overdue first, then open by due date, answered last', () => {
    expect(sortForWork(list, today).map((entry) => entry.reference)).toEqual([
      'R-2',
      'R-10',
      'R-3',
      'R-1',
      'R-4',
    ]);
  });

  it('shows a capturer only their own unanswered requests due within the horizon', () => {
    expect(dueForCapturer(list, 'Ana', today, '2026-03-17').map((entry) => entry.reference)).toEqual([
      'R-10',
    ]);
    expect(dueForCapturer(list, 'ana', today, '2026-03-31').map((entry) => entry.reference)).toEqual([
      'R-10',
      'R-3',
    ]);
    expect(dueForCapturer(list, '', today, '2026-03-31')).toEqual([]);
  });

  it('counts sample items, and a request without items as one', () => {
    expect(itemProgress(changeStatus(sample, { item: 1 }, 'provided').request)).toEqual({
      provided: 1,
      total: 3,
    });
    expect(itemProgress(request({ status: 'accepted' }))).toEqual({ provided: 1, total: 1 });
  });
});
