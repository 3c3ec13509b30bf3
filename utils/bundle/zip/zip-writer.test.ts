import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader, type Entry } from '@zip.js/zip.js';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { StreamingZipWriter, type ZipSource } from './zip-writer';

const workDir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface TestEntry {
  name: string;
  bytes: Uint8Array;
  compress: boolean;
  streamed?: boolean;
}

function streamOf(bytes: Uint8Array, chunk = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

async function zipOf(entries: Iterable<TestEntry>, options: { zip64?: boolean } = {}) {
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk.slice()) });
  const zip = new StreamingZipWriter(sink.getWriter(), options);
  const modified = new Date(2025, 4, 17, 13, 45, 30);
  for (const entry of entries) {
    const source: ZipSource = entry.streamed
      ? { readable: streamOf(entry.bytes), size: entry.bytes.length }
      : { bytes: entry.bytes };
    await zip.add(entry.name, source, { compress: entry.compress, modified });
  }
  await zip.close();
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  expect(zip.bytesWritten).toBe(bytes.length);
  const file = join(workDir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  return { bytes, file, modified };
}

const PYTHON_READ = `import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({"bad": z.testzip(), "entries": [
        [i.filename, i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest()]
        for i in z.infolist()][:50], "count": len(z.infolist())}))`;

function pythonRead(file: string) {
  return JSON.parse(execFileSync('python3', ['-c', PYTHON_READ, file], { encoding: 'utf8' })) as {
    bad: string | null;
    entries: [string, number, number, string][];
    count: number;
  };
}

function unzipTest(file: string) {
  const run = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function dataOf(entry: Entry): Promise<Uint8Array> {
  if (entry.directory) throw new Error(`${entry.filename} is a folder`);
  return entry.getData(new Uint8ArrayWriter());
}

const sha256 = (bytes: Uint8Array) => execFileSync('sha256sum', { input: bytes }).toString().slice(0, 64);

const text = new TextEncoder().encode('Backup job succeeded. '.repeat(400));
const png = new Uint8Array(randomBytes(70_000));
const sample: TestEntry[] = [
  { name: 'bag/bagit.txt', bytes: new TextEncoder().encode('BagIt-Version: 1.0\n'), compress: true },
  { name: 'bag/data/evidence/EV-1/original.png', bytes: png, compress: false },
  { name: 'bag/data/evidence/EV-1/text.txt', bytes: text, compress: true },
  { name: 'bag/data/evidence/EV-1/streamed.png', bytes: png.slice(1), compress: false, streamed: true },
  { name: 'bag/data/evidence/EV-1/streamed.txt', bytes: text, compress: true, streamed: true },
  { name: 'bag/data/evidence/EV-1/empty.txt', bytes: new Uint8Array(0), compress: true },
  { name: 'bag/data/Zugriffsprüfung — März.txt', bytes: text.slice(0, 10), compress: true },
];

describe('crc32', () => {
  it('gives the check value of the zip polynomial and continues across chunks', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = new Uint8Array(randomBytes(10_007));
    const whole = crc32(bytes);
    expect(crc32(bytes.subarray(3)), 'a different input differs').not.toBe(whole);
    expect(crc32(bytes.subarray(4099), crc32(bytes.subarray(0, 4099)))).toBe(whole);
    const python = execFileSync(
      'python3',
      ['-c', 'import sys, zlib; print(zlib.crc32(sys.stdin.buffer.read()))'],
      {
        input: bytes,
      },
    );
    expect(whole).toBe(Number(python.toString().trim()));
  });
});

describe('StreamingZipWriter', () => {
  it('writes entries that zip.js reads back byte for byte, with names, methods and dates', async () => {
    const { bytes, modified } = await zipOf(sample);
    const reader = new ZipReader(new BlobReader(new Blob([bytes])));
    const entries = await reader.getEntries();
    expect(entries.map((entry) => entry.filename)).toEqual(sample.map((entry) => entry.name));
    for (const [index, entry] of entries.entries()) {
      const expected = sample[index]!;
      const data = await dataOf(entry);
      expect(sha256(data), expected.name).toBe(sha256(expected.bytes));
      expect(entry.uncompressedSize).toBe(expected.bytes.length);
      expect(entry.lastModDate.getTime()).toBe(modified.getTime());
      expect(entry.encrypted).toBe(false);
    }
    await reader.close();
  });

  it('is valid under unzip -t and Python zipfile, stored and deflated, whole and streamed', async () => {
    const { file } = await zipOf(sample);
    expect(unzipTest(file)).toMatchObject({ status: 0 });
    const read = pythonRead(file);
    expect(read.bad).toBeNull();
    expect(read.entries).toEqual(
      sample.map((entry) => [entry.name, entry.compress ? 8 : 0, entry.bytes.length, sha256(entry.bytes)]),
    );
    const text = read.entries.find(([name]) => name.endsWith('/text.txt'))!;
    expect(text[1]).toBe(8);
  });

  it('writes ZIP64 records on request, which the readers accept', async () => {
    const { file, bytes } = await zipOf(sample, { zip64: true });
    const tail = Buffer.from(bytes.subarray(-200));
    expect(tail.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(unzipTest(file)).toMatchObject({ status: 0 });
    expect(pythonRead(file)).toMatchObject({ bad: null, count: sample.length });
  });

  it('writes over 65,535 entries with ZIP64 end records that unzip, Python and zip.js read', async () => {
    const count = 70_000;
    function* entries(): Generator<TestEntry> {
      for (let index = 0; index < count; index++)
        yield {
          name: `bag/data/evidence/EV-${index}/record.json`,
          bytes: new TextEncoder().encode(`{"id":${index}}`),
          compress: index % 2 === 0,
        };
    }
    const { file, bytes } = await zipOf(entries());
    const tail = Buffer.from(bytes.subarray(-200));
    expect(tail.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07])), 'the ZIP64 locator').toBe(true);
    const unzip = unzipTest(file);
    expect(unzip.output).toContain('No errors detected');
    const read = pythonRead(file);
    expect(read).toMatchObject({ bad: null, count });
    expect(read.entries[1]).toEqual([
      'bag/data/evidence/EV-1/record.json',
      0,
      8,
      sha256(new TextEncoder().encode('{"id":1}')),
    ]);
    const reader = new ZipReader(new BlobReader(new Blob([bytes])));
    const listed = await reader.getEntries();
    expect(listed.length).toBe(count);
    expect(await dataOf(listed.at(-1)!)).toEqual(new TextEncoder().encode(`{"id":${count - 1}}`));
    await reader.close();
  }, 120_000);

  it('refuses a stream that ends before its announced size', async () => {
    const sink = new WritableStream<Uint8Array>();
    const zip = new StreamingZipWriter(sink.getWriter());
    const adding = zip.add(
      'short.bin',
      { readable: streamOf(png.subarray(0, 100)), size: 101 },
      {
        compress: false,
        modified: new Date(),
      },
    );
    await expect(adding).rejects.toThrow('short.bin: 100 bytes read, 101 announced.');
  });

  it('stops at the next chunk once cancelled', async () => {
    const controller = new AbortController();
    const sink = new WritableStream<Uint8Array>();
    const zip = new StreamingZipWriter(sink.getWriter(), { signal: controller.signal });
    let pulled = 0;
    const readable = new ReadableStream<Uint8Array>({
      pull(stream) {
        if (++pulled === 3) controller.abort(new DOMException('Export cancelled', 'AbortError'));
        stream.enqueue(new Uint8Array(1000));
      },
    });
    const adding = zip.add(
      'big.bin',
      { readable, size: 1_000_000 },
      { compress: false, modified: new Date() },
    );
    await expect(adding).rejects.toThrow('Export cancelled');
    expect(pulled).toBeLessThan(10);
  });
});
