import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactBytes,
  captureFromPopup,
  checkedControls,
  clickToolbarButton,
  isPng,
  openTab,
  parseCsv,
  pngSize,
  popupTab,
  saveTagging,
  badgeText,
  readPageTable,
  startSession,
  utf8,
  verifyArtifacts,
  verifyCustodyChain,
  VIEWPORT,
  type E2eSession,
  type EvidenceDump,
  type PageTable,
  type StoredEvidence,
} from './harness';

interface ConsoleCase {
  file: string;
  /** The control the built-in rules must suggest (pre-checked). */
  suggested: string;
  /** A control picked through the search box: what is typed, and the result clicked. */
  search: { query: string; controlId: string };
  notes: string;
  effectiveDate: string;
  /** Text on the page, within the visible area. */
  visibleText: string[];
  /** The listing whose CSV is checked, and rows known from the fixture. */
  table: { selector: string; rowCount: number; knownRows: Record<string, string>[]; rawCsv?: string[] };
}

const CONSOLES: ConsoleCase[] = [
  {
    file: 'access-review.html',
    suggested: 'A.5.18',
    search: { query: 'segregation', controlId: 'A.5.3' },
    notes: 'Q3 review of finance system access, signed off by Grace Kim; 4 accounts removed.',
    effectiveDate: '2025-09-30',
    visibleText: [
      'Access review: Finance systems Q3 2025',
      'Northwind Identity admin center',
      'Amelia Fischer',
    ],
    table: {
      selector: '#review-decisions',
      rowCount: 40,
      knownRows: [
        {
          Name: 'Amelia Fischer',
          'E-mail': 'amelia.fischer@northwind-finance.example',
          Role: 'Member',
          Group: 'Finance-AP',
          'Last sign-in': '2025-09-01 07:00 UTC',
          'Reviewer decision': 'Approve',
        },
        {
          Name: "Liam O'Brien",
          'E-mail': 'liam.obrien@northwind-finance.example',
          'Reviewer decision': 'Approve',
        },
        { Name: 'Rosa Moreno', 'Last sign-in': 'Never', 'Reviewer decision': 'Deny' },
        { Name: 'Nora Jensen', Group: 'Payroll', 'Last sign-in': '2025-09-22 15:27 UTC' },
      ],
    },
  },
  {
    file: 'backup-jobs.html',
    suggested: 'A.8.13',
    search: { query: 'A.5.30', controlId: 'A.5.30' },
    notes: 'Nightly and weekly offsite backups, week 39; the failed session was re-run.',
    effectiveDate: '2025-09-30',
    visibleText: [
      'Backup jobs: session history',
      'ERP database (SQL) - nightly',
      'Vaultline Backup & Replication',
    ],
    // The session history is an ARIA grid built from divs, not a <table>.
    table: {
      selector: '#job-sessions',
      rowCount: 21,
      knownRows: [
        {
          'Job name': 'ERP database (SQL) - nightly',
          Target: 'Repo-Frankfurt-01 (immutable)',
          'Start time': '2025-09-30 21:00',
          'End time': '2025-09-30 21:20',
          Status: 'Success',
          Transferred: '12.4 GB',
        },
        { Status: 'Failed', Transferred: '0 B' },
        { 'Job name': 'HR application VMs', 'Start time': '2025-09-27 22:44', Transferred: '166.2 GB' },
      ],
    },
  },
  {
    file: 'ticket.html',
    suggested: 'A.8.32',
    search: { query: 'A.8.9', controlId: 'A.8.9' },
    notes: 'Firewall change CHG-1234: CAB approval, implementation and post-implementation review.',
    effectiveDate: '2025-09-25',
    visibleText: ['CHG-1234 Deploy firewall rule change', 'Pedro Alves', 'Rollback plan'],
    table: {
      selector: '#approvals',
      rowCount: 3,
      knownRows: [
        { Approver: 'Kim, Grace', Role: 'Service owner', Decision: 'Approved', Date: '2025-09-22' },
        { Approver: 'Haddad, Farid', Comment: 'Rule scoped to "sgw01" only, as agreed' },
      ],
      // RFC 4180: a comma or a quote puts the field in quotes, and a quote inside is doubled.
      rawCsv: ['"Kim, Grace"', '"Rule scoped to ""sgw01"" only, as agreed"'],
    },
  },
];

const byName = (record: StoredEvidence, name: string) => record.artifacts.find((a) => a.name === name);

/** Finds the CSV artifact holding a listing, by its header, and returns its data rows keyed by header. */
function csvListing(dump: EvidenceDump, record: StoredEvidence, expected: PageTable) {
  const wanted = expected.header.filter((name) => name !== '');
  for (const artifact of record.artifacts.filter((a) => a.role === 'table')) {
    const text = utf8(artifactBytes(dump, record, artifact.name));
    const { rows, lineBreaks } = parseCsv(text);
    const headerIndex = rows.findIndex((row) => wanted.every((name) => row.includes(name)));
    if (headerIndex === -1) continue;
    const header = rows[headerIndex]!;
    const data = rows
      .slice(headerIndex + 1)
      .map((row) => Object.fromEntries(wanted.map((name) => [name, row[header.indexOf(name)]])));
    return { artifact, text, lineBreaks, data };
  }
  throw new Error(
    `No table artifact of ${record.id} has the header ${JSON.stringify(wanted)}; tables: ${record.artifacts
      .filter((a) => a.role === 'table')
      .map((a) => a.name)
      .join(', ')}`,
  );
}

describe('capturing admin consoles from the toolbar popup', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(CONSOLES)('captures, tags and stores $file', async (fixture) => {
    const { extension } = session;
    const page: Page = await openTab(extension.context, session.fixture(fixture.file));
    const devicePixelRatio = await page.evaluate(() => window.devicePixelRatio);
    const expectedTable = await readPageTable(page, fixture.table.selector);
    expect(expectedTable.rows).toHaveLength(fixture.table.rowCount);
    const before = await session.read();

    const popup = await clickToolbarButton(extension, page);
    const result = await captureFromPopup(popup);
    expect(result).toEqual({ outcome: 'tagging' });
    await popup.waitFor('[data-testid="tagging"] img[data-testid="capture-thumbnail"]');
    expect(
      await popup.evaluate(() => {
        const image = document.querySelector<HTMLImageElement>('img[data-testid="capture-thumbnail"]');
        return image !== null && image.complete && image.naturalWidth > 0;
      }),
    ).toBe(true);

    // Nothing is lost to a closed popup: the capture is stored before it is tagged.
    const pending = await session.read();
    const newRecords = pending.evidence.filter(
      (record) => !before.evidence.some((old) => old.id === record.id),
    );
    expect(newRecords).toHaveLength(1);
    const evidenceId = newRecords[0]!.id;
    expect(newRecords[0]!.status).toBe('needs-review');

    // The rules suggest a control for this console, pre-checked.
    const suggested = `input[type=checkbox][data-control-id="${fixture.suggested}"]`;
    await popup.waitFor(suggested);
    expect(
      await popup.evaluate(
        (selector) => document.querySelector<HTMLInputElement>(selector)?.checked,
        suggested,
      ),
    ).toBe(true);

    // Add one more control through the search box.
    const extra = fixture.search.controlId;
    expect(
      await popup.exists(`input[type=checkbox][data-control-id="${extra}"]`),
      `${extra} is already offered`,
    ).toBe(false);
    await popup.type('input[data-testid="control-search"]', fixture.search.query);
    await popup.click(`button[data-testid="control-result"][data-control-id="${extra}"]`);
    await popup.waitForFunction(
      (selector) => document.querySelector<HTMLInputElement>(selector)?.checked === true,
      { args: [`input[type=checkbox][data-control-id="${extra}"]`], description: `${extra} checked` },
    );

    const chosenControls = await checkedControls(popup);
    expect(chosenControls).toEqual(expect.arrayContaining([fixture.suggested, extra]));
    const savedMessage = await saveTagging(popup, {
      notes: fixture.notes,
      effectiveDate: fixture.effectiveDate,
    });
    expect(savedMessage).toContain(evidenceId);
    await popup.close();

    const dump = await session.read({ withBlobs: true });
    const record = dump.evidence.find((candidate) => candidate.id === evidenceId)!;
    expect(record.status).toBe('ready');
    expect([...record.controls].sort()).toEqual([...chosenControls].sort());
    expect(record.notes).toBe(fixture.notes);
    expect(record.effectiveDate).toBe(fixture.effectiveDate);
    expect(record.url).toBe(page.url());
    expect(record.title).toBe(await page.title());
    expect(record.site).toBe('127.0.0.1');
    expect(record.kind).toBe('visible');

    // Every artifact's SHA-256 and size match the stored bytes, and each blob belongs to this record.
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    for (const artifact of record.artifacts)
      expect(dump.blobs.get(artifact.blobKey)?.evidenceId).toBe(evidenceId);
    const names = record.artifacts.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining(['original.png', 'stamped.png', 'text.txt', 'dom.html', 'metadata.json']),
    );
    expect(record.artifacts.some((a) => a.role === 'thumbnail')).toBe(true);

    // The original is the browser's PNG of the viewport; the stamped copy adds a band on top.
    const original = artifactBytes(dump, record, 'original.png');
    const stamped = artifactBytes(dump, record, 'stamped.png');
    expect(isPng(original) && isPng(stamped)).toBe(true);
    expect(byName(record, 'original.png')!.mimeType).toBe('image/png');
    const originalSize = pngSize(original);
    expect(originalSize).toEqual({
      width: Math.round(VIEWPORT.width * devicePixelRatio),
      height: Math.round(VIEWPORT.height * devicePixelRatio),
    });
    const stampedSize = pngSize(stamped);
    expect(stampedSize.width).toBe(originalSize.width);
    const band = stampedSize.height - originalSize.height;
    expect(band).toBeGreaterThan(0);
    expect(band).toBeLessThan(originalSize.height / 2);
    expect(byName(record, 'stamped.png')!.sha256).not.toBe(byName(record, 'original.png')!.sha256);

    const text = utf8(artifactBytes(dump, record, 'text.txt')).replace(/\s+/g, ' ');
    for (const words of fixture.visibleText) expect(text).toContain(words);

    const listing = csvListing(dump, record, expectedTable);
    expect(listing.lineBreaks.every((lineBreak) => lineBreak === '\r\n')).toBe(true);
    expect(listing.data).toHaveLength(fixture.table.rowCount);
    const expectedRows = expectedTable.rows.map((row) =>
      Object.fromEntries(
        expectedTable.header.flatMap((name, column) => (name === '' ? [] : [[name, row[column]]])),
      ),
    );
    expect(listing.data).toEqual(expectedRows);
    for (const known of fixture.table.knownRows)
      expect(listing.data).toContainEqual(expect.objectContaining(known));
    for (const raw of fixture.table.rawCsv ?? []) expect(listing.text).toContain(raw);

    const metadata = JSON.parse(utf8(artifactBytes(dump, record, 'metadata.json'))) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({ url: page.url() });
    expect(
      utf8(artifactBytes(dump, record, 'dom.html')),
      `dom.html; the capture's notes: ${JSON.stringify(metadata.notes)}`,
    ).toContain(fixture.visibleText[0]!.split(':')[0]);

    // The custody chain verifies with an independent implementation and ends with this capture.
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const ownEntries = dump.custody.filter((entry) => entry.evidenceId === evidenceId);
    expect(ownEntries[0]?.event).toBe('capture');
    expect(ownEntries.length).toBeGreaterThanOrEqual(2);
    expect(dump.custody.at(-1)?.evidenceId).toBe(evidenceId);
    const firstOwn = dump.custody.indexOf(ownEntries[0]!);
    expect(dump.custody.slice(firstOwn).every((entry) => entry.evidenceId === evidenceId)).toBe(true);

    await page.close();
  });

  it('shows a readable error on a browser page and stores nothing', async () => {
    const { extension } = session;
    const before = await session.read();
    // The toolbar button works on chrome:// pages (the popup opens), but extensions may not capture them.
    const page = await openTab(extension.context, 'chrome://version/');
    const popup = await clickToolbarButton(extension, page);
    const result = await captureFromPopup(popup);
    expect(result.outcome).toBe('error');
    const message = result.outcome === 'error' ? result.message : '';
    expect(message).toMatch(/^[A-Z].{20,}[.!]$/s);
    expect(message).not.toMatch(/\n\s+at |TypeError|undefined|\[object/);
    expect(
      await popup.evaluate(() =>
        document.querySelector('[data-testid="capture-error"]')?.getAttribute('role'),
      ),
    ).toBe('alert');
    expect(await popup.exists('[data-testid="tagging"]')).toBe(false);
    await popup.close();
    await page.close();

    const after = await session.read();
    expect(after.evidence.length).toBe(before.evidence.length);
    expect(after.custody.length).toBe(before.custody.length);
    expect(after.blobs.size).toBe(before.blobs.size);
  });

  it('counts captures that need review on the toolbar badge, and tagging one takes it off', async () => {
    const { extension } = session;
    const page = await openTab(extension.context, session.fixture('access-review.html'));
    const popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    const needsReview = (await session.read()).evidence.filter(
      (record) => record.status === 'needs-review',
    ).length;
    expect(needsReview).toBeGreaterThan(0);
    const { tabId } = await popupTab(popup);
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5_000 }).toBe(String(needsReview));

    // Tagging it takes it off the count; an empty badge stands for none.
    await saveTagging(popup, { notes: 'Badge check.' });
    const remaining = needsReview - 1;
    await expect
      .poll(() => badgeText(popup, tabId), { timeout: 5_000 })
      .toBe(remaining > 0 ? String(remaining) : '');
    await popup.close();
    await page.close();
  });
});
