import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceSection } from '@/components/library/EvidenceSection';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { verifyChain } from '@/utils/integrity/custody';
import { readCoverageSummaries } from '@/storage/coverage-index';
import { readCustodyLog } from '@/storage/custody-log';
import { EvidenceDatabase } from '@/storage/db';
import { deleteEvidence, editEvidence, supersedeEvidence } from '@/storage/evidence-edits';
import { addFileEvidence } from '@/storage/file-evidence';
import {
  claimNextJob,
  failJob,
  finishJob,
  queueChanges,
  recordWritten,
  retryNow,
} from '@/storage/sync-queue';
import { storeCaptures } from '@/tests/support/library-fixtures';
import { offlineFailure } from '@/utils/team-store/errors';
import type { TeamStoreView } from '@/utils/team-store/settings-check';
import {
  createEvidenceServices,
  previewOf,
  type EvidenceServices,
  type EvidenceServicesContext,
} from './evidence-section-services';

let db: EvidenceDatabase;
let services: EvidenceServices;
let counter = 0;
const at = () => new Date().toISOString();

beforeEach(async () => {
  db = new EvidenceDatabase(`section-${++counter}`);
  await db.open();
  await storeCaptures(db, [
    {
      id: 'EV-20261101-AAAAAA',
      capturedAt: '2026-11-01T10:00:00.000Z',
      title: 'Backup jobs',
      controls: ['A.8.13'],
      text: 'nightly job success',
    },
    {
      id: 'EV-20261102-BBBBBB',
      capturedAt: '2026-11-02T10:00:00.000Z',
      title: 'Admin users',
      controls: ['A.5.18'],
      text: 'alice bob',
    },
  ]);
  services = createEvidenceServices(servicesContext());
});

/** The background's part, done directly on the test database. */
function servicesContext(): EvidenceServicesContext {
  return {
    db,
    storage: undefined,
    save: () => {},
    createObjectUrl: () => `blob:test/${Math.random()}`,
    revokeObjectUrl: () => {},
    writes: {
      edit: async (id, change) => {
        await editEvidence(db, id, change, 'Alice', at());
      },
      supersede: async (id, by, note) => {
        await supersedeEvidence(db, id, by, 'Alice', at(), note);
      },
      remove: async (id, reason, removeDescription) => {
        await deleteEvidence(db, id, reason, 'Alice', at(), { removeDescription });
      },
      addFile: async (file, tagging) =>
        (
          await addFileEvidence(
            db,
            // As the background gets it through fetch(blobUrl): a plain Blob.
            {
              data: new Blob([await file.arrayBuffer()], { type: file.type }),
              fileName: file.name,
              lastModified: file.lastModified,
              ...tagging,
            },
            {
              addedAt: new Date(),
              randomBytes: Uint8Array.from([9, 9, 9, 9, 9, 9]),
              capturer: 'Alice',
              timeZone: 'UTC',
              extensionVersion: '0',
              browser: { name: 'test', version: '0' },
            },
          )
        ).evidence.id,
    },
  };
}
afterEach(async () => {
  cleanup();
  await db.delete();
});

function mount() {
  render(
    <EvidenceSection
      catalogue={DEFAULT_CATALOGUE}
      services={services}
      exportHref="/export.html"
      listenForPaste={false}
    />,
  );
}

const rowOf = async (title: string) =>
  (await within(screen.getByTestId('library-list')).findByText(title)).closest('button') as HTMLElement;

describe('the evidence section on a real database', () => {
  it('retags evidence in the detail view: the list, the coverage index and the custody log follow', async () => {
    mount();
    await waitFor(() =>
      expect(screen.getByTestId('library-count').textContent).toMatch(/^2 of 2 evidence items/),
    );
    fireEvent.click(await rowOf('Backup jobs'));
    const detail = await screen.findByTestId('evidence-detail');
    fireEvent.input(within(detail).getByTestId('control-search'), { target: { value: 'A.5.30' } });
    fireEvent.click(await within(detail).findByText('A.5.30'));
    fireEvent.click(within(detail).getByTestId('save-edit'));

    await waitFor(async () => expect((await rowOf('Backup jobs')).textContent).toContain('A.8.13, A.5.30'));
    const log = await readCustodyLog(db);
    expect(log.at(-1)).toMatchObject({
      event: 'retag',
      evidenceId: 'EV-20261101-AAAAAA',
      details: { to: ['A.8.13', 'A.5.30'] },
    });
    expect(verifyChain(log)).toEqual([]);
    const coverage = await readCoverageSummaries(db);
    expect(coverage.find((summary) => summary.id === 'EV-20261101-AAAAAA')?.controls.sort()).toEqual([
      'A.5.30',
      'A.8.13',
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('custody-history').textContent).toContain('controls A.8.13 → A.8.13, A.5.30'),
    );
  });

  it('finds evidence by captured text and deletes it with a reason, leaving a tombstone', async () => {
    mount();
    fireEvent.input(await screen.findByTestId('library-search'), { target: { value: 'nightly' } });
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toMatch(/^1 of 2/));
    fireEvent.click(await rowOf('Backup jobs'));
    const detail = await screen.findByTestId('evidence-detail');
    fireEvent.input(within(detail).getByTestId('delete-reason'), { target: { value: 'Shows a password' } });
    fireEvent.click(within(detail).getByTestId('delete-evidence'));
    fireEvent.click(within(detail).getByTestId('delete-evidence'));
    await screen.findByTestId('tombstone-notice');
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toMatch(/^0 of 2/));
    expect(await db.blobs.where('evidenceId').equals('EV-20261101-AAAAAA').count()).toBe(0);
    expect((await readCustodyLog(db)).at(-1)).toMatchObject({
      event: 'delete',
      details: { reason: 'Shows a password' },
    });
  });

  it('adds a dropped file and finds it in the library; the integrity check then passes', async () => {
    mount();
    await screen.findByText('Backup jobs');
    fireEvent.drop(screen.getByTestId('drop-zone'), {
      dataTransfer: {
        files: [new File(['user,role\nalice,admin\n'], 'access-review.csv', { type: 'text/csv' })],
      },
    });
    fireEvent.click(screen.getByTestId('add-files'));
    expect(await screen.findByText(/Added “access-review.csv” as EV-/)).toBeTruthy();
    expect(await screen.findByText('access-review.csv')).toBeTruthy();

    fireEvent.click(screen.getByTestId('run-integrity-check'));
    expect((await screen.findByTestId('integrity-result')).textContent).toMatch(/No problems: 8 files/);
  });

  it('reports a corrupted file by name in the integrity panel', async () => {
    await db.blobs.put({
      key: 'EV-20261102-BBBBBB/text.txt',
      evidenceId: 'EV-20261102-BBBBBB',
      data: new Blob(['tampered']),
    });
    mount();
    fireEvent.click(await screen.findByTestId('run-integrity-check'));
    const problems = await screen.findByTestId('integrity-problems');
    expect(problems.textContent).toContain('Changed bytes — EV-20261102-BBBBBB/text.txt');
  });
});

describe('previewOf', () => {
  const artifact = {
    role: 'table' as const,
    name: 'table-1.csv',
    mimeType: 'text/csv',
    size: 0,
    sha256: '',
    blobKey: '',
  };

  it('parses tables and falls back to text for malformed CSV', async () => {
    expect(await previewOf(artifact, new Blob(['a,b\r\n1,2\r\n']))).toEqual({
      kind: 'table',
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
      truncated: false,
    });
    expect(await previewOf(artifact, new Blob(['"open']))).toEqual({
      kind: 'text',
      text: '"open',
      truncated: false,
    });
  });

  it('offers no preview for binary files', async () => {
    const pdf = { ...artifact, role: 'file' as const, name: 'policy.pdf', mimeType: 'application/pdf' };
    expect((await previewOf(pdf, new Blob(['%PDF']))).kind).toBe('unavailable');
  });
});

describe('the record detail and the team store', () => {
  const ID = 'EV-20261101-AAAAAA';
  const view = (complete: boolean, tamperProof: boolean): TeamStoreView => ({
    fields: {
      endpoint: 'https://s3.example.net',
      region: 'eu-west-1',
      bucket: 'b',
      prefix: 'acme',
      pathStyle: false,
      accessKeyId: 'K',
    },
    secretSet: complete,
    managed: [],
    accepted: false,
    complete,
    probe: {
      tamperProof,
      lockEnabled: tamperProof,
      deleteStatus: tamperProof ? 403 : 204,
      reasons: [],
      summary: '',
      at: at(),
      target: 'acme/probe',
    },
  });
  const withStore = (store: TeamStoreView) =>
    createEvidenceServices({ ...servicesContext(), teamStore: async () => store });

  it('without a team store set up, the detail says nothing of one', async () => {
    await queueChanges(db, at());
    expect((await withStore(view(false, true)).loadDetail(ID))?.teamStore).toBeUndefined();
    expect((await services.loadDetail(ID))?.teamStore).toBeUndefined();
  });

  it('follows the record through the upload queue to the version IDs in the store', async () => {
    const detail = withStore(view(true, true));
    await queueChanges(db, at());
    expect((await detail.loadDetail(ID))?.teamStore).toEqual({
      state: { where: 'uploading', status: 'waiting', lastError: null, uploaded: false },
      locked: true,
    });
    let job = (await claimNextJob(db, Date.now()))!;
    while (job.evidenceId !== ID) {
      await finishJob(db, job.id!, at());
      job = (await claimNextJob(db, Date.now()))!;
    }
    await failJob(db, job.id!, offlineFailure(), Date.now());
    const failed = (await detail.loadDetail(ID))?.teamStore?.state;
    expect(failed).toMatchObject({ where: 'uploading', status: 'waiting', uploaded: false });
    expect(failed?.where === 'uploading' && failed.lastError).toMatch(/offline/);

    await retryNow(db);
    job = (await claimNextJob(db, Date.now()))!;
    await recordWritten(db, job.id!, `acme/installations/I/records/${ID}/1.json`, 'v-1', 0, Date.now());
    await finishJob(db, job.id!, at());
    expect((await detail.loadDetail(ID))?.teamStore).toEqual({
      state: {
        where: 'stored',
        revision: 1,
        versionIds: { [`acme/installations/I/records/${ID}/1.json`]: 'v-1' },
      },
      locked: true,
    });
    expect((await withStore(view(true, false)).loadDetail(ID))?.teamStore?.locked).toBe(false);
  });
});
