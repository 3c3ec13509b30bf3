/**
 * The auditor bundle, saved from the real extension and read back with readers other than the writer:
 * Info-ZIP `unzip`, coreutils `sha256sum`, Python's `zipfile`, node:crypto, a BagIt check written here
 * against RFC 8493, and Chromium opening `data/index.html` from disk the way an auditor would.
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  openTab,
  parseCsv,
  saveTagging,
  sha256Hex,
  startSession,
  verifyCustodyChain,
  type E2eSession,
  type StoredEvidence,
} from './harness';

const ORGANISATION = 'Northwind Traders & Co. KG';
const ORG_SLUG = 'northwind-traders-co-kg';
const CAPTURER = 'Grace Kim';
const HOSTILE_NOTES = `+cmd|' /C calc'!A0 <img src=x onerror=alert(4)> "'><script>alert(5)</script>`;
const PASSPHRASE = 'correct horse battery staple';

const CAPTURES = [
  { file: 'access-review.html', notes: 'Q3 access review of the finance systems.' },
  { file: 'backup-jobs.html', notes: 'Nightly backups, week 39.' },
  { file: 'ticket.html', notes: 'CHG-1234 approvals.' },
  { file: 'hostile-title.html', notes: HOSTILE_NOTES },
];

/** Runs a stock tool, never through a shell, with nothing on its standard input. */
function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface PyEntry {
  name: string;
  flag_bits: number;
  compress_type: number;
  header_offset: number;
  compress_size: number;
  file_size: number;
  CRC: number;
  extra: string;
}

/** The central directory as Python's zipfile reads it. */
function pythonEntries(zipPath: string): PyEntry[] {
  const script = [
    'import json, sys, zipfile',
    'with zipfile.ZipFile(sys.argv[1]) as z:',
    '    print(json.dumps([dict(name=i.filename, flag_bits=i.flag_bits, compress_type=i.compress_type,',
    '        header_offset=i.header_offset, compress_size=i.compress_size, file_size=i.file_size,',
    '        CRC=i.CRC, extra=i.extra.hex()) for i in z.infolist()]))',
  ].join('\n');
  const result = run('python3', ['-c', script, zipPath]);
  expect(result.status, result.output).toBe(0);
  return JSON.parse(result.output) as PyEntry[];
}

/** Every file under a folder, as paths relative to it with '/' separators. */
function walk(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) throw new Error(`${relative} is a symbolic link`);
    return entry.isDirectory() ? walk(root, relative) : [relative];
  });
}

/** `<sha256>  <path>` lines, strictly: two spaces, lower-case hex, no duplicates. */
function readManifest(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), `${path.basename(file)} ends with a line break`).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
    expect(match, `${path.basename(file)} line ${JSON.stringify(line)}`).not.toBeNull();
    expect(entries.has(match![2]!), `${match![2]} listed twice`).toBe(false);
    entries.set(match![2]!, match![1]!);
  }
  return entries;
}

/**
 * A BagIt 1.0 (RFC 8493) validation written for this test, independent of the exporter's code:
 * bag declaration, bag-info with a correct Payload-Oxum, complete and exact payload and tag manifests.
 */
function checkBag(bagDir: string) {
  const rootFiles = readdirSync(bagDir).sort();
  expect(rootFiles).toEqual(
    [
      'bag-info.txt',
      'bagit.txt',
      'data',
      'manifest-sha256.txt',
      'signature',
      'tagmanifest-sha256.txt',
    ].sort(),
  );
  expect(readdirSync(path.join(bagDir, 'signature')).sort()).toEqual(['bag.sig', 'public-key.pem']);
  // §2.1.1: exactly these two lines, in this order.
  expect(readFileSync(path.join(bagDir, 'bagit.txt'), 'utf8')).toBe(
    'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
  );
  // §2.2.2: label: value lines.
  const info = new Map<string, string>();
  for (const line of readFileSync(path.join(bagDir, 'bag-info.txt'), 'utf8').trimEnd().split('\n')) {
    const match = /^([^:\s][^:]*): (.*)$/.exec(line);
    expect(match, `bag-info.txt line ${JSON.stringify(line)}`).not.toBeNull();
    info.set(match![1]!, match![2]!);
  }
  const payload = walk(path.join(bagDir, 'data')).map((file) => `data/${file}`);
  const octets = payload.reduce((sum, file) => sum + statSync(path.join(bagDir, file)).size, 0);
  expect(info.get('Payload-Oxum')).toBe(`${octets}.${payload.length}`);
  expect(info.get('Source-Organization')).toBe(ORGANISATION);
  expect(info.get('Bagging-Date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // §2.1.3: every payload file in the manifest and nothing else; hashes recomputed with node:crypto.
  const manifest = readManifest(path.join(bagDir, 'manifest-sha256.txt'));
  expect([...manifest.keys()].sort()).toEqual([...payload].sort());
  for (const [file, sha256] of manifest)
    expect(sha256Hex(readFileSync(path.join(bagDir, file))), file).toBe(sha256);

  // §2.2.1: the tag manifest covers every tag file but itself and the signature made over it.
  const tags = readManifest(path.join(bagDir, 'tagmanifest-sha256.txt'));
  expect([...tags.keys()].sort()).toEqual([
    'bag-info.txt',
    'bagit.txt',
    'manifest-sha256.txt',
    'signature/public-key.pem',
  ]);
  for (const [file, sha256] of tags)
    expect(sha256Hex(readFileSync(path.join(bagDir, file))), file).toBe(sha256);
  return { info, payload, manifest };
}

/**
 * Opens the export page with no `showSaveFilePicker`, so it takes the `<a download>` path, exports with
 * the default filters (and a passphrase if given) and saves the download into `dir`.
 */
async function exportFromPage(session: E2eSession, dir: string, passphrase?: string) {
  const { context, extensionId } = session.extension;
  const page = await context.newPage();
  await page.addInitScript(() => {
    const target = window as unknown as Record<string, unknown>;
    delete target.showSaveFilePicker;
    delete (Object.getPrototypeOf(window) as Record<string, unknown>).showSaveFilePicker;
  });
  await page.goto(`chrome-extension://${extensionId}/export.html`);
  expect(await page.evaluate(() => 'showSaveFilePicker' in window)).toBe(false);
  await page.getByTestId('export-estimate').filter({ hasText: 'evidence records' }).waitFor();
  if (passphrase) {
    await page.getByTestId('encrypt').check();
    await page.getByTestId('passphrase').fill(passphrase);
    await page.getByTestId('passphrase-repeat').fill(passphrase);
    await expect.poll(() => page.getByTestId('export-start').isEnabled()).toBe(true);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId('export-start').click(),
  ]);
  const fileName = download.suggestedFilename();
  const zipPath = path.join(dir, fileName);
  await download.saveAs(zipPath);
  const done = (await page.getByTestId('export-done').textContent({ timeout: 30_000 })) ?? '';
  await page.close();
  return { fileName, zipPath, done };
}

/** AES-256 WinZip AE-x (what zip.js writes): salt, verifier, CTR with a little-endian counter, HMAC-SHA1. */
function decryptWinZipAes(entry: PyEntry, zip: Buffer, password: string): Buffer {
  // Extra field 0x9901: vendor version, "AE", strength (3 = AES-256), the real compression method.
  const extra = Buffer.from(entry.extra, 'hex');
  let aes: { strength: number; method: number } | null = null;
  for (let offset = 0; offset + 4 <= extra.length;) {
    const id = extra.readUInt16LE(offset);
    const size = extra.readUInt16LE(offset + 2);
    if (id === 0x9901)
      aes = { strength: extra.readUInt8(offset + 8), method: extra.readUInt16LE(offset + 9) };
    offset += 4 + size;
  }
  expect(aes, `${entry.name} has a WinZip AES extra field`).not.toBeNull();
  expect(aes!.strength, `${entry.name} is AES-256`).toBe(3);
  const nameLength = zip.readUInt16LE(entry.header_offset + 26);
  const extraLength = zip.readUInt16LE(entry.header_offset + 28);
  const start = entry.header_offset + 30 + nameLength + extraLength;
  const raw = zip.subarray(start, start + entry.compress_size);
  const salt = raw.subarray(0, 16);
  const verifier = raw.subarray(16, 18);
  const data = raw.subarray(18, raw.length - 10);
  const mac = raw.subarray(raw.length - 10);
  const keys = pbkdf2Sync(password, salt, 1000, 66, 'sha1');
  expect(keys.subarray(64).equals(verifier), `${entry.name}: password verifier`).toBe(true);
  expect(
    createHmac('sha1', keys.subarray(32, 64)).update(data).digest().subarray(0, 10).equals(mac),
    `${entry.name}: HMAC-SHA1`,
  ).toBe(true);
  const blocks = Math.ceil(data.length / 16);
  const counters = Buffer.alloc(blocks * 16);
  for (let block = 0; block < blocks; block++) counters.writeUInt32LE(block + 1, block * 16);
  const cipher = createCipheriv('aes-256-ecb', keys.subarray(0, 32), null).setAutoPadding(false);
  const stream = Buffer.concat([cipher.update(counters), cipher.final()]);
  const plain = Buffer.alloc(data.length);
  for (let index = 0; index < data.length; index++) plain[index] = data[index]! ^ stream[index]!;
  return aes!.method === 8 ? inflateRawSync(plain) : plain;
}

describe('the auditor bundle exported from the real extension', () => {
  let session: E2eSession;
  let work: string;
  let records: StoredEvidence[] = [];
  let hostileTitle = '';
  let bundle: { fileName: string; zipPath: string; done: string; name: string; bagDir: string };

  beforeAll(async () => {
    session = await startSession();
    work = mkdtempSync(path.join(tmpdir(), 'isms-bundle-e2e-'));
  });

  afterAll(async () => {
    await session?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('captures three consoles and a hostile page, for an organisation set in Settings', async () => {
    const { extension } = session;
    const settings = await openTab(
      extension.context,
      `chrome-extension://${extension.extensionId}/dashboard.html#settings`,
    );
    await settings.getByTestId('settings-capturer').fill(CAPTURER);
    await settings.getByTestId('settings-organisation').fill(ORGANISATION);
    await settings.locator('form[aria-labelledby="settings-heading"] button[type=submit]').click();
    await settings.getByText('Settings saved.').waitFor();
    await settings.close();

    for (const capture of CAPTURES) {
      const page = await openTab(extension.context, session.fixture(capture.file));
      if (capture.file === 'hostile-title.html') hostileTitle = await page.title();
      const popup = await clickToolbarButton(extension, page);
      expect(await captureFromPopup(popup), capture.file).toEqual({ outcome: 'tagging' });
      await saveTagging(popup, { notes: capture.notes });
      await popup.close();
      await page.close();
    }
    expect(hostileTitle).toContain('<img src=x onerror=alert(1)>');
    records = (await session.read()).evidence;
    expect(records).toHaveLength(CAPTURES.length);
    expect(records.every((record) => record.capturer === CAPTURER && record.status === 'ready')).toBe(true);
    expect(records.find((record) => record.title === hostileTitle)?.controls.length).toBeGreaterThan(0);
  });

  it('saves a dated zip that unzip tests clean, with one top folder of the same name', async () => {
    const before = new Date();
    const exported = await exportFromPage(session, work);
    const after = new Date();
    const day = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const match = /^isms-evidence_([a-z0-9-]+)_(\d{4}-\d{2}-\d{2})\.zip$/.exec(exported.fileName);
    expect(match, exported.fileName).not.toBeNull();
    expect(match![1]).toBe(ORG_SLUG);
    expect([day(before), day(after)]).toContain(match![2]);
    const name = exported.fileName.replace(/\.zip$/, '');
    expect(exported.done).toContain(`${name}.zip`);
    expect(exported.done).toContain(`${CAPTURES.length} evidence records`);

    const test = run('unzip', ['-t', exported.zipPath]);
    expect(test.status, test.output).toBe(0);
    expect(test.output).toContain('No errors detected');

    const listing = run('unzip', ['-Z1', exported.zipPath]);
    expect(listing.status, listing.output).toBe(0);
    const entries = listing.output.trim().split('\n');
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(entry.startsWith(`${name}/`), entry).toBe(true);

    const extracted = path.join(work, 'plain');
    const unzip = run('unzip', ['-q', exported.zipPath, '-d', extracted]);
    expect(unzip.status, unzip.output).toBe(0);
    expect(readdirSync(extracted)).toEqual([name]);
    bundle = { ...exported, name, bagDir: path.join(extracted, name) };

    // Python's zipfile reads the same archive: PNGs stored, text deflated, nothing encrypted.
    const python = pythonEntries(exported.zipPath);
    expect(python.map((entry) => entry.name).sort()).toEqual([...entries].sort());
    for (const entry of python) {
      expect(entry.flag_bits & 1, entry.name).toBe(0);
      if (entry.name.endsWith('.png')) expect(entry.compress_type, entry.name).toBe(0);
      if (/\.(txt|csv|html|json|jsonl)$/.test(entry.name)) expect(entry.compress_type, entry.name).toBe(8);
    }
  });

  it('is a valid BagIt bag that sha256sum -c verifies, holding every captured artifact', () => {
    const { bagDir } = bundle;
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const check = run('sha256sum', ['--check', '--strict', manifest], { cwd: bagDir });
      expect(check.status, check.output).toBe(0);
      expect(check.output).not.toMatch(/FAILED|WARNING/);
    }
    const { info, payload } = checkBag(bagDir);
    expect(info.get('External-Description')).toMatch(/Audit window/);
    expect(info.get('Bagging-Date')).toBe(bundle.name.slice(-10));
    for (const file of [
      'index.html',
      'register.csv',
      'soa.csv',
      'findings.csv',
      'custody-log.jsonl',
      'VERIFY.txt',
    ])
      expect(payload, file).toContain(`data/${file}`);

    // Each record's folder holds its artifacts (DOM snapshots are off by default) with the stored hashes.
    for (const record of records) {
      const folder = path.join(bagDir, 'data', 'evidence', record.id);
      for (const artifact of record.artifacts) {
        const file = path.join(folder, artifact.name);
        if (artifact.role === 'dom') continue;
        expect(sha256Hex(readFileSync(file)), `${record.id}/${artifact.name}`).toBe(artifact.sha256);
      }
      const names = readdirSync(folder);
      expect(names).toEqual(expect.arrayContaining(['original.png', 'stamped.png', 'metadata.json']));
      const bundled = JSON.parse(readFileSync(path.join(folder, 'record.json'), 'utf8')) as {
        evidence: { id: string; title: string; controls: string[] };
      };
      expect(bundled.evidence).toMatchObject({
        id: record.id,
        title: record.title,
        controls: record.controls,
      });
    }
    expect(readdirSync(path.join(bagDir, 'data', 'evidence')).sort()).toEqual(
      records.map((record) => record.id).sort(),
    );

    // The custody log is the database's chain up to the export and verifies independently.
    const custody = readFileSync(path.join(bagDir, 'data', 'custody-log.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Parameters<typeof verifyCustodyChain>[0][number]);
    expect(custody.length).toBeGreaterThanOrEqual(records.length);
    expect(verifyCustodyChain(custody)).toEqual([]);
    const verifyText = readFileSync(path.join(bagDir, 'data', 'VERIFY.txt'), 'utf8');
    expect(verifyText).toMatch(/sha256sum -c/);
    expect(verifyText).toMatch(/shasum -a 256 -c/);
    expect(verifyText).toMatch(/PowerShell|Get-FileHash/i);
  });

  it('records the export in the custody log with the manifest hash', async () => {
    const dump = await session.read();
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    const last = dump.custody.at(-1)!;
    expect(last.event).toBe('export');
    expect(last.details).toMatchObject({
      bundle: bundle.name,
      evidence: records.length,
      manifestSha256: sha256Hex(readFileSync(path.join(bundle.bagDir, 'manifest-sha256.txt'))),
      encrypted: false,
    });
  });

  it.each([
    ['enabled', true],
    ['disabled', false],
  ])('shows the report offline with JavaScript %s, hostile strings as inert text', async (_, javaScript) => {
    const page: Page = await session.extension.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    if (!javaScript) {
      const cdp = await session.extension.context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    const indexUrl = pathToFileURL(path.join(bundle.bagDir, 'data', 'index.html')).href;
    await page.goto(indexUrl, { waitUntil: 'load' });
    // Thumbnails load lazily when scripts run: bring each into view and let it load (or fail).
    await page.evaluate(async () => {
      for (const image of [...document.images]) {
        image.scrollIntoView();
        if (!image.complete)
          await new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
            setTimeout(resolve, 2_000);
          });
      }
    });
    await page.waitForTimeout(300); // time for any onerror/onload to fire
    expect(dialogs).toEqual([]);

    const view = await page.evaluate(() => ({
      text: document.body.innerText,
      imgX: [...document.images].filter((image) => image.getAttribute('src') === 'x').length,
      svg: document.querySelectorAll('svg').length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((a) => a.name.startsWith('on'))
          .map((a) => `${element.tagName} ${a.name}`),
      ),
      javascriptLinks: [...document.querySelectorAll('[href], [src], [action]')]
        .map(
          (element) =>
            element.getAttribute('href') ??
            element.getAttribute('src') ??
            element.getAttribute('action') ??
            '',
        )
        .filter((value) => /^\s*javascript:/i.test(value)),
      thumbnails: [...document.images].map((image) => ({
        src: image.getAttribute('src'),
        loaded: image.complete && image.naturalWidth > 0,
      })),
      externalRequests: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith('file:')),
    }));
    expect(view.imgX).toBe(0);
    expect(view.svg).toBe(0);
    expect(view.handlers).toEqual([]);
    expect(view.javascriptLinks).toEqual([]);
    expect(view.externalRequests).toEqual([]);
    // The hostile title and notes read exactly as typed, as text.
    expect(view.text).toContain(hostileTitle);
    expect(view.text).toContain(HOSTILE_NOTES);
    for (const record of records) {
      expect(view.text, record.id).toContain(record.id);
      expect(view.text).toContain(record.title);
    }
    expect(view.text).toContain('A.8.13');
    // Thumbnails are files of the bag, loaded from disk.
    expect(view.thumbnails.length).toBeGreaterThanOrEqual(records.length);
    for (const thumbnail of view.thumbnails) {
      expect(thumbnail.src).toMatch(/^evidence\//);
      expect(thumbnail.loaded, thumbnail.src ?? '').toBe(true);
    }
    await page.close();
  });

  it('writes register.csv with one row per evidence and control, formulas neutralised', () => {
    const { rows } = parseCsv(readFileSync(path.join(bundle.bagDir, 'data', 'register.csv'), 'utf8'));
    const [header, ...body] = rows;
    const column = (name: string) => {
      const index = header!.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return index;
    };
    const [id, control, title, notes] = ['Evidence ID', 'Control', 'Evidence title', 'Notes'].map(column);
    const expected = records.flatMap((record) =>
      (record.controls.length > 0 ? record.controls : ['']).map((controlId) => `${record.id} ${controlId}`),
    );
    expect(body.map((row) => `${row[id!]} ${row[control!]}`).sort()).toEqual(expected.sort());
    for (const row of body) expect(row).toHaveLength(header!.length);

    // No cell starts with a character a spreadsheet would run as a formula.
    for (const cell of body.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const hostile = records.find((record) => record.title === hostileTitle)!;
    const hostileRows = body.filter((row) => row[id!] === hostile.id);
    expect(hostileRows.length).toBe(hostile.controls.length);
    for (const row of hostileRows) {
      expect(row[title!]).toBe(`'${hostileTitle}`);
      expect(row[notes!]).toBe(`'${HOSTILE_NOTES}`);
    }
  });

  it('encrypts every entry with AES-256 when a passphrase is given', async () => {
    const encryptedDir = mkdtempSync(path.join(work, 'encrypted-'));
    const exported = await exportFromPage(session, encryptedDir, PASSPHRASE);
    expect(exported.fileName).toBe(bundle.fileName);
    const entries = pythonEntries(exported.zipPath);
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect(entry.flag_bits & 1, `${entry.name} is flagged encrypted`).toBe(1);
      expect(entry.compress_type, `${entry.name} uses the WinZip AES method`).toBe(99);
    }

    // unzip (Info-ZIP 6) extracts nothing: it skips every entry (it cannot do AES at all, so this
    // shows only that no tool without AES support sees the contents).
    const refused = run('unzip', ['-t', exported.zipPath]);
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).not.toMatch(/No errors detected/);
    const extractDir = path.join(encryptedDir, 'out');
    run('unzip', ['-q', exported.zipPath, '-d', extractDir]);
    const extracted = (() => {
      try {
        return walk(extractDir);
      } catch {
        return [];
      }
    })();
    expect(extracted.filter((file) => statSync(path.join(extractDir, file)).size > 0)).toEqual([]);

    // With the passphrase, node:crypto decrypts every entry, and the bag inside verifies; a wrong
    // passphrase fails the password verifier.
    const zip = readFileSync(exported.zipPath);
    expect(() => decryptWinZipAes(entries[0]!, zip, 'not the passphrase')).toThrow(
      /password verifier|HMAC-SHA1/,
    );
    const files = new Map(
      entries.map((entry) => [
        entry.name.slice(bundle.name.length + 1),
        decryptWinZipAes(entry, zip, PASSPHRASE),
      ]),
    );
    const manifest = files.get('manifest-sha256.txt')!.toString('utf8');
    const lines = manifest.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(records.length);
    for (const line of lines) {
      const [hash, file] = line.split('  ');
      expect(files.has(file!), file).toBe(true);
      expect(sha256Hex(files.get(file!)!), file).toBe(hash);
    }
    expect(files.get('bagit.txt')!.toString('utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    // The same evidence bytes as the plain bundle.
    for (const record of records) {
      const original = `data/evidence/${record.id}/original.png`;
      expect(sha256Hex(files.get(original)!)).toBe(
        sha256Hex(readFileSync(path.join(bundle.bagDir, original))),
      );
    }
    const last = (await session.read()).custody.at(-1)!;
    expect(last.details).toMatchObject({ encrypted: true });
  });
});
