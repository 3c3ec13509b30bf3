import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestServices } from '@/components/requests/request-services';
import { RequestsSection } from '@/components/requests/RequestsSection';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { verifyChain } from '@/utils/integrity/custody';
import { BUILT_IN_RULES } from '@/utils/rules/built-in-rules';
import type { AuditRequest } from '@/utils/requests/types';
import { readCustodyLog } from '@/storage/custody-log';
import { EvidenceDatabase } from '@/storage/db';
import {
  fileAgainstRequest,
  importRequests,
  listRequests,
  readEvidenceTitles,
  saveRequest,
  setRequestStatus,
} from '@/storage/request-repository';
import { storeCaptures } from '@/tests/support/library-fixtures';

let db: EvidenceDatabase;
let counter = 0;
const at = () => new Date().toISOString();

// The background's part, done directly on the test database, as Alice.
function services(): RequestServices {
  return {
    importRequests: (requests) => importRequests(db, requests, at()),
    saveRequest: (request, replacing) => saveRequest(db, request, replacing, at()),
    setStatus: async (key, item, status, comment) => {
      await setRequestStatus(db, key, { item }, status, comment, 'Alice', at());
    },
    readEvidence: (ids) => readEvidenceTitles(db, ids),
  };
}

/** The dashboard's reload-after-write, with the list read from the database each time. */
function Harness({ initial }: { initial: AuditRequest[] }) {
  const [requests, setRequests] = useState(initial);
  const base = services();
  const reloading =
    <T extends unknown[]>(action: (...args: T) => Promise<void>) =>
    async (...args: T) => {
      await action(...args);
      setRequests(await listRequests(db));
    };
  return (
    <RequestsSection
      catalogue={DEFAULT_CATALOGUE}
      requests={requests}
      rules={BUILT_IN_RULES}
      today="2026-11-20"
      services={{
        ...base,
        importRequests: reloading(base.importRequests),
        saveRequest: reloading(base.saveRequest),
        setStatus: reloading(base.setStatus),
      }}
    />
  );
}

async function mount() {
  render(<Harness initial={await listRequests(db)} />);
}

function chooseCsv(text: string) {
  const file = new File([text], 'requests.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('request-import-file'), { target: { files: [file] } });
}

const GOOD = [
  'Ref,Evidence requested,Annex A,Due,Assigned to,Sample population,Sampled items',
  'R-1,Backup restore test records,,2026-12-15,Alice,,',
  'R-2,Offboarding records for sampled leavers,A.5.11,2026-11-10,Alice,Leavers 2026,L-101; L-102; L-103',
].join('\n');

beforeEach(async () => {
  db = new EvidenceDatabase(`request-section-${++counter}`);
  await db.open();
  await storeCaptures(db, [
    {
      id: 'EV-20261101-AAAAAA',
      title: 'HR leaver ticket L-102',
      controls: ['A.5.11'],
      effectiveDate: '2026-11-01',
    },
  ]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('the Requests section on a real database', () => {
  it('shows line-numbered problems and writes nothing until a clean file is confirmed', async () => {
    await mount();
    fireEvent.click(screen.getByTestId('import-requests'));
    fireEvent.input(screen.getByTestId('import-audit'), { target: { value: 'Stage 2' } });
    chooseCsv(`${GOOD}\nR-1,Again,A.99.1,2026-02-30,Bob,,\n=HYPERLINK("x"),Formula,,,,,`);
    const problems = await screen.findByTestId('import-problems');
    const lines = [...problems.querySelectorAll('li')].map((item) => item.getAttribute('data-line'));
    expect(lines).toEqual(expect.arrayContaining(['4', '5']));
    expect(problems.textContent).toContain('Line 4: Reference R-1 already appears on line 2');
    expect(problems.textContent).toContain('"A.99.1" is not an ISO/IEC 27001:2022 control');
    expect(problems.textContent).toContain('2026-02-30');
    expect(problems.textContent).toContain('Line 5: "Reference" starts with "="');
    expect((screen.getByTestId('confirm-import') as HTMLButtonElement).disabled).toBe(true);
    expect(await db.requests.count()).toBe(0);

    chooseCsv(GOOD);
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('2 requests to import')).toBeTruthy();
    // The backup text suggests A.8.13 with the capture rules; it is added only once ticked.
    const row = preview.querySelector('tr[data-reference="R-1"]') as HTMLElement;
    const suggestion = within(row).getByTestId('accept-suggestion');
    expect(suggestion.parentElement?.textContent).toContain('A.8.13');
    expect(await db.requests.count()).toBe(0);
    fireEvent.click(suggestion);
    fireEvent.click(screen.getByTestId('confirm-import'));

    await screen.findByTestId('request-list');
    const stored = await listRequests(db, 'Stage 2');
    expect(stored.map((request) => [request.reference, request.controls])).toEqual([
      ['R-1', ['A.8.13']],
      ['R-2', ['A.5.11']],
    ]);
    expect(stored[1]?.items.map((item) => item.label)).toEqual(['L-101', 'L-102', 'L-103']);
    expect(screen.getByTestId('request-progress').textContent).toBe('0 of 2 provided, 1 overdue');
    const rows = [...screen.getByTestId('request-list').querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-reference'))).toEqual(['R-2', 'R-1']);
    expect(rows[0]?.textContent).toContain('Overdue');
  });

  it('lists a request’s evidence and records provided and returned, with the comment, in the custody log', async () => {
    await importRequests(
      db,
      [
        {
          reference: 'R-2',
          text: 'Offboarding records',
          controls: ['A.5.11', 'A.6.5'],
          audit: 'Stage 2',
          dueDate: '2026-12-01',
          owner: 'Alice',
          status: 'open',
          comment: '',
          population: 'Leavers 2026',
          items: ['L-101', 'L-102'].map((label) => ({ label, status: 'open', comment: '', evidenceIds: [] })),
          evidenceIds: [],
        },
      ],
      at(),
    );
    await fileAgainstRequest(
      db,
      { audit: 'Stage 2', reference: 'R-2' },
      { item: 1 },
      'EV-20261101-AAAAAA',
      'Alice',
      at(),
    );
    await mount();
    expect(screen.getByTestId('request-list').textContent).toContain('0/2 items');
    fireEvent.click(screen.getByRole('button', { name: 'Open request R-2' }));
    const detail = await screen.findByTestId('request-detail');
    await waitFor(() =>
      expect(within(detail).getByTestId('request-evidence').textContent).toContain('HR leaver ticket L-102'),
    );

    const item2 = detail.querySelector('[data-item="2"]') as HTMLElement;
    fireEvent.change(within(item2).getByTestId('status-select'), { target: { value: 'provided' } });
    fireEvent.click(within(item2).getByTestId('status-apply'));
    await waitFor(() =>
      expect(
        screen.getByTestId('request-detail').querySelector('[data-item="2"]')?.getAttribute('data-status'),
      ).toBe('provided'),
    );

    const head = screen.getByRole('form', { name: 'Status of R-2' });
    fireEvent.change(within(head).getByTestId('status-select'), { target: { value: 'returned' } });
    fireEvent.click(within(head).getByTestId('status-apply'));
    expect((await within(head).findByRole('alert')).textContent).toContain('needs the auditor’s comment');
    fireEvent.input(within(head).getByTestId('status-comment'), { target: { value: 'L-101 is missing' } });
    fireEvent.click(within(head).getByTestId('status-apply'));
    await waitFor(() =>
      expect(screen.getByTestId('request-status').textContent).toBe('Returned with a comment'),
    );
    expect(screen.getByTestId('request-detail').textContent).toContain('Auditor: L-101 is missing');

    const log = await readCustodyLog(db);
    const statuses = log.filter((entry) => entry.event === 'request-status');
    expect(statuses.map((entry) => [entry.actor, entry.details])).toEqual([
      [
        'Alice',
        { audit: 'Stage 2', reference: 'R-2', item: 1, from: 'in-progress', to: 'provided', comment: '' },
      ],
      [
        'Alice',
        {
          audit: 'Stage 2',
          reference: 'R-2',
          item: null,
          from: 'in-progress',
          to: 'returned',
          comment: 'L-101 is missing',
        },
      ],
    ]);
    expect(statuses.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(verifyChain(log)).toEqual([]);
  });

  it('creates a request by hand, refuses an unknown control, and keeps filed evidence through an edit', async () => {
    await mount();
    fireEvent.click(screen.getByTestId('add-request'));
    const form = screen.getByTestId('request-form');
    const field = (name: string) => form.querySelector(`[name="${name}"]`) as HTMLInputElement;
    fireEvent.input(field('reference'), { target: { value: 'R-7' } });
    fireEvent.input(field('text'), { target: { value: 'Access review for finance systems, Q3' } });
    fireEvent.input(field('controls'), { target: { value: 'A.5.18, A.77' } });
    fireEvent.click(within(form).getByTestId('save-request'));
    expect((await within(form).findByRole('alert')).textContent).toContain('"A.77" is not');
    expect(await db.requests.count()).toBe(0);
    fireEvent.input(field('controls'), { target: { value: 'a5.18' } });
    fireEvent.click(within(form).getByTestId('save-request'));
    await screen.findByTestId('request-detail');
    await fileAgainstRequest(
      db,
      { audit: 'Stage 2', reference: 'R-7' },
      { item: null },
      'EV-20261101-AAAAAA',
      'Alice',
      at(),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const edit = screen.getByTestId('request-form');
    fireEvent.input(edit.querySelector('[name="owner"]') as HTMLInputElement, { target: { value: 'Bob' } });
    fireEvent.click(within(edit).getByTestId('save-request'));
    await screen.findByTestId('request-detail');
    const [saved] = await listRequests(db);
    expect(saved).toMatchObject({
      reference: 'R-7',
      audit: 'Stage 2',
      controls: ['A.5.18'],
      owner: 'Bob',
      evidenceIds: ['EV-20261101-AAAAAA'],
      status: 'in-progress',
    });
  });
});
