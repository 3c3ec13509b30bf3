import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { mouseClick } from './gestures.mjs';
import { click, evaluate, openTab, waitFor } from './pages.mjs';
import { captureItems, openSeedingTab, seedRecords } from './seed.mjs';
import { exportText } from '../../utils/text';

// The export in Firefox streams the zip into the add-on's origin-private file system and hands the finished
// file to downloads.download: the bundle arrives whole in the download folder, and no working file is left.
// Firefox's optional-permission doorhanger (downloads, asked at the export's click) cannot be answered by
// headless automation: the profile sets `extensions.webextOptionalPermissionPrompts = false`, Firefox's own
// switch for its test suites; permissions.request still needs the real click below (a trusted BiDi mouse click).

const SMALL = captureItems(4, 300_000, { tag: 1 });
// Large enough that the export is still writing when Cancel is pressed.
const LARGE = captureItems(48, 6_000_000, { tag: 2, start: Date.now() - 200 * 3_600_000 });

/** Every file the add-on's origin-private file system holds, by path, with its size. */
function opfsFiles() {
  const walk = async (folder: FileSystemDirectoryHandle, prefix: string): Promise<string[]> => {
    const found: string[] = [];
    for await (const [name, handle] of (
      folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
    ).entries()) {
      if (handle.kind === 'directory')
        found.push(...(await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`)));
      else found.push(`${prefix}${name} ${(await (handle as FileSystemFileHandle).getFile()).size}`);
    }
    return found;
  };
  return navigator.storage.getDirectory().then((root) => walk(root, ''));
}

/** Whether the export estimate has been read and says this. */
function estimateSays(words: string): boolean {
  return (document.querySelector('[data-testid="export-estimate"]')?.textContent ?? '').includes(words);
}

/** Types the organisation a fresh profile has not set yet, as a person would. */
function nameOrganisation() {
  const field = document.querySelector<HTMLInputElement>('[data-testid="export-organisation"]');
  if (!field) return true;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, 'Example Ltd');
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** The text of the first of these test IDs the page shows (sent to the page as source: self-contained). */
function shown(...testIds: string[]): string {
  for (const testId of testIds) {
    const found = document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
    if (found) return found;
  }
  return '';
}

async function downloads(directory: string): Promise<string[]> {
  return (await readdir(directory)).sort();
}

describe('Firefox: the export streams through the origin-private file system into a download', () => {
  let firefox: LaunchedFirefox | undefined;
  let hashes: Record<string, string> = {};

  beforeAll(async () => {
    firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    const seeder = await openSeedingTab(firefox);
    hashes = await seedRecords(firefox, seeder.context, SMALL);
    await seeder.close();
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
  });

  async function openExport(ff: LaunchedFirefox) {
    const page = await openTab(ff, ff.extensionUrl('export.html'));
    await waitFor(ff, page, estimateSays, { args: ['evidence records'], description: 'the estimate' });
    await evaluate(ff, page, nameOrganisation);
    return page;
  }

  it('downloads a zip that unzip and Python read back, its manifest verifies, and no working file is left', async () => {
    const ff = firefox!;
    const page = await openExport(ff);
    await waitFor(ff, page, estimateSays, {
      args: ['4 evidence records'],
      description: 'the estimate of the 4 records',
    });
    await mouseClick(ff, page, '[data-testid="export-start"]');
    const done = await waitFor(ff, page, shown, {
      args: ['export-done', 'export-error'],
      timeout: 60_000,
      description: 'the export to finish',
    });
    expect(done).toMatch(/^Saved isms-evidence_.+\.zip: 4 evidence records/);
    // Done means the download is complete (downloads.onChanged), not just started.
    const files = await downloads(ff.downloadDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^isms-evidence_.+\.zip$/);
    const zip = path.join(ff.downloadDir, files[0]!);
    // The download permission was granted by the click (the page did not fall back to a link).
    const granted = await evaluate(ff, page, () =>
      (
        globalThis as unknown as {
          browser: { permissions: { getAll(): Promise<{ permissions: string[] }> } };
        }
      ).browser.permissions
        .getAll()
        .then((all) => all.permissions),
    );
    expect(granted).toContain('downloads');

    const unzip = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
    expect(unzip.stdout).toMatch(/No errors detected/);

    const python = spawnSync(
      'python3',
      [
        '-c',
        `import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
bag = names[0].split('/')[0]
checked = {}
for manifest in ('manifest-sha256.txt', 'tagmanifest-sha256.txt'):
    for line in z.read(bag + '/' + manifest).decode().splitlines():
        digest, name = line.split(None, 1)
        actual = hashlib.sha256(z.read(bag + '/' + name.lstrip('*'))).hexdigest()
        checked[name] = actual == digest
evidence = {n[len(bag) + 1:]: hashlib.sha256(z.read(n)).hexdigest() for n in names if n.endswith('/original.png')}
print(json.dumps({"bad": bad, "checked": checked, "evidence": evidence}))`,
        zip,
      ],
      { encoding: 'utf8' },
    );
    expect(python.status, python.stderr).toBe(0);
    const read = JSON.parse(python.stdout) as {
      bad: string | null;
      checked: Record<string, boolean>;
      evidence: Record<string, string>;
    };
    expect(read.bad).toBeNull();
    expect(Object.keys(read.checked).length).toBeGreaterThan(10);
    expect(Object.entries(read.checked).filter(([, ok]) => !ok)).toEqual([]);
    // Each seeded artifact is in the bag byte for byte.
    expect(read.evidence).toEqual(
      Object.fromEntries(Object.entries(hashes).map(([key, hash]) => [`data/evidence/${key}`, hash])),
    );

    expect(await evaluate(ff, page, opfsFiles)).toEqual([]);
  });

  it('cancel stops the export, removes the partial file and downloads nothing', async () => {
    const ff = firefox!;
    const seeder = await openSeedingTab(ff);
    await seedRecords(ff, seeder.context, LARGE);
    await seeder.close();
    const before = await downloads(ff.downloadDir);
    const page = await openExport(ff);
    await waitFor(ff, page, estimateSays, {
      args: ['52 evidence records'],
      description: 'the estimate of the 52 records',
    });
    await mouseClick(ff, page, '[data-testid="export-start"]');
    // Cancel once the zip is being written into the working file.
    await waitFor(
      ff,
      page,
      () =>
        /· [1-9][\d.]* MB/.test(
          document.querySelector('[data-testid="bundle-progress"]')?.textContent ?? '',
        ) || document.querySelector('[data-testid="export-done"], [data-testid="export-error"]') !== null,
      { timeout: 60_000, description: 'the export to write its first megabytes' },
    );
    const writing = await evaluate(ff, page, opfsFiles);
    expect(writing).toHaveLength(1);
    expect(writing[0]).toMatch(/^exports\/.+\.zip \d+$/);
    await click(ff, page, '[data-testid="export-cancel"]');
    const outcome = await waitFor(ff, page, shown, {
      args: ['export-cancelled', 'export-done', 'export-error'],
      timeout: 60_000,
      description: 'the export to stop',
    });
    expect(outcome).toBe('Export cancelled; the partial file was discarded.');
    expect(await evaluate(ff, page, opfsFiles)).toEqual([]);
    // Nothing was handed to the downloads.
    expect(await downloads(ff.downloadDir)).toEqual(before);
  });
});

// A full disk, made small: Firefox's own quota switch caps the storage of every site and add-on at 100 MB, of
// which one origin gets a fifth (20 MB). The database holds 12 MB of evidence, so the zip cannot fit beside it.
describe('Firefox: an export that does not fit says so and leaves nothing behind', () => {
  let firefox: LaunchedFirefox | undefined;

  beforeAll(async () => {
    firefox = await launchFirefox({
      prefs: {
        'extensions.webextOptionalPermissionPrompts': false,
        'dom.quotaManager.temporaryStorage.fixedLimit': 100 * 1024,
      },
    });
    const seeder = await openSeedingTab(firefox);
    await seedRecords(firefox, seeder.context, captureItems(6, 2_000_000, { tag: 3 }));
    await seeder.close();
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
  });

  it('fails with the full-disk sentence, removes the partial file and downloads nothing', async () => {
    const ff = firefox!;
    const page = await openTab(ff, ff.extensionUrl('export.html'));
    await waitFor(ff, page, estimateSays, { args: ['6 evidence records'], description: 'the estimate' });
    await evaluate(ff, page, nameOrganisation);
    await mouseClick(ff, page, '[data-testid="export-start"]');
    const outcome = await waitFor(ff, page, shown, {
      args: ['export-error', 'export-done', 'export-cancelled'],
      timeout: 60_000,
      description: 'the export to stop',
    });
    expect(outcome).toBe(`Export failed: ${exportText.diskFull}`);
    expect(await evaluate(ff, page, opfsFiles)).toEqual([]);
    expect(await downloads(ff.downloadDir)).toEqual([]);
  });
});
