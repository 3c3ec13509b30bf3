import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BlobReader, ZipReader } from '@zip.js/zip.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  evidenceOf,
  FORMULA_NOTES,
  HOSTILE_TITLE,
  makeFixture,
  memoryOutput,
} from '@/tests/support/bundle-fixtures';
import type { BundleProgress } from './types';
import { BundleError, writeBundle, type WriteBundleOptions } from './writer';

const workDir = mkdtempSync(join(tmpdir(), 'bundle-writer-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function writeToFile(
  options: Omit<WriteBundleOptions, 'evidence' | 'context' | 'includeDomSnapshots'> & {
    largeOriginal?: number;
    includeDomSnapshots?: boolean;
  } = {},
) {
  const fixture = await makeFixture(options.largeOriginal ? { largeOriginal: options.largeOriginal } : {});
  const output = memoryOutput();
  const result = await writeBundle(output.stream, {
    includeDomSnapshots: true,
    ...options,
    context: fixture.context,
    evidence: evidenceOf(fixture),
  });
  const file = join(workDir, `${result.name}-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, output.bytes());
  return { file, result, fixture };
}

function run(command: string, args: string[], cwd?: string) {
  const outcome = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: outcome.status, output: `${outcome.stdout}${outcome.stderr}` };
}

function extract(file: string): string {
  const target = mkdtempSync(join(workDir, 'x-'));
  execFileSync('unzip', ['-q', file, '-d', target]);
  return target;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** A BagIt 1.0 check written from RFC 8493, independent of the exporter's code. */
function validateBag(bagDir: string): string[] {
  const problems: string[] = [];
  const read = (name: string) => readFileSync(join(bagDir, name), 'utf8');
  const sha = (path: string) =>
    createHash('sha256')
      .update(readFileSync(join(bagDir, path)))
      .digest('hex');
  if (read('bagit.txt') !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')
    problems.push('bagit.txt');
  const info = new Map(
    read('bag-info.txt')
      .trimEnd()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as const),
  );
  for (const label of [
    'Source-Organization',
    'Bagging-Date',
    'Payload-Oxum',
    'External-Description',
    'Bag-Software-Agent',
  ]) {
    if (!info.get(label)) problems.push(`bag-info lacks ${label}`);
  }
  const manifest = (name: string) =>
    new Map(
      read(name)
        .trimEnd()
        .split('\n')
        .map((line) => {
          const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
          if (!match) problems.push(`${name}: bad line ${line}`);
          return [match?.[2] ?? '', match?.[1] ?? ''] as const;
        }),
    );
  const payload = manifest('manifest-sha256.txt');
  const files = walk(join(bagDir, 'data')).map((path) => relative(bagDir, path).split('\\').join('/'));
  for (const file of files) if (!payload.has(file)) problems.push(`not in manifest: ${file}`);
  for (const [path, hash] of payload) {
    if (!files.includes(path)) problems.push(`listed but absent: ${path}`);
    else if (sha(path) !== hash) problems.push(`hash: ${path}`);
  }
  const octets = files.reduce((sum, file) => sum + statSync(join(bagDir, file)).size, 0);
  if (info.get('Payload-Oxum') !== `${octets}.${files.length}`)
    problems.push(`Payload-Oxum ${info.get('Payload-Oxum')} vs ${octets}.${files.length}`);
  const tags = manifest('tagmanifest-sha256.txt');
  for (const tag of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) {
    if (tags.get(tag) !== sha(tag)) problems.push(`tagmanifest: ${tag}`);
  }
  const rootFiles = readdirSync(bagDir).filter((name) => name !== 'data');
  for (const name of rootFiles)
    if (name !== 'tagmanifest-sha256.txt' && !tags.has(name)) problems.push(`tag file not listed: ${name}`);
  return problems;
}

describe('writeBundle', () => {
  it('writes a zip that stock tools and an independent BagIt check accept', async () => {
    const { file, result } = await writeToFile();
    expect(result.name).toBe('isms-evidence_acme-gmbh_2025-04-02');
    expect(run('unzip', ['-t', file]).status).toBe(0);

    const dir = extract(file);
    expect(readdirSync(dir)).toEqual([result.name]);
    const bag = join(dir, result.name);
    const payloadCheck = run('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], bag);
    expect(payloadCheck.status, payloadCheck.output).toBe(0);
    expect(payloadCheck.output).not.toMatch(/FAILED/);
    const tagCheck = run('sha256sum', ['-c', '--strict', 'tagmanifest-sha256.txt'], bag);
    expect(tagCheck.status, tagCheck.output).toBe(0);
    expect(validateBag(bag)).toEqual([]);

    const evidenceDir = join(bag, 'data/evidence/EV-20250110-AAAAAA');
    expect(readdirSync(evidenceDir).sort()).toEqual(
      [
        'dom.html',
        'metadata.json',
        'original.png',
        'record.json',
        'stamped.png',
        'table-1.csv',
        'text.txt',
        'thumbnail.png',
      ].sort(),
    );
    for (const name of [
      'index.html',
      'register.csv',
      'soa.csv',
      'findings.csv',
      'custody-log.jsonl',
      'VERIFY.txt',
    ]) {
      expect(statSync(join(bag, 'data', name)).size).toBeGreaterThan(0);
    }
    expect(result).toMatchObject({ evidenceCount: 3, artifactCount: 21, payloadFiles: 31, encrypted: false });
    expect(result.zipBytes).toBe(statSync(file).size);
  });

  it('stores PNGs, deflates text and is readable by Python zipfile', async () => {
    const { file } = await writeToFile();
    const script = `import zipfile, json, sys
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print(json.dumps({"bad": bad, "methods": {i.filename.split("/")[-1]: i.compress_type for i in z.infolist()}}))`;
    const { bad, methods } = JSON.parse(
      execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }),
    ) as {
      bad: string | null;
      methods: Record<string, number>;
    };
    expect(bad).toBeNull();
    expect(methods['original.png']).toBe(0);
    expect(methods['thumbnail.png']).toBe(0);
    expect(methods['index.html']).toBe(8);
    expect(methods['text.txt']).toBe(8);
  });

  it('hashes large artifacts while streaming them, and ZIP64 records stay readable', async () => {
    const { file, result } = await writeToFile({ largeOriginal: 300_000, wholeReadLimit: 4096, zip64: true });
    expect(run('unzip', ['-t', file]).status).toBe(0);
    const bag = join(extract(file), result.name);
    expect(run('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], bag).status).toBe(0);
    expect(validateBag(bag)).toEqual([]);
    const script = 'import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).testzip())';
    expect(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim()).toBe('None');
  });

  it('leaves DOM snapshots out on request and says so in record.json', async () => {
    const { file, result } = await writeToFile({ includeDomSnapshots: false });
    const bag = join(extract(file), result.name);
    const dir = join(bag, 'data/evidence/EV-20250110-AAAAAA');
    expect(readdirSync(dir)).not.toContain('dom.html');
    const record = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as {
      omittedArtifacts: { name: string }[];
    };
    expect(record.omittedArtifacts.map((artifact) => artifact.name)).toEqual(['dom.html']);
    expect(validateBag(bag)).toEqual([]);
  });

  it('escapes hostile strings in index.html and neutralises formulas in the CSV files', async () => {
    const { file, result } = await writeToFile();
    const data = join(extract(file), result.name, 'data');
    const html = readFileSync(join(data, 'index.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="evidence/EV-20250110-AAAAAA/original.png"');
    expect(html).toContain('src="evidence/EV-20250110-AAAAAA/thumbnail.png"');
    expect(html).not.toContain('data:image');
    const register = readFileSync(join(data, 'register.csv'), 'utf8');
    expect(register).toContain(`"'${FORMULA_NOTES.replaceAll('"', '""')}"`);
    expect(register.split('\r\n').filter((line) => line.startsWith('EV-20250110-AAAAAA'))).toHaveLength(2);
    expect(readFileSync(join(data, 'findings.csv'), 'utf8')).toContain("'@SUM(1+1)");
  });

  it('reports progress up to every file and byte', async () => {
    const seen: BundleProgress[] = [];
    const { result } = await writeToFile({ onProgress: (progress) => seen.push(progress) });
    const last = seen.at(-1)!;
    expect(last.files).toBe(result.payloadFiles + 4);
    expect(last.bytes).toBeGreaterThanOrEqual(result.payloadBytes);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.files).toBeGreaterThanOrEqual(seen[i - 1]!.files);
  });

  it.each([
    ['read whole', undefined],
    ['streamed', 16],
  ])(
    'refuses an artifact whose bytes do not match its hash (%s), naming the file',
    async (_label, wholeReadLimit) => {
      const fixture = await makeFixture();
      const record = fixture.records[1]!;
      const stamped = record.artifacts.find((artifact) => artifact.name === 'stamped.png')!;
      const bytes = new Uint8Array(await fixture.blobs.get(stamped.blobKey)!.arrayBuffer());
      bytes[bytes.length - 1]! ^= 0xff;
      fixture.blobs.set(stamped.blobKey, new Blob([bytes]));
      const output = memoryOutput();
      const writing = writeBundle(output.stream, {
        context: fixture.context,
        evidence: evidenceOf(fixture),
        includeDomSnapshots: true,
        wholeReadLimit,
      });
      await expect(writing).rejects.toThrow(BundleError);
      await expect(writing).rejects.toThrow(
        `Evidence ${record.id}: stamped.png does not match its recorded SHA-256`,
      );
    },
  );

  it('bundles artifacts whose stored names are no safe segment under safe, unique names', async () => {
    const fixture = await makeFixture();
    const [first, second] = fixture.records[0]!.artifacts;
    first!.name = '../escape.png';
    second!.name = 'metadata.json';
    const output = memoryOutput();
    await writeBundle(output.stream, {
      context: fixture.context,
      evidence: evidenceOf(fixture),
      includeDomSnapshots: true,
    });
    const reader = new ZipReader(new BlobReader(new Blob([new Uint8Array(output.bytes())])));
    const names = (await reader.getEntries()).map((entry) => entry.filename);
    await reader.close();
    const folder = `/data/evidence/${fixture.records[0]!.id}/`;
    expect(names.filter((name) => name.includes(folder)).map((name) => name.split('/').pop())).toEqual(
      expect.arrayContaining(['escape.png', 'metadata-2.json', 'metadata.json']),
    );
    expect(names.filter((name) => name.includes('..'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('stops when cancelled and aborts the output', async () => {
    const fixture = await makeFixture();
    const controller = new AbortController();
    let aborted = false;
    const output = new WritableStream<Uint8Array>({ abort: () => void (aborted = true) });
    const evidence = evidenceOf(fixture).map((item, index) => ({
      ...item,
      readArtifact: async (artifact: Parameters<typeof item.readArtifact>[0]) => {
        if (index === 1) controller.abort(new DOMException('Export cancelled', 'AbortError'));
        return item.readArtifact(artifact);
      },
    }));
    const writing = writeBundle(output, {
      context: fixture.context,
      evidence,
      includeDomSnapshots: true,
      signal: controller.signal,
    });
    await expect(writing).rejects.toThrow('Export cancelled');
    expect(aborted).toBe(true);
  });

  it('encrypts every entry with AES-256 when given a passphrase', async () => {
    const { file, result } = await writeToFile({ password: 'correct horse battery staple' });
    expect(result.encrypted).toBe(true);
    const reader = new ZipReader(new BlobReader(new Blob([readFileSync(file)])));
    const entries = await reader.getEntries();
    expect(entries.length).toBe(result.payloadFiles + 4);
    for (const entry of entries) {
      expect(entry.encrypted).toBe(true);
      expect(entry.extraFieldAES?.strength).toBe(3);
    }
    await reader.close();
  });
});
