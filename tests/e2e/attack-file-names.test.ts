import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameOrganisationIfAsked, parseCsv, startSession, type E2eSession } from './harness';
import { recordOutcome } from './reliability';

const IMG_TRAP = '<img src=x onerror="document.title=\'PWNED\'">';
/** File names a user may drop or paste without a second look; each must stay a name, nothing more. */
const HOSTILE_NAMES = [
  '../../evil<script>document.title="PWNED"</script>.html',
  "=cmd|' /C calc'!A0.csv",
  '+SUM(1+1)*cmd|.csv',
  '@SUM(A1).csv',
  '-2+3.csv',
  'C:\\Users\\victim\\..\\..\\Windows\\evil.pdf',
  '/etc/passwd',
  'nul\u0000byte.txt',
  `${'a'.repeat(300)}.txt`,
  `javascript:alert(1)${IMG_TRAP}.txt`,
  'metadata.json',
  'same.txt',
  'same.txt',
];
const NOTES = `=HYPERLINK("http://evil.example","click") ${IMG_TRAP}`;

/** Why a zip entry name could escape or collide, or null when it is a plain relative path. */
function unsafeEntry(name: string): string | null {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  if (name.includes('\u0000')) return 'NUL';
  if (name.split('/').some((segment) => segment === '..' || segment === '.')) return 'dot segment';
  return null;
}

describe('hostile file names dropped and pasted into the dashboard', () => {
  let session: E2eSession;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'isms-file-names-'));
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores them under safe names, renders them inert, and bundles them at safe, unique, relative paths', async () => {
    const { extension } = session;
    const dashboard = await extension.context.newPage();
    await dashboard.goto(`chrome-extension://${extension.extensionId}/dashboard.html#evidence`);
    await dashboard.getByTestId('drop-zone').waitFor();
    // What the browser hands the page on a drop and on a paste: File objects with these names.
    await dashboard.evaluate((names) => {
      const files = (list: string[]) => {
        const transfer = new DataTransfer();
        for (const name of list)
          transfer.items.add(new File([`contents of ${name}`], name, { type: 'text/plain' }));
        return transfer;
      };
      const dropped = names.slice(0, -2);
      document
        .querySelector('[data-testid="drop-zone"]')!
        .dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: files(dropped) }),
        );
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: files(names.slice(-2)) }));
    }, HOSTILE_NAMES);
    await dashboard.getByTestId('file-notes').fill(NOTES);
    await dashboard.getByTestId('add-files').click();
    await dashboard
      .getByTestId('library-count')
      .filter({ hasText: `${HOSTILE_NAMES.length} of ${HOSTILE_NAMES.length} evidence items` })
      .waitFor({ timeout: 60_000 });

    // The dashboard shows the names as text: no element, handler or script came out of them.
    const inert = await dashboard.evaluate(() => ({
      title: document.title,
      injected: document.querySelectorAll('img[src="x"], [onerror], script:not([src])').length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      text: document.body.innerText,
    }));
    expect(inert).toMatchObject({ injected: 0, javascriptLinks: 0 });
    expect(inert.title).not.toBe('PWNED');
    expect(inert.text).toContain('evil<script>');

    // Export to a download, and read the zip as an auditor's tools would.
    const exporter = await extension.context.newPage();
    await exporter.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
    });
    await exporter.goto(`chrome-extension://${extension.extensionId}/export.html`);
    await nameOrganisationIfAsked(exporter);
    await exporter.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
    const downloaded = exporter.waitForEvent('download', { timeout: 60_000 });
    await exporter.getByTestId('export-start').click();
    const outcome = exporter.locator('[data-testid="export-done"], [data-testid="export-error"]');
    await outcome.first().waitFor({ timeout: 60_000 });
    expect(await exporter.getByTestId('export-error').count(), await outcome.first().innerText()).toBe(0);
    const download = await downloaded;
    const zipPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(zipPath);
    await exporter.close();

    const entries = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trimEnd().split('\n');
    const [top] = entries[0]!.split('/');
    const problems = entries.flatMap((entry) => {
      const unsafe = unsafeEntry(entry);
      return [
        ...(unsafe ? [`${entry}: ${unsafe}`] : []),
        ...(entry.split('/')[0] !== top ? [`${entry}: outside the one top folder`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect(new Set(entries).size).toBe(entries.length);
    const folders = new Set(entries.flatMap((entry) => /\/data\/evidence\/([^/]+)\//.exec(entry)?.[1] ?? []));
    expect(folders.size).toBe(HOSTILE_NAMES.length);

    const bag = path.join(dir, 'bag');
    execFileSync('unzip', ['-q', zipPath, '-d', bag]);
    const bagDir = path.join(bag, top!);
    expect(
      execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bagDir, encoding: 'utf8' }),
    ).toBe('');

    // CSV: no cell a spreadsheet would run as a formula.
    const formulaCells = [];
    for (const csv of ['register.csv']) {
      const { rows } = parseCsv(await readFile(path.join(bagDir, 'data', csv), 'utf8'));
      formulaCells.push(...rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell)));
    }
    expect(formulaCells).toEqual([]);

    // index.html, opened in the browser as the auditor would: the names stay text.
    const index = await extension.context.newPage();
    await index.goto(pathToFileURL(path.join(bagDir, 'data', 'index.html')).href);
    const report = await index.evaluate(() => ({
      title: document.title,
      injected: document.querySelectorAll('img[src="x"], [onerror], script:not([src])').length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      text: document.body.innerText,
    }));
    await index.close();
    await dashboard.close();
    expect(report).toMatchObject({ injected: 0, javascriptLinks: 0 });
    expect(report.title).not.toBe('PWNED');
    expect(report.text).toContain('=HYPERLINK(');

    recordOutcome('hostile-file-names', {
      observed: `${HOSTILE_NAMES.length} files stored; ${entries.length} zip entries all relative, unique, no ..; 0 formula cells; 0 injected elements in dashboard and index.html; sha256sum -c clean`,
      evidenceLost: 0,
      tries: HOSTILE_NAMES.length,
    });
  });
});
